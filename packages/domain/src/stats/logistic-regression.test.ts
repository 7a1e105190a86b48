import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { column, mismatches, parseCsv } from "./fixtures/compare";
import { logisticRegression } from "./logistic-regression";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("regression.csv"));
const r = JSON.parse(fixture("regression.json"));
const y = column(data, "responder");
const covariates = {
  age: column(data, "age"),
  baseline_odi: column(data, "baseline_odi"),
  opioid: column(data, "opioid"),
};

describe("logistic regression agrees with R's glm(family = binomial)", () => {
  it("with three covariates: estimates, SEs, z, p, Wald intervals, deviances, AIC, iterations", () => {
    expect(mismatches(logisticRegression(y, covariates), r.logistic.full)).toEqual([]);
  });

  it("with 90% intervals", () => {
    expect(mismatches(logisticRegression(y, covariates, 0.9), r.logistic.full90)).toEqual([]);
  });

  it("with the intercept only, whose estimate is the log odds of the observed rate", () => {
    const fit = logisticRegression(y, {});
    expect(mismatches(fit, r.logistic.interceptOnly)).toEqual([]);
    const rate = y.reduce((s, v) => s + v, 0) / y.length;
    expect(fit.coefficients[0]?.estimate).toBeCloseTo(Math.log(rate / (1 - rate)), 10);
  });
});

describe("logistic regression", () => {
  it("refuses an outcome that is not 0/1", () => {
    expect(() => logisticRegression([0, 1, 2], { x: [1, 2, 3] })).toThrow(/0 or 1/);
  });

  it("still returns (with huge coefficients) when the outcome is perfectly separated", () => {
    const fit = logisticRegression([0, 0, 0, 1, 1, 1], { x: [1, 2, 3, 4, 5, 6] });
    expect(fit.fitted.every((p) => p > 0 && p < 1)).toBe(true);
    expect(Math.abs(fit.coefficients[1]?.estimate as number)).toBeGreaterThan(5);
  });
});
