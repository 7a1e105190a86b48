import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coxRegression } from "./cox";
import { column, mismatches, parseCsv } from "./fixtures/compare";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const r = JSON.parse(fixture("survival.json"));
const registry = parseCsv(fixture("survival.csv"));
const veteran = parseCsv(fixture("veteran.csv"));
const outcome = (rows: Record<string, string | number>[]) => ({
  time: column(rows, "time"),
  event: rows.map((x) => Number(x.status) === 1),
});
const indicator = (rows: Record<string, string | number>[], name: string, value: string | number) =>
  rows.map((x) => (x[name] === value ? 1 : 0));

describe("Cox regression agrees with R's coxph (Efron ties)", () => {
  it("for the registry: two arm indicators and three baseline covariates", () => {
    const fit = coxRegression({
      ...outcome(registry),
      covariates: {
        injection: indicator(registry, "arm", "injection"),
        surgery: indicator(registry, "arm", "surgery"),
        age: column(registry, "age"),
        female: column(registry, "female"),
        baseline_odi: column(registry, "baseline_odi"),
      },
    });
    expect(mismatches(fit, r.cox.registry)).toEqual([]);
  });

  it("with a single covariate", () => {
    const fit = coxRegression({
      ...outcome(registry),
      covariates: { baseline_odi: column(registry, "baseline_odi") },
    });
    expect(mismatches(fit, r.cox.registryOneCovariate)).toEqual([]);
  });

  it("for the veteran trial", () => {
    const fit = coxRegression({
      ...outcome(veteran),
      covariates: {
        treated: indicator(veteran, "trt", 2),
        karno: column(veteran, "karno"),
        diagtime: column(veteran, "diagtime"),
        age: column(veteran, "age"),
        prior: column(veteran, "prior"),
      },
    });
    expect(mismatches(fit, r.cox.veteran)).toEqual([]);
  });
});

describe("Cox regression", () => {
  it("does not depend on the order of the rows", () => {
    const data = { ...outcome(registry), covariates: { age: column(registry, "age") } };
    const reversed = {
      time: [...data.time].reverse(),
      event: [...data.event].reverse(),
      covariates: { age: [...data.covariates.age].reverse() },
    };
    expect(coxRegression(reversed).coefficients[0]?.estimate).toBeCloseTo(
      coxRegression(data).coefficients[0]?.estimate as number,
      10,
    );
  });

  it("reports the hazard ratio interval on the ratio scale, around the estimate", () => {
    const [c] = coxRegression({
      ...outcome(veteran),
      covariates: { karno: column(veteran, "karno") },
    }).coefficients;
    expect(c?.hazardRatio).toBeCloseTo(Math.exp(c?.estimate as number), 14);
    expect(c?.lower).toBeLessThan(c?.hazardRatio as number);
    expect(c?.upper).toBeGreaterThan(c?.hazardRatio as number);
  });

  it("refuses data without events and a constant covariate", () => {
    expect(() =>
      coxRegression({ time: [1, 2, 3], event: [false, false, false], covariates: { x: [1, 2, 3] } }),
    ).toThrow(/no events/);
    expect(() =>
      coxRegression({
        time: [1, 2, 3, 4],
        event: [true, false, true, true],
        covariates: { x: [1, 1, 1, 1] },
      }),
    ).toThrow(/singular/);
  });
});
