import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../stats";
import {
  changeRange,
  distributionsByKind,
  ecdfOnGrid,
  ecdfStep,
  isWorsening,
  summarizeDistribution,
  worseningRule,
} from "./distribution";
import { MINIMUM_CELL } from "./small-cells";

const completeness = { closed: 0, responded: 0, share: null, shareCI: null };

describe("empirical distribution of change", () => {
  it("evaluates the ECDF exactly at grid points, from below the scale's lowest change to its top", () => {
    // With a minimum of 1 every grid cell that holds someone is its own step.
    expect(ecdfOnGrid([-3, -1, 0, 2], 1, [-4, 4], 1)).toEqual([
      { change: -5, share: 0 },
      { change: -3, share: 0.25 },
      { change: -1, share: 0.5 },
      { change: 0, share: 0.75 },
      { change: 4, share: 1 },
    ]);
    // ODI changes with a missing section are not whole numbers: F(x) counts changes ≤ x.
    expect(ecdfOnGrid([-3.33, 1.11], 2, [-6, 6], 1)).toEqual([
      { change: -8, share: 0 },
      { change: -2, share: 0.5 },
      { change: 6, share: 1 },
    ]);
    expect(ecdfStep("odi")).toBe(2);
    expect(ecdfStep("nrs_back")).toBe(1);
    expect(changeRange("odi")).toEqual([-100, 100]);
    expect(changeRange("nrs_back")).toEqual([-10, 10]);
  });

  it("merges the ECDF's steps until each holds at least 11 patients, a short tail into the step before", () => {
    // 12 at −3, 4 at −2, 7 at 0, 3 at +1: steps of 12 (to −3) and 14 (the rest, shown at the top).
    const changes = [...Array(12).fill(-3), ...Array(4).fill(-2), ...Array(7).fill(0), ...Array(3).fill(1)];
    expect(ecdfOnGrid(changes, 1, [-10, 10])).toEqual([
      { change: -11, share: 0 },
      { change: -3, share: 12 / 26 },
      { change: 10, share: 1 },
    ]);
    expect(ecdfOnGrid(changes.slice(0, 10), 1, [-10, 10])).toEqual([]);
  });

  it("never shows a step of the ECDF with fewer than 11 patients, whatever the data", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 400 }),
        fc.constantFrom("odi", "nrs_back"),
        (raw, instrument) => {
          const range = changeRange(instrument);
          const changes = raw.map((c) => Math.max(range[0], Math.min(range[1], c))).sort((a, b) => a - b);
          const n = changes.length;
          const points = ecdfOnGrid(changes, ecdfStep(instrument), range);
          if (n < MINIMUM_CELL) return points.length === 0;
          const counts = points.map((p) => Math.round(p.share * n));
          const steps = counts.slice(1).map((c, i) => c - (counts[i] as number));
          // Every point is the exact share at or below it.
          const exact = points.every(
            (p) => p.share === changes.filter((c) => c <= p.change + 1e-9).length / n,
          );
          return (
            counts[0] === 0 &&
            counts.at(-1) === n &&
            points[0]!.change < range[0] &&
            points.at(-1)!.change === range[1] &&
            steps.every((s) => s >= MINIMUM_CELL) &&
            exact
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives R's type-7 quantiles, the shares improved and clinically worse, and the missing-data range", () => {
    // Changes −10 ×4, −4 ×3, 0 ×3, +12: sorted, 11 of them.
    const pairs: [number, number][] = [
      ...Array.from({ length: 4 }, (): [number, number] => [40, 30]),
      ...Array.from({ length: 3 }, (): [number, number] => [50, 46]),
      ...Array.from({ length: 3 }, (): [number, number] => [60, 60]),
      [30, 42],
    ];
    const d = summarizeDistribution("odi", {
      treatmentKind: "medication",
      pairs,
      funnel: [],
      completeness,
      due: 20,
    });
    // quantile(x, p, type = 7): h = (n − 1)p + 1 = 10p + 1, between the order statistics around h.
    expect(d.quantiles).toMatchObject({ p10: -10, p25: -10, p50: -4, p75: 0 });
    expect(d.quantiles?.p90).toBeCloseTo(0, 12);
    expect(d.mean).toBeCloseTo((-40 - 12 + 12) / 11, 12);
    const improved = wilsonInterval(4, 11);
    expect(d.improved).toEqual({ count: 4, n: 11, share: 4 / 11, ci: [improved.lower, improved.upper] });
    expect(d.worsened).toMatchObject({ count: 1, n: 11, share: 1 / 11 });
    // 9 of the 20 due are missing: 4/20 if none of them improved, 13/20 if all did.
    expect(d.improvedRange).toEqual({ due: 20, missing: 9, lower: 0.2, upper: 0.65 });
    // Eleven patients make one step: the curve says only that all of them lie within the scale.
    expect(d.ecdf).toEqual([
      { change: -102, share: 0 },
      { change: 100, share: 1 },
    ]);
  });

  it("counts a loss of at least the responder threshold as worse, in the scale's own direction", () => {
    expect(isWorsening("odi", 30, 40)).toBe(true);
    expect(isWorsening("odi", 30, 39)).toBe(false);
    expect(isWorsening("nrs_back", 4, 6)).toBe(true);
  });

  it("reads the scale, direction and threshold of any change measure from the measure table", () => {
    // EQ-5D-5L index (US): range −0.573 to 1, higher is better, threshold 0.08.
    expect(ecdfStep("eq5d5l.index_us")).toBeCloseTo(1.573 / 50, 12);
    expect(changeRange("promis29.fatigue")[1]).toBeGreaterThan(0);
    expect(isWorsening("eq5d5l.index_us", 0.6, 0.52)).toBe(true);
    expect(isWorsening("eq5d5l.index_us", 0.6, 0.53)).toBe(false);
    expect(isWorsening("eq5d5l.index_us", 0.5, 0.7)).toBe(false);
    // PROMIS-29 physical function: higher is better, 3.6 T-points.
    expect(isWorsening("promis29.physical_function", 40, 36.4)).toBe(true);
    expect(isWorsening("promis29.physical_function", 40, 43.6)).toBe(false);
    expect(worseningRule("promis29.fatigue")).toBe(
      "worse by ≥ 7.75 points (the improvement threshold, mirrored)",
    );
  });

  it("gives a measure without a cited threshold the change but no shares improved or worse", () => {
    const pairs = Array.from({ length: 12 }, (_, i) => [5, 5 - (i % 4)] as const);
    const d = summarizeDistribution("peg", {
      treatmentKind: "medication",
      pairs,
      funnel: [],
      completeness,
      due: 12,
    });
    expect(d.mean).toBeCloseTo(-1.5, 12);
    expect([d.improved, d.worsened, d.improvedRange]).toEqual([
      { count: null, n: 12, share: null, ci: null },
      { count: null, n: 12, share: null, ci: null },
      null,
    ]);
    expect([worseningRule("peg"), isWorsening("peg", 2, 9)]).toEqual(["none", false]);
  });

  it("shows only counts for fewer than eleven patients", () => {
    const d = summarizeDistribution("odi", {
      treatmentKind: "medication",
      pairs: [
        [40, 30],
        [30, 20],
      ],
      funnel: [],
      completeness,
    });
    expect(d).toMatchObject({ n: 2, suppressed: true, mean: null, quantiles: null, ecdf: [] });
    expect(d.improved).toEqual({ count: null, n: 2, share: null, ci: null });
    expect(d.improvedRange).toBeNull();
  });

  it("builds the attrition funnel of one timepoint from the tallies", () => {
    const [group] = distributionsByKind(
      {
        followUps: [
          {
            treatmentKind: "medication",
            timepoint: "12m",
            windowStart: "2026-01-01",
            windowEnd: "2026-02-01",
            completedAt: "2026-01-10",
            cancelledAt: null,
            count: 6,
          },
          {
            treatmentKind: "medication",
            timepoint: "12m",
            windowStart: "2026-01-01",
            windowEnd: "2026-02-01",
            completedAt: null,
            cancelledAt: null,
            count: 4,
          },
          {
            treatmentKind: "medication",
            timepoint: "6m",
            windowStart: "2025-07-01",
            windowEnd: "2025-08-01",
            completedAt: null,
            cancelledAt: null,
            count: 9,
          },
        ],
        answers: [
          {
            treatmentKind: "medication",
            timepoint: "12m",
            instrument: "odi",
            baseline: 40,
            followUp: 30,
            count: 4,
          },
          {
            treatmentKind: "medication",
            timepoint: "12m",
            instrument: "odi",
            baseline: null,
            followUp: 30,
            count: 1,
          },
          {
            treatmentKind: "medication",
            timepoint: "12m",
            instrument: "nrs_back",
            baseline: 5,
            followUp: 3,
            count: 6,
          },
        ],
      },
      "odi",
      "12m",
      "2026-03-01",
    );
    expect(group?.funnel.map((s) => s.n)).toEqual([10, 6, 5, 4]);
    expect(group?.completeness).toMatchObject({ closed: 10, responded: 6, share: 0.6 });
    expect(group).toMatchObject({ n: 4, suppressed: true });
  });
});
