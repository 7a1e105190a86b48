import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  betaCdf,
  betaQuantile,
  binomialPmf,
  binomialTails,
  chiSquareTails,
  fTails,
  normalCdf,
  normalQuantile,
  normalTails,
  studentTQuantile,
  studentTTails,
} from "./distributions";
import { mismatches } from "./fixtures/compare";
import { incompleteBeta, incompleteGamma } from "./incomplete-functions";
import { logGamma } from "./special-functions";

type Row = Record<string, number>;
const r = JSON.parse(
  readFileSync(new URL("./fixtures/distributions.json", import.meta.url), "utf8"),
) as Record<string, Row[]>;
const rows = (name: string): Row[] => r[name] ?? [];

// The distribution functions aim at ~1e-10 relative accuracy against R, well beyond the 1e-6 the
// statistical procedures are held to.
const TIGHT = { relative: 1e-10 };

describe("distribution functions agree with R to 1e-10 relative", () => {
  it("normal cdf, both tails, from −40 to 20", () => {
    const actual = rows("normal").map(({ x }) => ({ x, ...normalTails(x as number) }));
    expect(mismatches(actual, rows("normal"), TIGHT)).toEqual([]);
  });

  it("normal quantile, from 1e-300 to 1 − 1e-10", () => {
    const actual = rows("normalQuantile").map(({ p }) => ({ p, q: normalQuantile(p as number) }));
    expect(mismatches(actual, rows("normalQuantile"), TIGHT)).toEqual([]);
  });

  it("Student t cdf, both tails, for df from 1 to 1e6", () => {
    const actual = rows("t").map(({ x, df }) => ({ x, df, ...studentTTails(x as number, df as number) }));
    expect(mismatches(actual, rows("t"), TIGHT)).toEqual([]);
  });

  it("Student t quantile", () => {
    const actual = rows("tQuantile").map(({ p, df }) => ({
      p,
      df,
      q: studentTQuantile(p as number, df as number),
    }));
    expect(mismatches(actual, rows("tQuantile"), TIGHT)).toEqual([]);
  });

  it("chi-square cdf, both tails", () => {
    const actual = rows("chiSquare").map(({ x, df }) => ({
      x,
      df,
      ...chiSquareTails(x as number, df as number),
    }));
    expect(mismatches(actual, rows("chiSquare"), TIGHT)).toEqual([]);
  });

  it("F cdf, both tails", () => {
    const actual = rows("f").map(({ x, df1, df2 }) => ({
      x,
      df1,
      df2,
      ...fTails(x as number, df1 as number, df2 as number),
    }));
    expect(mismatches(actual, rows("f"), TIGHT)).toEqual([]);
  });

  it("incomplete beta, both tails, for shapes from 0.5 to 1000", () => {
    const actual = rows("beta").map(({ x, a, b }) => ({
      x,
      a,
      b,
      ...incompleteBeta(x as number, a as number, b as number),
    }));
    expect(mismatches(actual, rows("beta"), TIGHT)).toEqual([]);
  });

  it("beta quantile", () => {
    const actual = rows("betaQuantile").map(({ p, a, b }) => ({
      p,
      a,
      b,
      q: betaQuantile(p as number, a as number, b as number),
    }));
    expect(mismatches(actual, rows("betaQuantile"), TIGHT)).toEqual([]);
  });

  it("incomplete gamma, both tails", () => {
    const actual = rows("gamma").map(({ x, a }) => ({ x, a, ...incompleteGamma(a as number, x as number) }));
    expect(mismatches(actual, rows("gamma"), TIGHT)).toEqual([]);
  });

  it("binomial pmf and both tails of the cdf", () => {
    const actual = rows("binomial").map(({ k, n, p }) => ({
      k,
      n,
      p,
      pmf: binomialPmf(k as number, n as number, p as number),
      ...binomialTails(k as number, n as number, p as number),
    }));
    expect(mismatches(actual, rows("binomial"), TIGHT)).toEqual([]);
  });

  it("log gamma", () => {
    const actual = rows("logGamma").map(({ x }) => ({ x, value: logGamma(x as number) }));
    expect(mismatches(actual, rows("logGamma"), TIGHT)).toEqual([]);
  });
});

describe("distribution functions behave as distributions", () => {
  it("normal quantile inverts the cdf", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });

  it("t quantile inverts the t cdf", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          const q = studentTQuantile(p, df);
          expect(Math.abs(studentTTails(q, df).lower - p)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it("beta quantile inverts the beta cdf", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.2, max: 200, noNaN: true }),
        fc.double({ min: 0.2, max: 200, noNaN: true }),
        (p, a, b) => {
          // Where the cdf is steep, neighbouring doubles differ by more than 1e-11 in probability,
          // so ask for the quantile to be bracketed to 1e-12 relative rather than hit p exactly.
          const q = betaQuantile(p, a, b);
          expect(betaCdf(q * (1 - 1e-12), a, b)).toBeLessThanOrEqual(p + 1e-14);
          expect(betaCdf(Math.min(1, q * (1 + 1e-12)), a, b)).toBeGreaterThanOrEqual(p - 1e-14);
        },
      ),
    );
  });

  it("the two tails of every cdf add up to 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        (x, df) => {
          const t = studentTTails(x, df);
          const chi = chiSquareTails(Math.abs(x), df);
          expect(t.lower + t.upper).toBeCloseTo(1, 14);
          expect(chi.lower + chi.upper).toBeCloseTo(1, 14);
        },
      ),
    );
  });

  it("t cdf is symmetric and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        (x, df) => {
          expect(studentTTails(x, df).lower).toBeCloseTo(studentTTails(-x, df).upper, 15);
          expect(studentTTails(x + 0.01, df).lower).toBeGreaterThanOrEqual(studentTTails(x, df).lower);
        },
      ),
    );
  });

  it("binomial probabilities sum to 1", () => {
    for (const [n, p] of [
      [7, 0.2],
      [40, 0.5],
      [300, 0.93],
    ] as const) {
      let total = 0;
      for (let k = 0; k <= n; k++) total += binomialPmf(k, n, p);
      expect(total).toBeCloseTo(1, 13);
    }
  });
});
