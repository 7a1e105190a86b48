/**
 * Every outcome measure of the report on a constructed registry: patients answer back and leg
 * pain, PEG, PROMIS-29 and EQ-5D-5L before a treatment and at 3 months (with PGIC), through the
 * API; the report's row for each measure must equal what the answers sent give when scored and
 * paired here, directly; and so must the distribution of change of each measure with a change.
 */
import { addDays } from "@evident/domain";
import { getInstrument } from "@evident/domain/instruments";
import {
  findMeasure,
  fromAnswers,
  isCategoryResponse,
  isWorsening,
  measureValue,
  outcomeMeasures,
  reachesThreshold,
} from "@evident/domain/outcomes";
import { mean, quantile, seededRandom } from "@evident/domain/stats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "./answers";
import { createHarness, type Harness } from "./harness";

const T0 = "2025-01-06";
const at = (date: string) => `${date}T09:00:00Z`;
const KIND = "exercise_physiotherapy";
const BEFORE = ["nrs_back", "nrs_leg", "peg", "promis29", "eq5d5l"];
const AFTER = [...BEFORE, "pgic"];
const PEOPLE = 16;
/** One PROMIS-29 fatigue item, left unanswered by some: that domain goes unscored, the others not. */
const fatigueItem = getInstrument("promis29").items.find((i) => i.group === "fatigue")!.id;

type AnswerSet = { instrument: string; answers: Record<string, number | boolean | null> };

/** A person's answer sets, each instrument at its own random place on its scale. */
function answerSets(
  instruments: readonly string[],
  rng: ReturnType<typeof seededRandom>,
  skipFatigue: boolean,
) {
  return instruments.map(
    (instrument): AnswerSet => ({
      instrument,
      answers: answerAll(
        instrument,
        rng.next(),
        instrument === "promis29" && skipFatigue ? { [fatigueItem]: null } : {},
      ),
    }),
  );
}

/** The measure's value in an answer set, scored here by the instrument's own scoring. */
function scoredValue(measureId: string, sets: readonly AnswerSet[]): number | null {
  const m = findMeasure(measureId)!;
  const set = sets.find((s) => s.instrument === m.instrument);
  if (!set) return null;
  const result = getInstrument(m.instrument).score(set.answers);
  return measureValue(m, result.score, result.extras ?? {});
}

let h: Harness;
let reader: string;
const people: { before: AnswerSet[]; after: AnswerSet[] }[] = [];
let report: {
  rows: { treatmentKind: string; timepoint: string; due: number; measures: Record<string, unknown>[] }[];
};

beforeAll(async () => {
  h = await createHarness({ now: at(T0) });
  const plan = Object.fromEntries(
    ["baseline", "2w", "6w", "3m", "6m", "12m"].map((tp) => [tp, tp === "baseline" ? BEFORE : AFTER]),
  );
  const clinic = await h.clinic("Measures clinic", { licences: "all", plan: plan as never });
  const staff = await h.staff("clinician", clinic.id);
  const rng = seededRandom(31);
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const person = {
      before: answerSets(BEFORE, rng, i === 0),
      after: answerSets(AFTER, rng, i === 1 || i === 2),
    };
    people.push(person);
    const p = await h.patient(staff.cookie, { familyName: `Measured${i}` });
    ids.push(p.id);
    const base = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: staff.cookie,
      body: { responses: person.before },
    });
    expect(base.status, base.text).toBeLessThan(300);
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: staff.cookie,
      body: { kind: KIND, date: T0 },
    });
    expect(t.status, t.text).toBeLessThan(300);
  }
  h.clock.set(at(addDays(T0, 91)));
  const cookie = (await h.staff("clinician", clinic.id)).cookie;
  for (const [i, id] of ids.entries()) {
    const res = await h.call("POST", `/api/v1/patients/${id}/responses`, {
      cookie,
      body: { responses: people[i]!.after },
    });
    expect(res.status, res.text).toBeLessThan(300);
  }
  h.clock.set(at(addDays(T0, 200)));
  reader = (await h.staff("clinician", clinic.id)).cookie;
  const all = outcomeMeasures.map((m) => m.id).join(",");
  const res = await h.call("GET", `/api/v1/outcomes?measures=${encodeURIComponent(all)}`, { cookie: reader });
  expect(res.status, res.text).toBe(200);
  report = res.json;
}, 120_000);
afterAll(() => h.close());

const threeMonths = () => report.rows.find((r) => r.treatmentKind === KIND && r.timepoint === "3m")!;
const measureRow = (id: string) => threeMonths().measures.find((m) => m.instrument === id)!;

describe("every outcome measure in the outcomes report", () => {
  for (const m of outcomeMeasures.filter(
    (x) => x.analysis === "change" && fromAnswers(x) && x.instrument !== "odi" && x.instrument !== "rmdq",
  ))
    it(`gives ${m.id} the n, answered, means, change and responders of a direct computation`, () => {
      const pairs: [number, number][] = [];
      let answered = 0;
      for (const p of people) {
        const after = scoredValue(m.id, p.after);
        if (after === null) continue;
        answered++;
        const before = scoredValue(m.id, p.before);
        if (before !== null) pairs.push([before, after]);
      }
      const n = pairs.length;
      expect(n).toBeGreaterThanOrEqual(11);
      const row = measureRow(m.id);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(row).toMatchObject({ instrument: m.id, n, answered, suppressed: false });
      expect(row.baselineMean as number).toBeCloseTo(mean(pairs.map(([b]) => b)), 9);
      expect(row.followUpMean as number).toBeCloseTo(mean(pairs.map(([, a]) => a)), 9);
      expect(row.meanChange as number).toBeCloseTo(mean(pairs.map(([b, a]) => a - b)), 9);
      const responders = pairs.filter(([b, a]) => reachesThreshold(m, b, a)).length;
      expect(row.responders).toBe(responders);
      expect(row.responderShare as number).toBeCloseTo(responders / n, 12);
    });

  it("leaves out only the unscored PROMIS-29 fatigue answers, not the other domains of those answer sets", () => {
    expect(measureRow("promis29.fatigue")).toMatchObject({ n: PEOPLE - 3, answered: PEOPLE - 2 });
    expect(measureRow("promis29.anxiety")).toMatchObject({ n: PEOPLE, answered: PEOPLE });
  });

  it("gives PGIC as the share of the answered who were much or very much improved", () => {
    const m = findMeasure("pgic")!;
    const answers = people.map((p) => scoredValue("pgic", p.after)!);
    const responders = answers.filter((v) => isCategoryResponse(m, v)).length;
    expect(measureRow("pgic")).toMatchObject({
      n: PEOPLE,
      answered: PEOPLE,
      responders,
      meanChange: null,
      responderRule: 'answered "much" or "very much improved" (Farrar 2001; IMMPACT)',
    });
  });

  it("answers with back pain and ODI alone when no measures are asked for", async () => {
    const res = await h.call("GET", "/api/v1/outcomes", { cookie: (await h.staff("researcher")).cookie });
    expect(res.status).toBe(200);
    for (const row of res.json.rows)
      expect(row.measures.map((x: { instrument: string }) => x.instrument)).toEqual(["nrs_back", "odi"]);
  });

  it("refuses an unknown or repeated measure with a 400 naming the field", async () => {
    const cookie = (await h.staff("researcher")).cookie;
    for (const q of ["odi,promis29.nonsense", "odi,odi"]) {
      const res = await h.call("GET", `/api/v1/outcomes?measures=${encodeURIComponent(q)}`, { cookie });
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.text).toContain("measures");
    }
  });
});

/** The (baseline, 3-month) pairs of a measure, scored here from the answers sent. */
function pairsOf(measureId: string): [number, number][] {
  return people.flatMap((p) => {
    const before = scoredValue(measureId, p.before);
    const after = scoredValue(measureId, p.after);
    return before === null || after === null ? [] : [[before, after] as [number, number]];
  });
}

describe("the distribution of change for every change measure", () => {
  const distribution = async (id: string) => {
    const res = await h.call(
      "GET",
      `/api/v1/outcomes/distribution?instrument=${encodeURIComponent(id)}&timepoint=3m`,
      { cookie: reader },
    );
    expect(res.status, res.text).toBe(200);
    return res.json;
  };

  for (const id of ["promis29.fatigue", "promis29.physical_function", "eq5d5l.index_us", "nrs_leg"])
    it(`gives ${id} the n, mean, quantiles and shares improved and worse of a direct computation`, async () => {
      const body = await distribution(id);
      const group = body.groups.find((g: { treatmentKind: string }) => g.treatmentKind === KIND);
      const pairs = pairsOf(id);
      const changes = pairs.map(([b, a]) => a - b).sort((x, y) => x - y);
      const m = findMeasure(id)!;
      expect(group).toMatchObject({ n: pairs.length, suppressed: false });
      expect(group.mean).toBeCloseTo(mean(changes), 9);
      expect(group.quantiles.p25).toBeCloseTo(quantile(changes, 0.25), 9);
      expect(group.quantiles.p75).toBeCloseTo(quantile(changes, 0.75), 9);
      expect(group.improved.count).toBe(pairs.filter(([b, a]) => reachesThreshold(m, b, a)).length);
      expect(group.worsened.count).toBe(pairs.filter(([b, a]) => isWorsening(id, b, a)).length);
      for (const point of group.ecdf)
        expect(point.share).toBeCloseTo(
          changes.filter((c) => c <= point.change + 1e-9).length / pairs.length,
          9,
        );
      expect(body.improvedRule).toMatch(/improved by ≥/);
    });

  it("gives PEG and the EQ VAS, which have no cited threshold, the change without shares improved or worse, and says so", async () => {
    for (const id of ["peg", "eq5d5l"]) {
      const body = await distribution(id);
      const group = body.groups.find((g: { treatmentKind: string }) => g.treatmentKind === KIND);
      const pairs = pairsOf(id);
      expect(group.mean).toBeCloseTo(mean(pairs.map(([b, a]) => a - b)), 9);
      expect([group.improved.share, group.worsened.share, group.improvedRange]).toEqual([null, null, null]);
      expect([body.improvedRule, body.worsenedRule]).toEqual(["none", "none"]);
      expect(body.notes.join(" ")).toMatch(/no shares improved or worse are given/);
    }
  });

  it("refuses PGIC, which has no change from baseline, naming instrument", async () => {
    const res = await h.call("GET", "/api/v1/outcomes/distribution?instrument=pgic", { cookie: reader });
    expect([res.status, res.json.issues.map((i: { path: string }) => i.path)]).toEqual([400, ["instrument"]]);
  });
});
