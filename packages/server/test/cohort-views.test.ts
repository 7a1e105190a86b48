/**
 * Cohort filters on the other outcomes views — the distribution of change, surgery-free survival
 * and the adjusted comparison — on a registry with known answers (./outcome-registry): a filter
 * changes each view's numbers exactly as a direct computation over the filtered people says, for
 * a clinic and pooled for a researcher (computed by the system role and cached); a saved cohort
 * gives the same numbers as its filters; groups of 1 to 10 are left out whole and counted; bad
 * cohorts are refused as on the report (400 naming the field, 404 for an unknown saved cohort).
 */
import { compareTreatments, isResponse, isWorsening } from "@evident/domain/outcomes";
import { kaplanMeier, mean, quantile } from "@evident/domain/stats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { candidateOf, type Person, people, T0, TODAY, writeTwoClinics } from "./outcome-registry";

let h: Harness;
let clinician: { cookie: string };
let researcher: { cookie: string };
let admin: { cookie: string };
let mainClinic: string;

// Conditions alternate facet arthropathy (i % 3 = 0) and degenerative disc disease: 30 of each
// kind here have disc disease (two of the injected later have a fusion), 2 of 3 elsewhere.
const injected = people("bone_marrow_concentrate", 45, 1, { fusions: 3, missed: 2, noBaseline: 1 });
const exercised = people("exercise_physiotherapy", 45, 2, { missed: 2, noBaseline: 1, shift: 3 });
const elsewhere = people("medication", 3, 3);
const disc = (ps: readonly Person[]) => ps.filter((p) => p.condition === "degenerative_disc_disease");
const DISC = "conditions=degenerative_disc_disease";

beforeAll(async () => {
  h = await createHarness({ now: `${T0}T09:00:00Z` });
  const written = await writeTwoClinics(h, [...injected, ...exercised], elsewhere);
  mainClinic = written.clinicId;
  ({ clinician, researcher, admin } = written);
}, 240_000);
afterAll(() => h.close());

const get = (path: string, cookie = clinician.cookie) => h.call("GET", `/api/v1/outcomes${path}`, { cookie });
type Group = { treatmentKind: string; [k: string]: unknown };
const groupOf = (body: { groups: Group[] }, kind: string) =>
  body.groups.find((g) => g.treatmentKind === kind);

/** The 12-month ODI changes of those with a baseline and a 12-month answer. */
const pairs = (ps: readonly Person[]) =>
  ps.flatMap((p) => (p.baseline && p.twelveMonths ? [[p.baseline.odi, p.twelveMonths.odi] as const] : []));

function expectDistribution(group: Group | undefined, ps: readonly Person[]) {
  const ps12 = pairs(ps);
  const changes = ps12.map(([b, a]) => a - b).sort((x, y) => x - y);
  const due = ps.filter((p) => p.fusionDay === null).length;
  expect(group, "group").toMatchObject({ n: ps12.length, suppressed: false });
  const g = group as unknown as {
    mean: number;
    quantiles: { p50: number; p90: number };
    improved: { count: number };
    worsened: { count: number };
    funnel: { n: number }[];
  };
  expect(g.mean).toBeCloseTo(mean(changes), 10);
  expect(g.quantiles.p50).toBeCloseTo(quantile(changes, 0.5), 10);
  expect(g.quantiles.p90).toBeCloseTo(quantile(changes, 0.9), 10);
  expect(g.improved.count).toBe(ps12.filter(([b, a]) => isResponse("odi", b, a)).length);
  expect(g.worsened.count).toBe(ps12.filter(([b, a]) => isWorsening("odi", b, a)).length);
  expect(g.funnel[0]!.n).toBe(due);
}

/** Kaplan–Meier as the registry's people say: a fusion is the event, else censored at the last contact. */
function expectSurvival(group: Group | undefined, ps: readonly Person[]) {
  const time = ps.map((p) => p.fusionDay ?? (p.twelveMonths ? 365 : p.threeMonths ? 91 : 0));
  const event = ps.map((p) => p.fusionDay !== null);
  const events = event.filter(Boolean).length;
  expect(group, "group").toMatchObject({ n: ps.length, events, censored: ps.length - events });
  const km = kaplanMeier({ time, event });
  const year = km.steps.filter((s) => s.time <= 365 && s.nEvent > 0).at(-1);
  expect((group as unknown as { at12Months: { survival: number } }).at12Months.survival).toBeCloseTo(
    year?.survival ?? 1,
    12,
  );
}

describe("the distribution of change for a cohort", () => {
  it("changes each kind's figures exactly as the filtered people say, and prints the cohort", async () => {
    const all = await get("/distribution?instrument=odi&timepoint=12m");
    expectDistribution(groupOf(all.json, "bone_marrow_concentrate"), injected);
    expect(all.json.cohort).toBeNull();
    const res = await get(`/distribution?instrument=odi&timepoint=12m&${DISC}`);
    expect(res.status, res.text).toBe(200);
    expectDistribution(groupOf(res.json, "bone_marrow_concentrate"), disc(injected));
    expectDistribution(groupOf(res.json, "exercise_physiotherapy"), disc(exercised));
    expect(res.json.cohort).toEqual({
      line: "Filtered: Degenerative disc disease",
      id: null,
      version: null,
      suppressedRows: 0,
    });
  });

  it("leaves out whole a kind with 1 to 10 follow-ups due, and says how many", async () => {
    // Three fusions here, two with disc disease: their 3-month follow-ups are the only ones due.
    const own = await get("/distribution?instrument=odi&timepoint=3m");
    expect(groupOf(own.json, "fusion")).toMatchObject({ suppressed: true, funnel: [{ n: 3 }, {}, {}, {}] });
    const res = await get(`/distribution?instrument=odi&timepoint=3m&${DISC}`);
    expect(groupOf(res.json, "fusion")).toBeUndefined();
    expect(res.json.cohort.suppressedRows).toBe(1);
    expect(res.json.notes.join(" ")).toMatch(/1 treatment kind is left out of this filtered view/);
  });

  it("pools every clinic's cohort for a researcher, computed by the system role and cached", async () => {
    const res = await get(`/distribution?instrument=odi&timepoint=12m&${DISC}`, researcher.cookie);
    expect(res.status, res.text).toBe(200);
    expectDistribution(groupOf(res.json, "bone_marrow_concentrate"), disc(injected));
    // The other clinic's two with disc disease had medication: too few, left out whole.
    expect(groupOf(res.json, "medication")).toBeUndefined();
    expect(res.json.cohort.suppressedRows).toBe(1);
    const { rows } = await h.database.pool.query(
      "select 1 from comparison_cache where clinic_id is null and question like '%outcomes-distribution%degenerative_disc_disease%'",
    );
    expect(rows.length).toBe(1);
  });

  it("answers a clinic filter from the summaries with the clinic's own figures", async () => {
    const own = await get("/distribution?instrument=odi&timepoint=12m");
    const filtered = await get(
      `/distribution?instrument=odi&timepoint=12m&clinicIds=${mainClinic}`,
      researcher.cookie,
    );
    expect(filtered.json.groups).toEqual(own.json.groups);
    expect(filtered.json.cohort).toMatchObject({ line: "Filtered: 1 chosen clinic", suppressedRows: 0 });
  });
});

describe("surgery-free survival for a cohort", () => {
  it("changes each first treatment's curve exactly as the filtered people say", async () => {
    const all = await get("/survival");
    expectSurvival(groupOf(all.json, "bone_marrow_concentrate"), injected);
    const res = await get(`/survival?${DISC}`);
    expect(res.status, res.text).toBe(200);
    expectSurvival(groupOf(res.json, "bone_marrow_concentrate"), disc(injected));
    expectSurvival(groupOf(res.json, "exercise_physiotherapy"), disc(exercised));
    expect(res.json.cohort).toMatchObject({ line: "Filtered: Degenerative disc disease", suppressedRows: 0 });
    const episodes = disc(injected).length + disc(exercised).length;
    expect(res.json.funnel.map((s: { n: number }) => s.n)).toEqual([episodes, episodes, episodes]);
  });

  it("counts only episodes whose first treatment is of the cohort's kinds", async () => {
    const res = await get("/survival?treatmentKinds=bone_marrow_concentrate");
    expect(res.json.groups.map((g: Group) => g.treatmentKind)).toEqual(["bone_marrow_concentrate"]);
    expectSurvival(groupOf(res.json, "bone_marrow_concentrate"), injected);
    // The three with a fusion are in a fusion cohort, but their episodes began with an injection.
    const fused = await get("/survival?treatmentKinds=fusion");
    expect([fused.json.groups, fused.json.cohort.suppressedRows, fused.json.funnel]).toEqual([
      [],
      0,
      [
        { step: "episodes", label: expect.any(String), n: 0 },
        { step: "non-surgical", label: expect.any(String), n: 0 },
        { step: "analysed", label: expect.any(String), n: 0 },
      ],
    ]);
  });

  it("leaves out a researcher's small group whole, and any funnel step that would count it", async () => {
    const pooled = await get("/survival", researcher.cookie);
    expect(groupOf(pooled.json, "medication")).toMatchObject({ n: 3, suppressed: true });
    const res = await get(`/survival?${DISC}`, researcher.cookie);
    expect(res.status, res.text).toBe(200);
    expect(groupOf(res.json, "medication")).toBeUndefined();
    expectSurvival(groupOf(res.json, "bone_marrow_concentrate"), disc(injected));
    expect(res.json.cohort.suppressedRows).toBe(1);
    // 62 episodes, all first treated without an operation, 60 analysed: 62 − 60 is the two left out.
    expect(res.json.funnel.map((s: { step: string; n: number }) => [s.step, s.n])).toEqual([
      ["episodes", 62],
      ["non-surgical", 62],
    ]);
  });
});

describe("the adjusted comparison for a cohort", () => {
  const query =
    "treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=odi&timepoint=12m";
  const request = {
    treatment: "bone_marrow_concentrate",
    comparator: "exercise_physiotherapy",
    instrument: "odi",
    timepoint: "12m",
    truncate: "p1-p99" as const,
  };
  const expectedFor = (ps: readonly Person[]) =>
    compareTreatments(
      ps.map((p) => candidateOf(p, "bone_marrow_concentrate", "odi")),
      request,
      TODAY,
    );

  it("compares exactly the filtered people, for a clinic and pooled", async () => {
    const all = await get(`/comparison?${query}`);
    const everyone = expectedFor([...injected, ...exercised]);
    expect(all.json.meanDifference.adjusted.estimate).toBeCloseTo(
      everyone.meanDifference.adjusted.estimate,
      9,
    );
    expect(all.json.cohort).toBeNull();
    const expected = expectedFor([...disc(injected), ...disc(exercised)]);
    for (const cookie of [clinician.cookie, researcher.cookie]) {
      const res = await get(`/comparison?${query}&${DISC}`, cookie);
      expect(res.status, res.text).toBe(200);
      expect(res.json.arms.map((a: { n: number }) => a.n)).toEqual(expected.arms.map((a) => a.n));
      expect(res.json.meanDifference.adjusted.estimate).toBeCloseTo(
        expected.meanDifference.adjusted.estimate,
        9,
      );
      expect(res.json.responderDifference.adjusted.estimate).toBeCloseTo(
        expected.responderDifference.adjusted.estimate,
        9,
      );
      expect(res.json.cohort).toMatchObject({
        line: "Filtered: Degenerative disc disease",
        suppressedRows: 0,
      });
    }
    expect(expected.meanDifference.adjusted.estimate).not.toBeCloseTo(
      everyone.meanDifference.adjusted.estimate,
      6,
    );
  });

  it("refuses a cohort too small to compare without saying counts under 11", async () => {
    const res = await get(`/comparison?${query}&conditions=facet_arthropathy&sexes=female`);
    expect(res.status).toBe(400);
    for (const issue of res.json.issues)
      expect(issue.message).toMatch(/^fewer than 20 patients of this cohort/);
  });

  it("refuses a measure without a cited responder threshold, naming instrument", async () => {
    const res = await get(
      "/comparison?treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=peg",
    );
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: "instrument", message: expect.stringMatching(/has no cited responder threshold/) },
    ]);
  });
});

describe("a saved cohort on every view", () => {
  it("gives the same numbers as its filters and prints its name and version", async () => {
    const saved = await h.call("POST", "/api/v1/cohorts", {
      cookie: admin.cookie,
      body: { name: "Disc", filter: { conditions: ["degenerative_disc_disease"] } },
    });
    expect(saved.status, saved.text).toBe(201);
    const line = "Cohort 'Disc' v1: Degenerative disc disease";
    for (const view of [
      "/distribution?instrument=odi&timepoint=12m&",
      "/survival?",
      "/comparison?treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&",
    ]) {
      const byId = await get(`${view}cohort=${saved.json.id}`);
      const byFilter = await get(`${view}${DISC}`);
      expect(byId.status, byId.text).toBe(200);
      const { cohort, generatedAt: _a, notes: _n, ...figures } = byId.json;
      const { cohort: _c, generatedAt: _b, notes: _m, ...filtered } = byFilter.json;
      expect(figures, view).toEqual(filtered);
      expect(cohort, view).toEqual({ line, id: saved.json.id, version: 1, suppressedRows: 0 });
    }
  });

  it("is refused as on the report: with filters, another clinic for staff, an unknown id", async () => {
    for (const view of [
      "/distribution?",
      "/survival?",
      "/comparison?treatment=medication&comparator=fusion&",
    ]) {
      const both = await get(`${view}cohort=${mainClinic}&sexes=female`);
      expect([both.status, both.json.issues?.[0]?.path], view).toEqual([400, "cohort"]);
      const other = await get(`${view}clinicIds=0190c0de-0000-7000-8000-000000000001`);
      expect([other.status, other.json.issues?.[0]?.path], view).toEqual([400, "clinicIds"]);
      const bad = await get(`${view}sexes=robot`);
      expect([bad.status, bad.json.issues?.[0]?.path], view).toEqual([400, "sexes.0"]);
      const unknown = await get(`${view}cohort=0190c0de-0000-7000-8000-000000000001`);
      expect([unknown.status, unknown.headers.get("content-type")], view).toEqual([
        404,
        expect.stringMatching(/problem\+json/),
      ]);
    }
  });
});
