import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { column, mismatches, parseCsv } from "./fixtures/compare";
import { FUNNEL_Z95, FUNNEL_Z998, funnelLimits, funnelPlot } from "./funnel";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("funnel.csv"));
const r = JSON.parse(fixture("funnel.json"));
const clinics = data.map((row) => String(row.clinic));
const y = column(data, "responder");
const covariates = {
  age: column(data, "age"),
  female: column(data, "female"),
  baseline_odi: column(data, "baseline_odi"),
  high_risk: column(data, "high_risk"),
};

describe("funnel plot agrees with R (glm binomial, observed ÷ expected, 1 ± z·√V ÷ E)", () => {
  const result = funnelPlot(clinics, y, covariates);

  it("fits the pooled risk model as glm does: coefficients, deviance, fitted probabilities", () => {
    expect(mismatches(result.model, r.model)).toEqual([]);
  });

  it("gives each clinic's n, observed, expected, ratio, variance and 95% / 99.8% limits", () => {
    expect(mismatches(result.units, r.units)).toEqual([]);
  });

  it("flags the clinic built to do better than its case mix as outside the 99.8% limits, and only it", () => {
    expect(result.units.filter((u) => u.outside998).map((u) => u.name)).toEqual(["E"]);
    expect(result.units.find((u) => u.name === "E")?.ratio).toBeGreaterThan(1);
  });
});

describe("funnel plot", () => {
  it("sums the expected counts to the observed total over all clinics (logistic score equations)", () => {
    const { units } = funnelPlot(clinics, y, covariates);
    const observed = units.reduce((s, u) => s + u.observed, 0);
    const expected = units.reduce((s, u) => s + u.expected, 0);
    expect(expected).toBeCloseTo(observed, 6);
  });

  it("keeps the clinics in the order they first appear", () => {
    const { units } = funnelPlot(["b", "a", "b", "a", "c", "c"], [1, 0, 0, 1, 1, 0], {});
    expect(units.map((u) => u.name)).toEqual(["b", "a", "c"]);
  });

  it("narrows the limits as the expected count grows", () => {
    const small = funnelLimits(5, 5 * 0.5, FUNNEL_Z95);
    const large = funnelLimits(50, 50 * 0.5, FUNNEL_Z95);
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
    expect(funnelLimits(50, 25, FUNNEL_Z998).upper).toBeGreaterThan(large.upper);
  });

  it("refuses an outcome that is not 0/1, and units that do not match the rows", () => {
    expect(() => funnelPlot(["a", "b"], [0, 2], {})).toThrow(/0 or 1/);
    expect(() => funnelPlot(["a"], [0, 1], {})).toThrow(/units/);
  });
});
