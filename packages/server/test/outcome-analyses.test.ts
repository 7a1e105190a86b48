/**
 * The outcomes analyses on a small registry with known answers (./outcome-registry): the
 * distribution of change, surgery-free survival and the adjusted comparison, each checked against
 * the domain's functions on the same people and, where cheap, by hand; bad parameters; clinic
 * versus pooled; the small-cell rule; and that no patient identifier ever leaves.
 */
import { outcomeObservations } from "@evident/db";
import { defaultInstruments } from "@evident/domain";
import { compareTreatments, isResponse, summarizeOutcomes } from "@evident/domain/outcomes";
import { kaplanMeier, mean, quantile } from "@evident/domain/stats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { candidateOf, type Person, people, T0, TODAY, writeRegistry } from "./outcome-registry";

let h: Harness;
let clinician: { cookie: string; email: string };
let researcher: { cookie: string };
let ids: string[] = [];

const injected = people("bone_marrow_concentrate", 27, 1, { fusions: 3, missed: 2, noBaseline: 1 });
const exercised = people("exercise_physiotherapy", 24, 2, { missed: 2, noBaseline: 1, shift: 3 });
const elsewhere = people("medication", 3, 3);

beforeAll(async () => {
  h = await createHarness({ now: `${T0}T09:00:00Z` });
  const main = await h.staff("clinician");
  ids = await writeRegistry(h, main, [...injected, ...exercised]);
  const other = await h.staff("clinician", (await h.clinic("Other clinic")).id);
  await writeRegistry(h, other, elsewhere);
  const signIn = async (email: string) =>
    h.cookieFrom(
      await h.call("POST", "/api/v1/auth/staff/sign-in", {
        body: { email, password: "correct horse battery staple" },
      }),
    );
  clinician = { email: main.email, cookie: await signIn(main.email) };
  researcher = await h.staff("researcher");
}, 120_000);
afterAll(() => h.close());

const get = (path: string, cookie = clinician.cookie) => h.call("GET", `/api/v1/outcomes${path}`, { cookie });
const changes = (ps: readonly Person[]) =>
  ps.flatMap((p) => (p.baseline && p.twelveMonths ? [p.twelveMonths.odi - p.baseline.odi] : []));

describe("the report", () => {
  it("gives the 12-month change and responders with their n, and completeness among closed windows", async () => {
    const res = await get("");
    const row = res.json.rows.find(
      (r: { treatmentKind: string; timepoint: string }) =>
        r.treatmentKind === "bone_marrow_concentrate" && r.timepoint === "12m",
    );
    expect(row).toMatchObject({ due: 24, responded: 22, missed: 2, pending: 0 });
    expect(row.completeness).toMatchObject({ closed: 24, responded: 22 });
    const odi = row.measures.find((m: { instrument: string }) => m.instrument === "odi");
    expect(odi).toMatchObject({ n: 21, answered: 22, suppressed: false });
    expect(odi.meanChange).toBeCloseTo(mean(changes(injected)), 10);
    // Beside the share of the 21 analysed, the range over the 24 due: the 3 missing all not improved, or all improved.
    const responders = injected.filter(
      (p) => p.baseline && p.twelveMonths && isResponse("odi", p.baseline.odi, p.twelveMonths.odi),
    ).length;
    expect(odi.responders).toBe(responders);
    expect(odi.responderRange).toEqual({
      due: 24,
      missing: 3,
      lower: responders / 24,
      upper: (responders + 3) / 24,
    });
    expect(res.json.minimumCell).toBe(11);
  });

  it("gives the same rows from the tallies as from the follow-ups one by one", async () => {
    const res = await get("", researcher.cookie);
    const { observations } = await outcomeObservations(h.database.db, null);
    // Equal up to rounding: the pairs are summed in another order.
    const rounded = (x: unknown) =>
      JSON.parse(JSON.stringify(x, (_, v) => (typeof v === "number" ? Number(v.toFixed(9)) : v)));
    expect(rounded(summarizeOutcomes(observations, TODAY, defaultInstruments))).toEqual(
      rounded(res.json.rows),
    );
  });
});

describe("distribution of change", () => {
  it("gives each treatment's quantiles and ECDF of the 12-month ODI change, with its funnel", async () => {
    const res = await get("/distribution?instrument=odi&timepoint=12m");
    expect(res.status).toBe(200);
    const group = res.json.groups.find(
      (g: { treatmentKind: string }) => g.treatmentKind === "bone_marrow_concentrate",
    );
    const expected = changes(injected).sort((a, b) => a - b);
    expect(group.n).toBe(21);
    expect(group.quantiles.p50).toBeCloseTo(quantile(expected, 0.5), 10);
    expect(group.quantiles.p10).toBeCloseTo(quantile(expected, 0.1), 10);
    expect(group.mean).toBeCloseTo(mean(expected), 10);
    // The ECDF is exact where it is given, and every step holds at least 11 of the 21 patients.
    const ecdf: { change: number; share: number }[] = group.ecdf;
    expect(ecdf.length).toBeGreaterThanOrEqual(2);
    for (const p of ecdf) expect(p.share).toBeCloseTo(expected.filter((c) => c <= p.change).length / 21, 12);
    const counts = ecdf.map((p) => Math.round(p.share * 21));
    for (const [i, c] of counts.slice(1).entries()) expect(c - counts[i]!).toBeGreaterThanOrEqual(11);
    expect([ecdf[0]!.change, ecdf.at(-1)!.change]).toEqual([-102, 100]);
    // 27 treated: 3 ended by a fusion before 12 months, 2 missed, 22 answered, 1 without a baseline.
    expect(group.funnel.map((s: { n: number }) => s.n)).toEqual([24, 22, 22, 21]);
    expect(group.completeness).toMatchObject({ closed: 24, responded: 22 });
  });

  it("names each bad parameter in a 400", async () => {
    const res = await get("/distribution?instrument=sf36&timepoint=13m");
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["instrument", "timepoint"]);
  });
});

describe("surgery-free survival", () => {
  it("counts the fusions after an injection and censors the others at their last contact", async () => {
    const res = await get("/survival");
    expect(res.status).toBe(200);
    const group = res.json.groups.find(
      (g: { treatmentKind: string }) => g.treatmentKind === "bone_marrow_concentrate",
    );
    expect(group).toMatchObject({ n: 27, events: 3, censored: 24, suppressed: false });
    // Last contact: the 12-month answer (day 365), else the 3-month one (day 91), else the baseline (day 0).
    const time = injected.map((p) => p.fusionDay ?? (p.twelveMonths ? 365 : p.threeMonths ? 91 : 0));
    const km = kaplanMeier({ time, event: injected.map((p) => p.fusionDay !== null) });
    const events = km.steps.filter((s) => s.nEvent > 0 && s.nRisk >= 11);
    // Three operations are fewer than one drop of eleven may hold: no curve, the 12-month figure still.
    expect(group.curve).toEqual([]);
    expect(group.at12Months.survival).toBeCloseTo(events.at(-1)!.survival, 12);
    expect(res.json.logRank).toMatchObject({ df: 1 });
    expect(res.json.definition).toMatch(/censored at their last contact/);
  });
});

describe("adjusted comparison", () => {
  const query =
    "treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=odi&timepoint=12m";

  it("gives what the domain's comparison gives for the same people, and the crude difference by hand", async () => {
    const res = await get(`/comparison?${query}`);
    expect(res.status).toBe(200);
    const expected = compareTreatments(
      [...injected, ...exercised].map((p) => candidateOf(p, "bone_marrow_concentrate", "odi")),
      {
        treatment: "bone_marrow_concentrate",
        comparator: "exercise_physiotherapy",
        instrument: "odi",
        timepoint: "12m",
        truncate: "p1-p99",
      },
      TODAY,
    );
    expect(res.json.arms.map((a: { n: number }) => a.n)).toEqual([21, 21]);
    expect(res.json.meanDifference.adjusted.estimate).toBeCloseTo(
      expected.meanDifference.adjusted.estimate,
      9,
    );
    expect(res.json.meanDifference.adjusted.lower).toBeCloseTo(expected.meanDifference.adjusted.lower, 9);
    expect(res.json.responderDifference.adjusted.estimate).toBeCloseTo(
      expected.responderDifference.adjusted.estimate,
      9,
    );
    expect(res.json.balance.map((b: { covariate: string }) => b.covariate)).toEqual(
      expected.balance.map((b) => b.covariate),
    );
    expect(res.json.meanDifference.unadjusted.estimate).toBeCloseTo(
      mean(changes(injected)) - mean(changes(exercised)),
      9,
    );
    expect(res.json.arms[0].funnel.map((s: { n: number }) => s.n)).toEqual([27, 27, 24, 22, 21]);
  });

  it("refuses unknown or identical treatments and bad parameters, naming each field", async () => {
    const unknown = await get(
      "/comparison?treatment=stem_cells&comparator=medication&instrument=odi&timepoint=12m",
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json.issues.map((i: { path: string }) => i.path)).toEqual(["treatment"]);
    const same = await get("/comparison?treatment=medication&comparator=medication");
    expect(same.json.issues).toEqual([{ path: "comparator", message: "must differ from the treatment" }]);
    const bad = await get("/comparison?treatment=medication&comparator=fusion&truncate=p2");
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["truncate"]);
    const missing = await get("/comparison?comparator=fusion");
    expect(missing.json.issues.map((i: { path: string }) => i.path)).toEqual(["treatment"]);
  });

  it("refuses too few patients, saying the minimum", async () => {
    const res = await get(
      "/comparison?treatment=medication&comparator=exercise_physiotherapy",
      researcher.cookie,
    );
    expect(res.status).toBe(400);
    // Three patients on medication: too few in any condition to compare, so nobody on either side.
    expect(res.json.issues).toEqual([
      {
        path: "treatment",
        message:
          "only 0 of the 3 patients whose first treatment was Medication can be analysed (a condition in which both treatments were given, a baseline and a 12 months ODI answer); at least 20 are needed",
      },
      {
        path: "comparator",
        message:
          "only 0 of the 24 patients whose first treatment was Exercise / physiotherapy can be analysed (a condition in which both treatments were given, a baseline and a 12 months ODI answer); at least 20 are needed",
      },
    ]);
  });
});

describe("who sees what", () => {
  it("pools all clinics for a researcher, withholding estimates from fewer than eleven", async () => {
    const pooled = await get("/distribution?instrument=odi&timepoint=12m", researcher.cookie);
    const own = await get("/distribution?instrument=odi&timepoint=12m");
    const kinds = (r: typeof own) => r.json.groups.map((g: { treatmentKind: string }) => g.treatmentKind);
    expect(kinds(own)).toEqual(["bone_marrow_concentrate", "exercise_physiotherapy"]);
    expect(kinds(pooled)).toEqual(["bone_marrow_concentrate", "exercise_physiotherapy", "medication"]);
    const medication = pooled.json.groups[2];
    expect(medication).toMatchObject({ n: 3, suppressed: true, mean: null, quantiles: null, ecdf: [] });
    expect(medication.improved).toEqual({ count: null, n: 3, share: null, ci: null });
    const survival = await get("/survival", researcher.cookie);
    const med = survival.json.groups.find((g: { treatmentKind: string }) => g.treatmentKind === "medication");
    expect(med).toMatchObject({ n: 3, suppressed: true, curve: [], at12Months: null });
    const report = await get("", researcher.cookie);
    const row = report.json.rows.find(
      (r: { treatmentKind: string; timepoint: string }) =>
        r.treatmentKind === "medication" && r.timepoint === "12m",
    );
    expect(row.measures[1]).toMatchObject({ n: 3, suppressed: true, meanChange: null, responderRange: null });
  });

  it("never returns a patient's identifier or name", async () => {
    const bodies = await Promise.all(
      [
        "",
        "/distribution",
        "/survival",
        "/comparison?treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy",
      ].map((p) => get(p, researcher.cookie)),
    );
    expect(bodies.map((b) => b.status)).toEqual([200, 200, 200, 200]);
    const text = bodies.map((b) => b.text).join("\n");
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toMatch(/Registry\d|Lovelace|Ada/);
  });

  it("records each read in the audit trail, saying whether it was pooled", async () => {
    for (const path of ["", "/distribution", "/survival"]) await get(path, researcher.cookie);
    const { rows } = await h.database.pool.query<{ entity_type: string; detail: { pooled: boolean } }>(
      "select entity_type, detail from audit_events where action = 'read' and entity_type like 'outcomes-%'",
    );
    expect(new Set(rows.map((r) => r.entity_type))).toEqual(
      new Set(["outcomes-report", "outcomes-distribution", "outcomes-survival", "outcomes-comparison"]),
    );
    expect(rows.some((r) => r.detail.pooled)).toBe(true);
  });
});
