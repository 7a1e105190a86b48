import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mismatches, parseCsv } from "./fixtures/compare";
import { type KaplanMeierCurve, kaplanMeier, kaplanMeierByGroup } from "./kaplan-meier";
import type { SurvivalData } from "./survival-data";
import { survivalQuantile } from "./survival-quantiles";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const r = JSON.parse(fixture("survival.json"));
const toData = (rows: Record<string, string | number>[]): SurvivalData => ({
  time: rows.map((x) => Number(x.time)),
  event: rows.map((x) => Number(x.status) === 1),
});
const cases = parseCsv(fixture("km-cases.csv"));
const registry = parseCsv(fixture("survival.csv"));
const veteran = parseCsv(fixture("veteran.csv"));
const caseData = (name: string) => toData(cases.filter((c) => c.case === name));

// R's curve, median (print.survfit) and quartiles (quantile.survfit), in our shapes.
function withQuantiles(curve: KaplanMeierCurve) {
  return { ...curve, quantiles: [0.25, 0.5, 0.75].map((p) => survivalQuantile(curve.steps, p)) };
}

describe("Kaplan–Meier agrees with R's survfit", () => {
  it.each(Object.keys(r.kaplanMeier.cases))("edge case: %s", (name) => {
    const actual = withQuantiles(kaplanMeier(caseData(name)));
    expect(mismatches(actual, r.kaplanMeier.cases[name])).toEqual([]);
  });

  it("for each arm of the registry, with ties and a median not reached", () => {
    const curves = kaplanMeierByGroup({ ...toData(registry), group: registry.map((x) => String(x.arm)) });
    for (const { group, curve } of curves) {
      expect(mismatches(withQuantiles(curve), r.kaplanMeier.arms[group]), group).toEqual([]);
    }
  });

  it("for the veteran trial, overall and by cell type (limits reached and not)", () => {
    expect(mismatches(withQuantiles(kaplanMeier(toData(veteran))), r.kaplanMeier.veteran)).toEqual([]);
    const curves = kaplanMeierByGroup({ ...toData(veteran), group: veteran.map((x) => String(x.celltype)) });
    for (const { group, curve } of curves) {
      expect(mismatches(withQuantiles(curve), r.kaplanMeier.veteranCelltype[group]), group).toEqual([]);
    }
  });

  it("at a 90% level", () => {
    expect(mismatches(kaplanMeier(toData(registry), 0.9), r.kaplanMeier.overall90)).toEqual([]);
  });
});

describe("median survival", () => {
  it("takes the midpoint when the curve sits exactly at one half and later drops", () => {
    expect(kaplanMeier(caseData("plateau-at-half")).median.estimate).toBe(6.5);
  });

  it("follows print.survfit when the curve ends at one half, and quantile.survfit differs", () => {
    const curve = kaplanMeier(caseData("ends-at-half"));
    expect(curve.median.estimate).toBe(2);
    expect(survivalQuantile(curve.steps, 0.5).estimate).toBe(3);
  });

  it("is null when not reached", () => {
    expect(kaplanMeier(caseData("not-reached")).median).toEqual({ estimate: null, lower: 12, upper: null });
  });
});

describe("Kaplan–Meier curves", () => {
  const survivalData = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 80 })
    .map((rows) => ({ time: rows.map(([t]) => t), event: rows.map(([, e]) => e) }));

  it("never increase, stay in [0, 1], and keep the estimate inside its interval", () => {
    fc.assert(
      fc.property(survivalData, (data) => {
        const { steps } = kaplanMeier(data);
        steps.forEach((step, i) => {
          expect(step.survival).toBeGreaterThanOrEqual(0);
          expect(step.survival).toBeLessThanOrEqual(1);
          if (i > 0) expect(step.survival).toBeLessThanOrEqual((steps[i - 1] as typeof step).survival);
          if (step.lower !== null && step.upper !== null) {
            expect(step.lower).toBeLessThanOrEqual(step.survival * (1 + 1e-12));
            expect(step.upper).toBeGreaterThanOrEqual(step.survival * (1 - 1e-12));
          }
        });
      }),
    );
  });

  it("account for every subject: at risk falls by the events and censorings of each step", () => {
    fc.assert(
      fc.property(survivalData, (data) => {
        const { steps, n, events } = kaplanMeier(data);
        expect(steps[0]?.nRisk).toBe(n);
        steps.forEach((step, i) => {
          const next = steps[i + 1];
          if (next) expect(next.nRisk).toBe(step.nRisk - step.nEvent - step.nCensor);
        });
        expect(steps.reduce((s, x) => s + x.nEvent, 0)).toBe(events);
      }),
    );
  });

  it("without censoring, equal the empirical survival function", () => {
    const { steps } = kaplanMeier({ time: [3, 1, 2, 2, 5], event: [true, true, true, true, true] });
    expect(steps.map((s) => s.survival)).toEqual([0.8, 0.4, 0.2, 0]);
  });

  it("refuses negative times and mismatched lengths", () => {
    expect(() => kaplanMeier({ time: [-1, 2], event: [true, false] })).toThrow(/negative/);
    expect(() => kaplanMeier({ time: [1, 2], event: [true] })).toThrow(/differ in length/);
  });
});
