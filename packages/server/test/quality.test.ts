/**
 * Data quality (issue 15, item 3): each rule fires on its seeded defect and on nothing in a clean
 * registry; the result is stored per clinic with its "as of" time; staff read the records found
 * (audited), researchers only the counts of every clinic, and the research role cannot read a
 * record id at all; administrators run it now, the job runner nightly.
 */
import { qualityRuleIds } from "@evident/domain/quality";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { cleanPatient, desk, seedDefects, TODAY } from "./quality-registry";

let h: Harness;
type Staff = Awaited<ReturnType<Harness["staff"]>>;
let clean: { clinicId: string; staff: Staff; admin: Staff; patients: string[] };
let defects: { clinicId: string; staff: Staff; seeded: Record<string, string> };
let cleanInDefects: string[];

type Rule = { id: string; count: number; records?: { id: string; patientId: string; type: string }[] };
const byId = (rules: Rule[]) => Object.fromEntries(rules.map((r) => [r.id, r]));

beforeAll(async () => {
  h = await createHarness({ now: `${TODAY}T09:00:00Z` });
  const a = await h.clinic("Clean clinic");
  const admin = await h.staff("admin", a.id);
  const cleanStaff = await h.staff("clinician", a.id);
  const d = desk(h, cleanStaff);
  const patients = [];
  for (const name of ["One", "Two", "Three"]) patients.push((await cleanPatient(d, name)).id);
  clean = { clinicId: a.id, staff: cleanStaff, admin, patients };

  const b = await h.clinic("Defects clinic");
  const staff = await h.staff("clinician", b.id);
  cleanInDefects = [(await cleanPatient(desk(h, staff), "Fine")).id];
  defects = { clinicId: b.id, staff, seeded: await seedDefects(h, staff) };
  h.clock.set(`${TODAY}T09:00:00Z`);
}, 120_000);
afterAll(() => h.close());

const read = async (email: string, query = "") =>
  h.call("GET", `/api/v1/quality${query}`, { cookie: await h.signIn(email) });

describe("the data-quality rules on a small registry", () => {
  it("find nothing in a clean registry", async () => {
    const res = await read(clean.staff.email);
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe("clinic");
    expect(res.json.patientsChecked).toBe(3);
    expect(res.json.rules.map((r: Rule) => [r.id, r.count, r.records])).toEqual(
      qualityRuleIds.map((id) => [id, 0, []]),
    );
  });

  it.each(qualityRuleIds)("%s fires on its seeded defect, and on no clean patient", async (rule) => {
    const res = await read(defects.staff.email, `?rule=${rule}`);
    expect(res.status).toBe(200);
    const [result] = res.json.rules as Rule[];
    expect(result?.id).toBe(rule);
    expect(result?.records?.map((r) => r.id)).toContain(defects.seeded[rule]);
    expect(result?.count).toBe(result?.records?.length);
    for (const r of result?.records ?? []) expect(cleanInDefects).not.toContain(r.patientId);
  });

  it("stores each run per clinic with its time, and audits the staff's read of the records", async () => {
    const res = await read(defects.staff.email);
    expect(res.json.asOf).toBe(`${TODAY}T09:00:00.000Z`);
    expect(res.json.trigger).toBe("on-demand");
    const { rows } = await h.database.pool.query(
      "select count(*)::int as n from audit_events where clinic_id = $1 and entity_type = 'data-quality' and action = 'read' and actor_id = $2",
      [defects.clinicId, defects.staff.id],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe("who reads what", () => {
  it("gives researchers the counts of every clinic summed, and no record", async () => {
    const staffView = byId((await read(defects.staff.email)).json.rules);
    const researcher = await h.staff("researcher", clean.clinicId);
    const res = await read(researcher.email);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: "pooled", clinics: 2 });
    for (const r of res.json.rules as Rule[]) {
      expect(r.records).toBeUndefined();
      expect(r.count).toBe(staffView[r.id]?.count); // the clean clinic adds nothing
    }
    for (const id of [...Object.values(defects.seeded), ...cleanInDefects])
      expect(res.text).not.toContain(id);
  });

  it("keeps record ids out of the research role's reach: counts yes, findings and runs no", async () => {
    const research = h.deps.database.research.pool;
    const { rows } = await research.query("select count(*)::int as n from quality_counts");
    expect(rows[0].n).toBeGreaterThan(0);
    for (const table of ["quality_findings", "quality_runs"])
      await expect(research.query(`select * from ${table} limit 1`)).rejects.toThrow(/permission denied/);
  });

  it("keeps one clinic's findings from another clinic's staff", async () => {
    const res = await read(clean.staff.email, "?rule=lost-to-follow-up");
    expect(res.json.rules[0].records).toEqual([]);
  });

  it("refuses an unknown rule with a problem naming it", async () => {
    const res = await read(defects.staff.email, "?rule=nonsense");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["rule"]);
  });
});

describe("running the rules", () => {
  it("lets an administrator run them now, and no one else", async () => {
    h.clock.set(`${TODAY}T11:00:00Z`);
    const signIn = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: clean.admin.email, password: PASSWORD, code: clean.admin.totp() },
    });
    const res = await h.call("POST", "/api/v1/quality/run", { cookie: h.cookieFrom(signIn) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ asOf: `${TODAY}T11:00:00.000Z`, trigger: "on-demand" });
    const denied = await h.call("POST", "/api/v1/quality/run", {
      cookie: await h.signIn(defects.staff.email),
    });
    expect(denied.status).toBe(403);
  });

  it("runs nightly on the job runner, once a day, for every clinic", async () => {
    h.clock.set("2026-03-03T00:05:00Z");
    const runs = await runJobsOnce(h.deps);
    expect(runs.find((r) => r.kind === "data-quality")?.result).toMatchObject({ clinics: 2 });
    expect((await runJobsOnce(h.deps)).find((r) => r.kind === "data-quality")).toBeUndefined();
    const res = await read(defects.staff.email);
    expect(res.json).toMatchObject({ asOf: "2026-03-03T00:05:00.000Z", trigger: "nightly" });
    // Findings of older runs are not kept; counts are.
    const { rows } = await h.database.pool.query(
      "select (select count(distinct run_id)::int from quality_findings where clinic_id = $1) as finding_runs, (select count(distinct run_id)::int from quality_counts where clinic_id = $1) as count_runs",
      [defects.clinicId],
    );
    expect(rows[0]).toEqual({ finding_runs: 1, count_runs: 2 });
  });
});
