import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { column, mismatches, parseCsv } from "./fixtures/compare";
import {
  bootstrapWeightedDifference,
  weightedMeanDifference,
  weightedResponderEffect,
} from "./weighted-effects";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("weighting.csv"));
const r = JSON.parse(fixture("weighting.json"));
const treated = column(data, "treated").map((t) => t === 1);
const change = column(data, "odi_change");
const responded = column(data, "responder").map((x) => x === 1);
const covariates = {
  age: column(data, "age"),
  baseline_odi: column(data, "baseline_odi"),
  duration: column(data, "duration"),
  opioid: column(data, "opioid"),
};

describe("weighted effects agree with R (lm/glm with sandwich HC0)", () => {
  it.each(["truncated", "stabilised"])("difference in mean change, %s weights", (kind) => {
    const effect = weightedMeanDifference(change, treated, r.weights[kind]);
    expect(mismatches(effect, r.meanDifference[kind])).toEqual([]);
  });

  it.each(["truncated", "stabilised"])("difference and ratio in responder rate, %s weights", (kind) => {
    const effect = weightedResponderEffect(responded, treated, r.weights[kind]);
    expect(mismatches(effect, r.responderEffect[kind])).toEqual([]);
  });
});

describe("weighted effects", () => {
  it("with equal weights, are the plain difference in means", () => {
    const ones = change.map(() => 1);
    const effect = weightedMeanDifference(change, treated, ones);
    const meanOf = (arm: boolean) => {
      const ys = change.filter((_, i) => treated[i] === arm);
      return ys.reduce((s, y) => s + y, 0) / ys.length;
    };
    expect(effect.difference.estimate).toBeCloseTo(meanOf(true) - meanOf(false), 12);
  });

  it("give no risk ratio when an arm has no responders", () => {
    const effect = weightedResponderEffect(
      [false, false, true, false],
      [true, true, false, false],
      [1, 1, 1, 1],
    );
    expect(effect.riskRatio).toBeNull();
    expect(effect.riskDifference.estimate).toBe(-0.5);
  });

  it("refuse an empty arm and non-positive weights", () => {
    expect(() => weightedMeanDifference([1, 2], [true, true], [1, 1])).toThrow(/untreated/);
    expect(() => weightedMeanDifference([1, 2], [true, false], [1, 0])).toThrow(/positive/);
  });
});

describe("bootstrap interval", () => {
  const options = { seed: 42, replicates: 200, truncate: { lower: 0.01, upper: 0.99 } } as const;

  it("is the same for the same seed, and differs for another", () => {
    const a = bootstrapWeightedDifference(change, treated, covariates, options);
    const b = bootstrapWeightedDifference(change, treated, covariates, options);
    const c = bootstrapWeightedDifference(change, treated, covariates, { ...options, seed: 43 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
  });

  it("is centred on the weighted estimate and close to the sandwich interval", () => {
    const boot = bootstrapWeightedDifference(change, treated, covariates, options);
    const sandwich = r.meanDifference.truncated.difference;
    expect(boot.estimate).toBeCloseTo(sandwich.estimate, 10);
    expect(boot.lower).toBeLessThan(boot.estimate);
    expect(boot.upper).toBeGreaterThan(boot.estimate);
    // Same order of width: the two methods answer the same question differently.
    const ratio = (boot.upper - boot.lower) / (sandwich.upper - sandwich.lower);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.5);
    expect(boot.replicates + boot.failed).toBe(200);
  });

  it("works for a responder outcome coded 0/1 (risk difference)", () => {
    const y = responded.map((x) => (x ? 1 : 0));
    const boot = bootstrapWeightedDifference(y, treated, covariates, { ...options, replicates: 100 });
    expect(boot.estimate).toBeCloseTo(
      weightedResponderEffect(responded, treated, r.weights.truncated).riskDifference.estimate,
      10,
    );
    expect(boot.lower).toBeGreaterThan(-1);
    expect(boot.upper).toBeLessThan(1);
  });
});
