import { describe, expect, it } from "vitest";
import { kaplanMeier, logRankTest } from "../stats";
import {
  cohortSurvival,
  monthsToDays,
  type SurvivalTally,
  surgeryFreeSurvival,
  withoutSmallSteps,
} from "./survival";

const tally = (kind: string, days: number, surgery: boolean, count = 1): SurvivalTally => ({
  treatmentKind: kind,
  days,
  surgery,
  count,
});

// Fourteen patients after an injection: surgery at 30, 90, 200 and 600 days; the rest censored.
const injection = [
  tally("epidural_steroid_injection", 30, true),
  tally("epidural_steroid_injection", 60, false),
  tally("epidural_steroid_injection", 90, true),
  tally("epidural_steroid_injection", 100, false),
  tally("epidural_steroid_injection", 200, true),
  tally("epidural_steroid_injection", 400, false),
  tally("epidural_steroid_injection", 500, false),
  tally("epidural_steroid_injection", 600, true),
  tally("epidural_steroid_injection", 700, false, 6),
];
const exercise = [
  tally("exercise_physiotherapy", 120, false, 6),
  tally("exercise_physiotherapy", 420, false, 11),
];
const injectionTimes = [30, 60, 90, 100, 200, 400, 500, 600, ...Array(6).fill(700)];
const injectionEvents = [true, false, true, false, true, false, false, true, ...Array(6).fill(false)];
const counts = { episodes: 45, firstSurgical: 11 };

describe("surgery-free survival", () => {
  const report = surgeryFreeSurvival([...injection, ...exercise, tally("medication", 50, true, 3)], counts);
  const group = (kind: string) => report.groups.find((g) => g.treatmentKind === kind)!;

  it("draws no curve for a group with operations but fewer than eleven of them where eleven remain at risk", () => {
    const g = group("epidural_steroid_injection");
    // Days 30 and 90 have 14 and 12 at risk; day 200 has 10: only two operations could be drawn.
    expect(g).toMatchObject({ n: 14, events: 4, censored: 10, suppressed: false, curve: [] });
    const km = kaplanMeier({ time: injectionTimes, event: injectionEvents });
    expect(g.median).toEqual(km.median);
  });

  it("draws a group without operations flat at 100% to where fewer than eleven remain at risk", () => {
    expect(group("exercise_physiotherapy").curve.map((p) => [p.day, p.survival, p.atRisk, p.events])).toEqual(
      [
        [0, 1, 17, 0],
        [420, 1, 11, 0],
      ],
    );
  });

  it("merges operations into drops of at least eleven, each at its last operation with Kaplan–Meier's estimate", () => {
    // 65 patients: one fusion on each of days 10, 20, …, 250 (25 operations), 40 censored at day 400.
    const days = Array.from({ length: 25 }, (_, i) => 10 * (i + 1));
    const fused = [
      ...days.map((d) => tally("radiofrequency_ablation", d, true)),
      tally("radiofrequency_ablation", 400, false, 40),
    ];
    const g = surgeryFreeSurvival(fused, counts).groups[0]!;
    // The first eleven make one drop (day 110); the last fourteen another, since three would be a small tail.
    expect(g.curve.map((p) => [p.day, p.atRisk, p.events])).toEqual([
      [0, 65, 0],
      [110, 65, 11],
      [250, 54, 14],
      [400, 40, 0],
    ]);
    expect(g.curve[1]?.survival).toBeCloseTo(54 / 65, 12);
    expect(g.curve[2]?.survival).toBeCloseTo(40 / 65, 12);
    const km = kaplanMeier({
      time: [...days, ...Array(40).fill(400)],
      event: [...days.map(() => true), ...Array(40).fill(false)],
    });
    const at = (day: number) => km.steps.find((s) => s.time === day)!;
    expect([g.curve[1]?.lower, g.curve[1]?.upper]).toEqual([at(110).lower, at(110).upper]);
    expect([g.curve[2]?.lower, g.curve[2]?.upper]).toEqual([at(250).lower, at(250).upper]);
    for (const p of g.curve.slice(1)) expect(p.events === 0 || p.events >= 11).toBe(true);
  });

  it("counts those still at risk under the plot, and gives no 12-month figure from fewer than eleven", () => {
    const g = group("epidural_steroid_injection");
    expect(g.atRisk).toEqual([
      { month: 0, n: 14 },
      { month: 3, n: 11 },
      { month: 6, n: 10 },
      { month: 12, n: 9 },
      { month: 18, n: 7 },
      { month: 24, n: 0 },
    ]);
    expect(monthsToDays(12)).toBe(365);
    expect(g.at12Months).toBeNull();
    expect(group("exercise_physiotherapy").at12Months).toEqual({ survival: 1, lower: 1, upper: 1 });
  });

  it("withholds the curve of a group with fewer than eleven patients and leaves it out of the log-rank test", () => {
    expect(group("medication")).toMatchObject({ n: 3, events: 3, suppressed: true, curve: [], median: null });
    const expected = logRankTest({
      time: [...injectionTimes, ...Array(6).fill(120), ...Array(11).fill(420)],
      event: [...injectionEvents, ...Array(17).fill(false)],
      group: [...Array(14).fill("epidural_steroid_injection"), ...Array(17).fill("exercise_physiotherapy")],
    });
    expect(report.logRank).toMatchObject({ chiSquare: expected.chiSquare, df: 1, p: expected.p });
    expect(report.logRank?.groups.map((g) => g.treatmentKind).sort()).toEqual([
      "epidural_steroid_injection",
      "exercise_physiotherapy",
    ]);
  });

  it("reports the funnel from episodes to those analysed", () => {
    expect(report.funnel.map((s) => s.n)).toEqual([45, 34, 34]);
  });

  it("has no log-rank test when nobody had an operation", () => {
    expect(surgeryFreeSurvival(exercise, counts).logRank).toBeNull();
  });
});

describe("surgery-free survival in a filtered view", () => {
  it("leaves out a first treatment with 1 to 10 episodes whole and counts only the groups shown as analysed", () => {
    const few = [tally("medication", 50, false, 4), tally("medication", 80, true, 2)];
    const all = surgeryFreeSurvival([...injection, ...exercise, ...few], counts);
    expect(all.groups.map((g) => g.treatmentKind)).toContain("medication");
    const filtered = cohortSurvival([...injection, ...exercise, ...few], counts);
    expect(filtered.groups.map((g) => g.treatmentKind)).toEqual([
      "epidural_steroid_injection",
      "exercise_physiotherapy",
    ]);
    expect(filtered.left).toBe(1);
    expect(filtered.groups).toEqual(surgeryFreeSurvival([...injection, ...exercise], counts).groups);
    // 45 episodes, 34 not surgical, 31 analysed: 3 below 34 would say the six left out less three.
    expect(filtered.funnel.map((s) => s.step)).toEqual(["episodes", "non-surgical"]);
  });

  it("drops any funnel step of 1 to 10, or 1 to 10 below the step kept before it", () => {
    const step = (n: number) => ({ step: `s${n}`, label: "", n });
    expect(withoutSmallSteps([step(100), step(95), step(80), step(5), step(0)]).map((s) => s.n)).toEqual([
      100, 80, 0,
    ]);
    expect(withoutSmallSteps([step(0), step(0)]).map((s) => s.n)).toEqual([0, 0]);
  });
});
