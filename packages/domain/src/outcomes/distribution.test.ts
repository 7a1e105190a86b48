import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../stats";
import {
  distributionsByKind,
  ecdfOnGrid,
  ecdfStep,
  isWorsening,
  summarizeDistribution,
} from "./distribution";

const completeness = { closed: 0, responded: 0, share: null, shareCI: null };

describe("empirical distribution of change", () => {
  it("evaluates the ECDF on whole steps, from just below the smallest change to where it reaches 1", () => {
    expect(ecdfOnGrid([-3, -1, 0, 2], 1)).toEqual([
      { change: -4, share: 0 },
      { change: -3, share: 0.25 },
      { change: -2, share: 0.25 },
      { change: -1, share: 0.5 },
      { change: 0, share: 0.75 },
      { change: 1, share: 0.75 },
      { change: 2, share: 1 },
    ]);
    // ODI changes with a missing section are not whole numbers: F(x) counts changes ≤ x.
    expect(ecdfOnGrid([-3.33, 1.11], 2)).toEqual([
      { change: -6, share: 0 },
      { change: -4, share: 0 },
      { change: -2, share: 0.5 },
      { change: 0, share: 0.5 },
      { change: 2, share: 1 },
    ]);
    expect(ecdfStep("odi")).toBe(2);
    expect(ecdfStep("nrs_back")).toBe(1);
  });

  it("gives R's type-7 quantiles, and the shares improved and clinically worse", () => {
    const pairs: [number, number][] = [
      [40, 30],
      [30, 20],
      [50, 46],
      [60, 60],
      [30, 42],
    ];
    const d = summarizeDistribution("odi", { treatmentKind: "medication", pairs, funnel: [], completeness });
    // changes sorted −10, −10, −4, 0, +12; quantile(x, p, type = 7) by hand:
    expect(d.quantiles).toMatchObject({ p10: -10, p25: -10, p50: -4, p75: 0 });
    expect(d.quantiles?.p90).toBeCloseTo(0.6 * 12, 12);
    expect(d.mean).toBeCloseTo(-2.4, 12);
    const improved = wilsonInterval(2, 5);
    expect(d.improved).toEqual({ count: 2, n: 5, share: 0.4, ci: [improved.lower, improved.upper] });
    expect(d.worsened).toMatchObject({ count: 1, n: 5, share: 0.2 });
    expect(d.ecdf.at(-1)).toEqual({ change: 12, share: 1 });
  });

  it("counts a loss of at least the responder threshold as worse, in the scale's own direction", () => {
    expect(isWorsening("odi", 30, 40)).toBe(true);
    expect(isWorsening("odi", 30, 39)).toBe(false);
    expect(isWorsening("nrs_back", 4, 6)).toBe(true);
  });

  it("shows only counts for fewer than five patients", () => {
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
