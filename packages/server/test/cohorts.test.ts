/**
 * Saved cohorts over the API: saving a name again makes the next version and keeps the old one;
 * each cohort comes with its one-line definition; a clinic sees its own cohorts and the network's
 * but not another clinic's; only researchers save network-wide cohorts; clinicians cannot save;
 * bad input is problem+json naming each field, with nothing written; each save is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
type Staff = Awaited<ReturnType<Harness["staff"]>>;
let researcherA: Staff;
let adminA: Staff;
let clinicianA: Staff;
let researcherB: Staff;

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T09:00:00Z" });
  const clinicA = (await h.clinic("Cohort clinic A")).id;
  const clinicB = (await h.clinic("Cohort clinic B")).id;
  researcherA = await h.staff("researcher", clinicA);
  adminA = await h.staff("admin", clinicA);
  clinicianA = await h.staff("clinician", clinicA);
  researcherB = await h.staff("researcher", clinicB);
}, 120_000);
afterAll(() => h.close());

const call = (method: string, url: string, cookie: string, body?: unknown) =>
  h.call(method, `/api/v1${url}`, { cookie, ...(body === undefined ? {} : { body }) });

describe("saved cohorts", () => {
  it("saves a new name as v1 and the same name again as v2, keeping v1 unchanged", async () => {
    const v1 = await call("POST", "/cohorts", adminA.cookie, {
      name: "BMC 40s",
      filter: { treatmentKinds: ["bone_marrow_concentrate"], ageBands: ["40-49"] },
    });
    expect(v1.status, JSON.stringify(v1.json)).toBe(201);
    expect(v1.json).toMatchObject({ name: "BMC 40s", version: 1, scope: "clinic", own: true });
    expect(v1.json.line).toBe("Cohort 'BMC 40s' v1: Bone-marrow concentrate injection; age 40–49");
    const v2 = await call("POST", "/cohorts", adminA.cookie, {
      name: "BMC 40s",
      filter: {
        treatmentKinds: ["bone_marrow_concentrate"],
        ageBands: ["40-49", "50-59"],
        sexes: ["female"],
      },
    });
    expect(v2.json).toMatchObject({ version: 2 });
    expect(v2.json.line).toBe(
      "Cohort 'BMC 40s' v2: Bone-marrow concentrate injection; age 40–49 or 50–59; female",
    );
    const list = await call("GET", "/cohorts", researcherA.cookie);
    expect(list.json.items.map((c: { name: string; version: number }) => [c.name, c.version])).toEqual([
      ["BMC 40s", 2],
    ]);
    const versions = await call("GET", `/cohorts/${v2.json.id}/versions`, researcherA.cookie);
    expect(versions.json.items.map((c: { version: number }) => c.version)).toEqual([2, 1]);
    expect(versions.json.items[1].filter).toEqual(v1.json.filter);
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where action = 'save' and entity_type = 'cohort' order by chain_seq",
    );
    expect(rows.map((r) => r.detail.line)).toEqual([v1.json.line, v2.json.line]);
  });

  it("shows another clinic the network's cohorts but not a clinic's own", async () => {
    const network = await call("POST", "/cohorts", researcherA.cookie, {
      name: "Pooled stenosis",
      scope: "network",
      filter: { conditions: ["spinal_stenosis"] },
    });
    expect(network.status, JSON.stringify(network.json)).toBe(201);
    const seen = await call("GET", "/cohorts", researcherB.cookie);
    expect(seen.json.items.map((c: { name: string; own: boolean }) => [c.name, c.own])).toEqual([
      ["Pooled stenosis", false],
    ]);
    const theirs = await call("GET", "/cohorts", adminA.cookie);
    expect(theirs.json.items.map((c: { name: string }) => c.name)).toEqual(["BMC 40s", "Pooled stenosis"]);
    const otherVersions = await call(
      "GET",
      `/cohorts/${theirs.json.items[0].id}/versions`,
      researcherB.cookie,
    );
    expect(otherVersions.status).toBe(404);
  });

  it("lets only researchers save network-wide cohorts and only researchers and admins save at all", async () => {
    const admin = await call("POST", "/cohorts", adminA.cookie, {
      name: "Net",
      scope: "network",
      filter: {},
    });
    expect([admin.status, admin.json.issues?.[0]?.path]).toEqual([400, "scope"]);
    const clinician = await call("POST", "/cohorts", clinicianA.cookie, { name: "Mine", filter: {} });
    expect(clinician.status).toBe(403);
    expect((await call("GET", "/cohorts", clinicianA.cookie)).status).toBe(200);
  });

  it("names each bad field as problem+json and writes nothing", async () => {
    const before = (await h.database.pool.query("select count(*)::int as n from saved_cohorts")).rows[0].n;
    const bad = await call("POST", "/cohorts", researcherA.cookie, {
      name: "",
      filter: { sexes: ["robot"], treatedFrom: "2026-05-01", treatedTo: "2026-04-01", colour: "red" },
    });
    expect([bad.status, bad.headers.get("content-type")]).toEqual([
      400,
      expect.stringMatching(/problem\+json/),
    ]);
    const paths = bad.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "filter.sexes.0"]));
    const ghost = await call("POST", "/cohorts", researcherA.cookie, {
      name: "Ghost clinic",
      filter: { clinicIds: ["0190c0de-0000-7000-8000-000000000001"] },
    });
    expect([ghost.status, ghost.json.issues[0].path]).toEqual([400, "filter.clinicIds"]);
    const after = (await h.database.pool.query("select count(*)::int as n from saved_cohorts")).rows[0].n;
    expect(after).toBe(before);
  });
});

describe("the clinics a cohort may pick", () => {
  it("gives a researcher every clinic by its coded label, named only where it agreed, and staff their own clinic", async () => {
    const mine = await call("GET", "/cohorts/clinics", clinicianA.cookie);
    expect(mine.status).toBe(200);
    expect(mine.json.items).toEqual([
      { id: clinicianA.clinicId, label: "Cohort clinic A", name: "Cohort clinic A", own: true },
    ]);

    const agreed = await call("PUT", "/clinic/benchmark-naming", adminA.cookie, { named: true });
    expect(agreed.status).toBe(200);
    const all = await call("GET", "/cohorts/clinics", researcherB.cookie);
    expect(all.status).toBe(200);
    const items = all.json.items as { id: string; label: string; name: string | null; own: boolean }[];
    const { rows } = await h.database.pool.query<{ id: string }>("select id from clinics");
    expect(items.map((k) => k.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(items.map((k) => k.label)).toEqual(items.map((_, i) => `Clinic ${String.fromCharCode(65 + i)}`));
    expect(items.find((k) => k.id === clinicianA.clinicId)?.name).toBe("Cohort clinic A");
    expect(items.filter((k) => k.id !== clinicianA.clinicId).every((k) => k.name === null)).toBe(true);
    expect(items.filter((k) => k.own).map((k) => k.id)).toEqual([researcherB.clinicId]);
    await call("PUT", "/clinic/benchmark-naming", adminA.cookie, { named: false });
  });
});
