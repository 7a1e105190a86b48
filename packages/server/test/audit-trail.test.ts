/**
 * Administrators read their clinic's audit trail in the app: only their clinic's chain, newest
 * first, filtered by patient, actor, action and days in the clinic's time zone, paged, and as CSV;
 * reading it is itself audited; other roles may not; bad filters are a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let admin: Awaited<ReturnType<Harness["staff"]>>;
let clinician: Awaited<ReturnType<Harness["staff"]>>;
let patientA: { id: string };
let patientB: { id: string };
let elsewhere: { id: string };

beforeAll(async () => {
  // 01:50 UTC on 3 March is still 2 March, 20:50, in New York.
  h = await createHarness({ now: "2026-03-03T01:50:00Z" });
  admin = await h.staff("admin");
  clinician = await h.staff("clinician", admin.clinicId);
  await h.call("PUT", "/api/v1/clinic/time-zone", {
    cookie: admin.cookie,
    body: { timeZone: "America/New_York" },
  });
  patientA = await h.patient(clinician.cookie, { familyName: "=HYPERLINK(1)" });
  patientB = await h.patient(clinician.cookie, { givenName: "Grace", familyName: "Hopper" });
  await h.call("GET", `/api/v1/patients/${patientA.id}`, { cookie: clinician.cookie });
  const other = await h.staff("admin");
  elsewhere = await h.patient(other.cookie);
});
afterAll(() => h.close());

const list = (query = "", cookie = admin.cookie) => h.call("GET", `/api/v1/audit-events${query}`, { cookie });

describe("the audit trail for administrators", () => {
  it("lists only the clinic's own events, newest first, with who acted and whose record", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const items = res.json.items as any[];
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect(items.some((e) => e.patient?.id === elsewhere.id)).toBe(false);
    expect(items[0]).toMatchObject({
      action: "read",
      entityType: "patient",
      actor: { kind: "staff", id: clinician.id, name: "Test clinician" },
      patient: { id: patientA.id, name: "Ada =HYPERLINK(1)" },
      at: "2026-03-03T01:50:00.000Z",
    });
    expect(items.at(-1)).toMatchObject({ action: "create", entityType: "clinic", actor: { kind: "system" } });
  });

  it("filters by patient, by actor, by action and by days in the clinic's time zone", async () => {
    const byPatient = (await list(`?patientId=${patientB.id}`)).json.items as any[];
    expect(byPatient.length).toBeGreaterThan(0);
    expect(byPatient.every((e) => e.patient.id === patientB.id)).toBe(true);
    const byActor = (await list(`?actorId=${admin.id}`)).json.items as any[];
    expect(byActor.map((e) => e.action)).toContain("update");
    expect(byActor.every((e) => e.actor.id === admin.id)).toBe(true);
    const reads = (await list("?action=read&actorKind=staff")).json.items as any[];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action === "read")).toBe(true);
    // Everything happened on 2 March in New York, though on 3 March in UTC.
    const second = (await list("?from=2026-03-02&to=2026-03-02&action=create")).json.items as any[];
    expect(second.filter((e) => e.entityType === "patient").map((e) => e.patient.id)).toEqual([
      patientB.id,
      patientA.id,
    ]);
    expect((await list("?from=2026-03-03&to=2026-03-03")).json.items).toEqual([]);
  });

  it("pages with nextBefore until the oldest event", async () => {
    const all = (await list("?limit=200")).json.items as any[];
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: any = (await list(`?limit=3${before ? `&before=${before}` : ""}&actorKind=staff`)).json;
      seen.push(...page.items.map((e: any) => e.seq));
      before = page.nextBefore;
    } while (before !== null);
    // Each page read adds a newer event, which later pages never show twice.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe(all.filter((e) => e.actor.kind === "staff").at(-1).seq);
  });

  it("audits each reading of the trail, with its filters", async () => {
    await list(`?patientId=${patientA.id}&limit=5`);
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, detail from audit_events where clinic_id = $1 order by chain_seq desc limit 1",
      [admin.clinicId],
    );
    expect(rows[0]).toMatchObject({
      actor_id: admin.id,
      action: "read",
      entity_type: "audit-events",
      detail: { filter: { patientId: patientA.id }, before: null },
    });
  });

  it("downloads the same events as CSV, oldest first, formulas kept as text, audited as an export", async () => {
    const res = await h.app.request(`http://evident.test/api/v1/audit-events.csv?patientId=${patientA.id}`, {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="audit-trail-2026-03-03\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "seq,id,at,actor_kind,actor_id,actor_name,action,entity_type,entity_id,patient_id,patient_name,request_id,detail",
    );
    expect(lines[1]).toMatch(/,create,patient,/);
    expect(lines[1]).toContain(`,${patientA.id},Ada =HYPERLINK(1),`);
    expect(lines.at(-1)).toMatch(/,read,patient,/);
    const { rows } = await h.database.pool.query(
      "select action, detail from audit_events where clinic_id = $1 order by chain_seq desc limit 1",
      [admin.clinicId],
    );
    expect(rows[0]).toMatchObject({ action: "export", detail: { format: "csv", rows: lines.length - 1 } });
  });

  it("offers the clinic's staff and recent actions as filter choices", async () => {
    const res = await h.call("GET", "/api/v1/audit-events/facets", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json.staff.map((s: any) => s.id).sort()).toEqual([admin.id, clinician.id].sort());
    expect(res.json.actions).toEqual(expect.arrayContaining(["create", "read", "update"]));
  });

  it("is for administrators only", async () => {
    expect((await list("", clinician.cookie)).status).toBe(403);
    const researcher = await h.staff("researcher", admin.clinicId);
    expect((await list("", researcher.cookie)).status).toBe(403);
    expect((await h.call("GET", "/api/v1/audit-events")).status).toBe(401);
  });

  it("names each bad filter in a 400 and reads nothing", async () => {
    const before = await h.count("audit_events");
    const res = await list("?from=2026-13-01&patientId=42&limit=0&actorKind=robot");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.json.issues.map((i: any) => i.path).sort()).toEqual([
      "actorKind",
      "from",
      "limit",
      "patientId",
    ]);
    const reversed = await list("?from=2026-03-04&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.json.issues).toEqual([{ path: "to", message: "must be on or after from" }]);
    expect(await h.count("audit_events")).toBe(before);
  });
});
