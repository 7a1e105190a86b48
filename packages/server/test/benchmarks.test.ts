/**
 * Clinic benchmarking end to end on a constructed registry of three clinics (./outcome-registry):
 * the endpoint's observed and expected counts and limits equal the domain's funnel on the same
 * people; a clinic under the minimum is counted, not plotted; staff see their own clinic named
 * and the others by label; researchers see a clinic's name only once its administrators agree
 * (audited); a bad query is a 400 problem. A cohort narrows every clinic's patients before the model
 * is fitted, and `clinicIds` only picks the clinics shown.
 */
import { addDays, scheduleFollowUps } from "@evident/domain";
import { type BenchmarkCandidate, clinicBenchmark, MINIMUM_PER_CLINIC } from "@evident/domain/outcomes";
import { mismatches } from "@evident/domain/stats/fixtures/compare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { type Person, people, T0, TODAY, writeRegistry } from "./outcome-registry";

let h: Harness;
const clinics = {
  north: {
    name: "North Spine Centre",
    people: people("bone_marrow_concentrate", 30, 11, { fusions: 2, missed: 2 }),
  },
  south: {
    name: "South Back Clinic",
    people: people("exercise_physiotherapy", 28, 12, { missed: 1, shift: 6 }),
  },
  tiny: { name: "Tiny Practice", people: people("medication", MINIMUM_PER_CLINIC - 8, 13) },
};
const ids: Record<string, string> = {};
const candidates: BenchmarkCandidate[] = [];

/** What the benchmarking query must find for a person, as the domain takes it. */
function candidateOf(p: Person, clinicId: string): BenchmarkCandidate {
  const [window] = scheduleFollowUps(T0, ["12m"]);
  if (!window) throw new Error("no 12-month window");
  const at = (day: number) => `${addDays(T0, day)}T09:00:00Z`;
  return {
    clinicId,
    kind: p.kind,
    treatmentDate: T0,
    birthDate: p.birthDate,
    sex: p.sex,
    condition: p.condition,
    startBack: null,
    baseline: { odi: p.baseline?.odi ?? null, nrs_back: p.baseline?.nrs ?? null },
    followUp: {
      windowStart: window.windowStart,
      windowEnd: window.windowEnd,
      completedAt: p.twelveMonths ? at(365) : null,
      cancelledAt: p.fusionDay !== null ? at(365) : null,
      ended: p.fusionDay !== null,
    },
    score: { odi: p.twelveMonths?.odi ?? null, nrs_back: p.twelveMonths?.nrs ?? null },
    surgeryDays: p.fusionDay,
  };
}

beforeAll(async () => {
  h = await createHarness({ now: `${T0}T09:00:00Z` });
  for (const [key, c] of Object.entries(clinics)) {
    const clinic = await h.clinic(c.name);
    ids[key] = clinic.id;
    await writeRegistry(h, await h.staff("clinician", clinic.id), c.people);
    candidates.push(...c.people.map((p) => candidateOf(p, clinic.id)));
  }
}, 300_000);
afterAll(() => h.close());

const get = (cookie: string, query = "") => h.call("GET", `/api/v1/outcomes/benchmarks${query}`, { cookie });

type Point = { label: string; name: string | null; own: boolean; n: number };

describe("clinic benchmarking", () => {
  it.each([
    "odi",
    "nrs_back",
    "surgery",
  ] as const)("gives for %s the observed and expected counts and limits of the domain's funnel on the same people", async (measure) => {
    const researcher = await h.staff("researcher", ids.north);
    const res = await get(researcher.cookie, `?measure=${measure}`);
    expect(res.status, res.text).toBe(200);
    const direct = clinicBenchmark(candidates, measure, TODAY);
    expect(direct.points.length).toBe(2);
    const byN = (a: { n: number }, b: { n: number }) => a.n - b.n;
    const expected = direct.points.map(({ clinicId: _, ...p }) => p).sort(byN);
    expect(mismatches([...res.json.clinics].sort(byN), expected, { relative: 1e-9 })).toEqual([]);
    expect(mismatches(res.json.model, direct.model, { relative: 1e-9 })).toEqual([]);
    expect(res.json).toMatchObject({
      measure,
      analysed: direct.analysed,
      clinicsInModel: 3,
      clinicsBelowMinimum: 1,
      minimumPerClinic: MINIMUM_PER_CLINIC,
    });
  });

  it("shows staff their own clinic named and every other clinic by its label only", async () => {
    const admin = await h.staff("admin", ids.south);
    const res = await get(admin.cookie);
    expect(res.status).toBe(200);
    const named = res.json.clinics.filter((c: Point) => c.name !== null);
    expect(named).toMatchObject([{ name: clinics.south.name, own: true }]);
    expect(res.json.viewer).toBe("clinic");
    expect(res.text).not.toContain(clinics.north.name);
    expect(res.text).not.toContain(ids.north);
    for (const c of res.json.clinics as Point[]) expect(c.label).toMatch(/^Clinic [A-Z]+$/);
  });

  it("gives each clinic the same label whoever looks and whichever measure", async () => {
    const [north, south] = [await h.staff("admin", ids.north), await h.staff("admin", ids.south)];
    const ownLabel = async (cookie: string, measure: string) =>
      (await get(cookie, `?measure=${measure}`)).json.clinics.find((c: Point) => c.own).label;
    const northLabel = await ownLabel(north.cookie, "odi");
    expect(await ownLabel(north.cookie, "surgery")).toBe(northLabel);
    const seenBySouth = (await get(south.cookie)).json.clinics.filter((c: Point) => !c.own);
    expect(seenBySouth.map((c: Point) => c.label)).toEqual([northLabel]);
  });

  it("names no clinic to researchers until its administrators agree, and the agreement is audited", async () => {
    const researcher = await h.staff("researcher", ids.tiny);
    const before = await get(researcher.cookie);
    expect(before.json.viewer).toBe("researcher");
    expect(before.json.clinics.map((c: Point) => c.name)).toEqual([null, null]);
    expect(before.json.clinics.some((c: Point) => c.own)).toBe(false);
    expect(before.text).not.toContain(clinics.north.name);

    const admin = await h.staff("admin", ids.north);
    const agreed = await h.call("PUT", "/api/v1/clinic/benchmark-naming", {
      cookie: admin.cookie,
      body: { named: true },
    });
    expect(agreed.status, agreed.text).toBe(200);
    expect(agreed.json.benchmarkNamed).toBe(true);
    const after = await get(researcher.cookie);
    expect(after.json.clinics.filter((c: Point) => c.name !== null).map((c: Point) => c.name)).toEqual([
      clinics.north.name,
    ]);
    expect(after.json.namingRule).toContain("1 of 3 clinics");

    await h.call("PUT", "/api/v1/clinic/benchmark-naming", { cookie: admin.cookie, body: { named: false } });
    expect((await get(researcher.cookie)).json.clinics.map((c: Point) => c.name)).toEqual([null, null]);
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'clinic' and action = 'update' and clinic_id = $1 order by seq",
      [ids.north],
    );
    expect(rows.map((r) => r.detail)).toEqual([
      { benchmarkNamed: { from: false, to: true } },
      { benchmarkNamed: { from: true, to: false } },
    ]);
  });

  it("lets only administrators change the naming agreement, and refuses a value that is not true or false", async () => {
    const clinician = await h.staff("clinician", ids.north);
    const refused = await h.call("PUT", "/api/v1/clinic/benchmark-naming", {
      cookie: clinician.cookie,
      body: { named: true },
    });
    expect(refused.status).toBe(403);
    const admin = await h.staff("admin", ids.north);
    const bad = await h.call("PUT", "/api/v1/clinic/benchmark-naming", {
      cookie: admin.cookie,
      body: { named: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["named"]);
  });

  it("audits each read in the reader's clinic", async () => {
    const admin = await h.staff("admin", ids.south);
    await get(admin.cookie, "?measure=surgery");
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'outcomes-benchmark' and clinic_id = $1 order by seq desc limit 1",
      [ids.south],
    );
    expect(rows[0]?.detail).toMatchObject({ measure: "surgery", viewer: "clinic", clinics: 2 });
  });

  it("refuses an unknown measure with a 400 problem naming it", async () => {
    const admin = await h.staff("admin", ids.south);
    const res = await get(admin.cookie, "?measure=happiness");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["measure"]);
  });

  it("is not open to patients or to anyone signed out", async () => {
    expect((await h.call("GET", "/api/v1/outcomes/benchmarks")).status).toBe(401);
  });
});

describe("clinic benchmarking for a cohort", () => {
  const byN = (a: { n: number }, b: { n: number }) => a.n - b.n;

  it("fits the model on the cohort's patients of every clinic, and prints the cohort", async () => {
    const researcher = await h.staff("researcher", ids.north);
    const res = await get(
      researcher.cookie,
      "?measure=odi&treatmentKinds=bone_marrow_concentrate,exercise_physiotherapy",
    );
    expect(res.status, res.text).toBe(200);
    const direct = clinicBenchmark(
      candidates.filter((c) => c.kind !== "medication"),
      "odi",
      TODAY,
    );
    const expected = direct.points.map(({ clinicId: _, ...p }) => p).sort(byN);
    expect(mismatches([...res.json.clinics].sort(byN), expected, { relative: 1e-9 })).toEqual([]);
    expect(res.json).toMatchObject({ analysed: direct.analysed, clinicsInModel: 2, clinicsBelowMinimum: 0 });
    const everyone = await get(researcher.cookie, "?measure=odi");
    expect(everyone.json.model).not.toEqual(res.json.model);
    expect(res.json.cohort).toEqual({
      line: "Filtered: Bone-marrow concentrate injection or Exercise / physiotherapy",
      id: null,
      version: null,
      suppressedRows: 0,
    });
  });

  it("shows only the clinics picked, each judged against the whole network", async () => {
    const researcher = await h.staff("researcher", ids.north);
    const all = await get(researcher.cookie, "?measure=odi");
    const picked = await get(researcher.cookie, `?measure=odi&clinicIds=${ids.north}`);
    expect(picked.status, picked.text).toBe(200);
    expect(picked.json.clinics).toHaveLength(1);
    const [shown] = picked.json.clinics as Point[];
    expect(all.json.clinics.find((c: Point) => c.label === shown!.label)).toEqual(shown);
    // The same clinic as its own administrator sees it named.
    const own = (await get((await h.staff("admin", ids.north)).cookie, "?measure=odi")).json.clinics.find(
      (c: Point) => c.own,
    );
    expect(own.label).toBe(shown!.label);
    expect(picked.json.model).toEqual(all.json.model);
    expect(picked.json.notes.join(" ")).toMatch(/Only the chosen clinics are shown/);
  });

  it("refuses staff another clinic, and a saved cohort with filters", async () => {
    const admin = await h.staff("admin", ids.south);
    const other = await get(admin.cookie, `?clinicIds=${ids.north}`);
    expect([other.status, other.json.issues[0].path]).toEqual([400, "clinicIds"]);
    const both = await get(admin.cookie, `?cohort=${ids.north}&sexes=female`);
    expect([both.status, both.json.issues[0].path]).toEqual([400, "cohort"]);
  });
});
