import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column, mismatches, parseCsv } from "./fixtures/compare";
import {
  inverseProbabilityWeights,
  propensityScores,
  quantile,
  standardizedMeanDifferences,
} from "./weighting";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("weighting.csv"));
const r = JSON.parse(fixture("weighting.json"));
const treated = column(data, "treated").map((t) => t === 1);
const covariates = {
  age: column(data, "age"),
  baseline_odi: column(data, "baseline_odi"),
  duration: column(data, "duration"),
  opioid: column(data, "opioid"),
};

describe("propensity weighting agrees with R", () => {
  const { scores, model } = propensityScores(treated, covariates);

  it("fits the propensity score by logistic regression", () => {
    expect(mismatches(model.coefficients, r.propensity.coefficients)).toEqual([]);
    expect(mismatches(scores, r.propensity.scores)).toEqual([]);
  });

  it("gives stabilised and plain inverse-probability weights", () => {
    expect(mismatches(inverseProbabilityWeights(treated, scores), r.weights.stabilised)).toEqual([]);
    expect(
      mismatches(inverseProbabilityWeights(treated, scores, { stabilised: false }), r.weights.plain),
    ).toEqual([]);
  });

  it("truncates weights at the 1st and 99th percentiles (R quantile type 7)", () => {
    const truncated = inverseProbabilityWeights(treated, scores, { truncate: { lower: 0.01, upper: 0.99 } });
    expect(mismatches(truncated, r.weights.truncated)).toEqual([]);
    expect(Math.min(...truncated)).toBeCloseTo(r.weights.truncationLimits[0], 12);
    expect(Math.max(...truncated)).toBeCloseTo(r.weights.truncationLimits[1], 12);
  });

  it("reports standardized mean differences before and after weighting", () => {
    const balance = standardizedMeanDifferences(treated, covariates, r.weights.truncated);
    expect(mismatches(balance, r.balance)).toEqual([]);
    for (const b of balance) expect(Math.abs(b.after as number)).toBeLessThan(Math.abs(b.before));
  });
});

describe("weights", () => {
  it("stabilised weights average about 1 in each arm", () => {
    const { scores } = propensityScores(treated, covariates);
    const w = inverseProbabilityWeights(treated, scores);
    const meanIn = (arm: boolean) => {
      const ws = w.filter((_, i) => treated[i] === arm);
      return ws.reduce((s, x) => s + x, 0) / ws.length;
    };
    expect(meanIn(true)).toBeCloseTo(1, 0);
    expect(meanIn(false)).toBeCloseTo(1, 0);
  });

  it("truncation never moves a weight outside the original range, and keeps the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0.02, max: 0.98, noNaN: true })), {
          minLength: 5,
          maxLength: 60,
        }),
        (rows) => {
          const t = rows.map(([x]) => x);
          const ps = rows.map(([, p]) => p);
          const w = inverseProbabilityWeights(t, ps);
          const cut = inverseProbabilityWeights(t, ps, { truncate: { lower: 0.05, upper: 0.95 } });
          cut.forEach((c, i) => {
            expect(c).toBeGreaterThanOrEqual(Math.min(...w) - 1e-12);
            expect(c).toBeLessThanOrEqual(Math.max(...w) + 1e-12);
            cut.forEach((d, j) => {
              if ((w[i] as number) < (w[j] as number)) expect(c).toBeLessThanOrEqual(d);
            });
          });
        },
      ),
    );
  });

  it("refuses propensity scores of exactly 0 or 1 and bad percentiles", () => {
    expect(() => inverseProbabilityWeights([true, false], [1, 0.5])).toThrow(/strictly between/);
    expect(() =>
      inverseProbabilityWeights([true, false], [0.5, 0.5], { truncate: { lower: 0.9, upper: 0.1 } }),
    ).toThrow(/percentiles/);
  });

  it("quantile interpolates between order statistics as R's type 7", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.25)).toBe(2.5);
    expect(quantile([3], 0.99)).toBe(3);
  });
});
