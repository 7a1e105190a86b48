import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { column, mismatches, parseCsv } from "./fixtures/compare";
import { linearRegression } from "./linear-regression";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("regression.csv"));
const r = JSON.parse(fixture("regression.json"));
const y = column(data, "odi_change");
const covariates = {
  age: column(data, "age"),
  baseline_odi: column(data, "baseline_odi"),
  opioid: column(data, "opioid"),
};

describe("linear regression agrees with R's lm", () => {
  it("with three covariates: estimates, SEs, t, p, 95% intervals, sigma, R²", () => {
    expect(mismatches(linearRegression(y, covariates), r.linear.full)).toEqual([]);
  });

  it("with 90% intervals", () => {
    expect(mismatches(linearRegression(y, covariates, 0.9), r.linear.full90)).toEqual([]);
  });

  it("with one covariate", () => {
    expect(
      mismatches(linearRegression(y, { baseline_odi: covariates.baseline_odi }), r.linear.simple),
    ).toEqual([]);
  });
});

describe("linear regression", () => {
  it("names the intercept as R does and keeps the covariates' order", () => {
    expect(linearRegression(y, covariates).coefficients.map((c) => c.name)).toEqual([
      "(Intercept)",
      "age",
      "baseline_odi",
      "opioid",
    ]);
  });

  it("recovers a line from points scattered ±0.1 around it", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (intercept, slope) => {
          const x = [0, 1, 2, 3, 4, 5, 6];
          const noise = [0.1, -0.1, 0.05, 0, -0.05, 0.1, -0.1];
          const fit = linearRegression(
            x.map((v, i) => intercept + slope * v + (noise[i] as number)),
            { x },
          );
          expect(fit.coefficients[1]?.estimate).toBeCloseTo(slope, 1);
          expect(fit.coefficients[0]?.estimate).toBeCloseTo(intercept, 0);
        },
      ),
    );
  });

  it("refuses collinear covariates and too few observations", () => {
    expect(() => linearRegression([1, 2, 3, 5], { a: [1, 2, 3, 4], b: [2, 4, 6, 8] })).toThrow(/collinear/);
    expect(() => linearRegression([1, 2], { a: [1, 2] })).toThrow(/more observations/);
  });
});
