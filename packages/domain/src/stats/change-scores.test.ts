import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isResponder,
  meanCI,
  pairedTTest,
  type ResponderCriterion,
  responderRate,
  weightedMeanCI,
} from "./change-scores";
import { column, mismatches, parseCsv } from "./fixtures/compare";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const data = parseCsv(fixture("change-scores.csv"));
const r = JSON.parse(fixture("change-scores.json"));
const odiBefore = column(data, "odi_before");
const odiAfter = column(data, "odi_after");
const nrsBefore = column(data, "nrs_before");
const nrsAfter = column(data, "nrs_after");
const odiChange = odiAfter.map((a, i) => a - (odiBefore[i] as number));

type ExpectedResponders = { kind: "absolute" | "relative"; threshold: number };
const criterion = (e: ExpectedResponders): ResponderCriterion =>
  e.kind === "absolute"
    ? { kind: "absolute", points: e.threshold }
    : { kind: "relative", fraction: e.threshold };

describe("change scores agree with R's t.test and prop.test", () => {
  it("gives the mean change with its t interval at 95% and 90%", () => {
    expect(mismatches(meanCI(odiChange), r.meanCI.odiChange95)).toEqual([]);
    expect(mismatches(meanCI(odiChange, 0.9), r.meanCI.odiChange90)).toEqual([]);
    expect(mismatches(meanCI(nrsAfter), r.meanCI.nrsAfter95)).toEqual([]);
  });

  it("gives the paired t-test of after − before", () => {
    expect(mismatches(pairedTTest(odiBefore, odiAfter), r.pairedTTest.odi95)).toEqual([]);
    expect(mismatches(pairedTTest(nrsBefore, nrsAfter, 0.99), r.pairedTTest.nrs99)).toEqual([]);
  });

  it("counts responders at absolute and relative thresholds, with Wilson intervals", () => {
    const check = (before: number[], after: number[], expected: ExpectedResponders[]) =>
      expected.flatMap(({ kind, threshold, ...counts }) =>
        mismatches(responderRate(before, after, criterion({ kind, threshold })), counts),
      );
    expect(check(odiBefore, odiAfter, r.responders.odi)).toEqual([]);
    expect(check(nrsBefore, nrsAfter, r.responders.nrs)).toEqual([]);
  });
});

describe("responders", () => {
  it("counts an improvement of exactly the threshold, absolute or relative", () => {
    expect(isResponder(40, 28, { kind: "relative", fraction: 0.3 })).toBe(true);
    expect(isResponder(10, 7, { kind: "relative", fraction: 0.3 })).toBe(true);
    expect(isResponder(30, 20, { kind: "absolute", points: 10 })).toBe(true);
    expect(isResponder(30, 21, { kind: "absolute", points: 10 })).toBe(false);
  });

  it("does not count a relative improvement from a baseline of 0", () => {
    expect(isResponder(0, 0, { kind: "relative", fraction: 0.3 })).toBe(false);
  });

  it("reads improvement upwards on a higher-is-better scale", () => {
    expect(isResponder(40, 46, { kind: "absolute", points: 5 }, "higher-is-better")).toBe(true);
    expect(isResponder(40, 46, { kind: "absolute", points: 5 })).toBe(false);
  });
});

describe("mean and paired t-test", () => {
  it("puts the mean inside its interval, and a wider level gives a wider interval", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 60 }),
        (values) => {
          const ci95 = meanCI(values);
          const ci99 = meanCI(values, 0.99);
          expect(ci95.lower).toBeLessThanOrEqual(ci95.mean);
          expect(ci95.upper).toBeGreaterThanOrEqual(ci95.mean);
          expect(ci99.upper - ci99.lower).toBeGreaterThanOrEqual(ci95.upper - ci95.lower);
        },
      ),
    );
  });

  it("refuses a single value, unequal lengths and constant change", () => {
    expect(() => meanCI([3])).toThrow(/at least 2/);
    expect(() => pairedTTest([1, 2], [1])).toThrow(/differ in length/);
    expect(() => pairedTTest([1, 2, 3], [2, 3, 4])).toThrow(/same/);
  });
});

describe("weightedMeanCI", () => {
  it("equals meanCI of the values repeated by their counts", () => {
    const values = [-12.5, 3, 0.25, 40];
    const counts = [3, 0, 5, 2];
    const expanded = values.flatMap((v, i) => Array(counts[i]).fill(v) as number[]);
    const w = weightedMeanCI(values, counts);
    const d = meanCI(expanded);
    expect(w.n).toBe(10);
    for (const k of ["mean", "sd", "lower", "upper"] as const) expect(w[k]).toBeCloseTo(d[k], 12);
  });

  it("refuses counts that are not whole numbers, and fewer than two values in all", () => {
    expect(() => weightedMeanCI([1, 2], [1, 0.5])).toThrow(/counts/);
    expect(() => weightedMeanCI([1, 2], [1])).toThrow(/counts/);
    expect(() => weightedMeanCI([1, 2], [1, 0])).toThrow(/at least 2 values/);
  });
});
