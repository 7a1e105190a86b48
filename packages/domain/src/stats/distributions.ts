/**
 * Student t, chi-square, F, beta and binomial distribution functions, as R's pt/qt, pchisq, pf,
 * pbeta/qbeta, dbinom/pbinom.
 *
 * Each cdf is the regularized incomplete beta or gamma function of ./incomplete-functions, with the
 * argument transformed the way R nmath does it (e.g. pt passes n/(n + t²) to pbeta rather than
 * 1 − t²/(n + t²)) so that small tails keep their relative accuracy (~1e-13 or better).
 * Quantiles invert the cdf by safeguarded Newton steps on the log of the tail being matched.
 */

import { incompleteBeta, incompleteGamma, type Tails } from "./incomplete-functions";
import { normalQuantile, normalTails } from "./normal";
import { invertMonotone } from "./root-finding";
import { binomialDensityRaw, logBeta, logGamma } from "./special-functions";

export { normalCdf, normalPdf, normalQuantile, normalTails } from "./normal";

/** Lower and upper tail of Student's t with df degrees of freedom at x. */
export function studentTTails(x: number, df: number): Tails {
  if (Number.isNaN(x) || !(df > 0)) return { lower: Number.NaN, upper: Number.NaN };
  if (!Number.isFinite(x)) return x < 0 ? { lower: 0, upper: 1 } : { lower: 1, upper: 0 };
  if (df === Number.POSITIVE_INFINITY) return normalTails(x);
  const nx = 1 + (x / df) * x;
  let twoSided: number; // P(|T| > |x|)
  if (nx > 1e100) {
    const lval =
      -0.5 * df * (2 * Math.log(Math.abs(x)) - Math.log(df)) - logBeta(0.5 * df, 0.5) - Math.log(0.5 * df);
    twoSided = Math.exp(lval);
  } else if (df > x * x) {
    twoSided = incompleteBeta((x * x) / (df + x * x), 0.5, df / 2, df / (df + x * x)).upper;
  } else {
    twoSided = incompleteBeta(1 / nx, df / 2, 0.5, (x * x) / df / nx).lower;
  }
  const small = twoSided / 2;
  return x <= 0 ? { lower: small, upper: 1 - small } : { lower: 1 - small, upper: small };
}

/** P(T ≤ x) for Student's t with df degrees of freedom. */
export function studentTCdf(x: number, df: number): number {
  return studentTTails(x, df).lower;
}

/** Student t density. */
export function studentTPdf(x: number, df: number): number {
  const logc = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logc - ((df + 1) / 2) * Math.log1p((x * x) / df));
}

// The t > 0 with P(T > t) = tail, for 0 < tail < 0.5.
function upperTQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  const z = normalQuantile(1 - tail);
  const start = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  let hi = Math.max(2 * start, 1);
  while (studentTTails(hi, df).upper > tail && hi < 1e300) hi *= 2;
  const logTail = Math.log(tail);
  return invertMonotone({
    residual: (t) => logTail - Math.log(studentTTails(t, df).upper),
    derivative: (t) => studentTPdf(t, df) / studentTTails(t, df).upper,
    lower: 0,
    upper: hi,
    start,
  });
}

/** The x with P(T ≤ x) = p for Student's t with df degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  return p < 0.5 ? -upperTQuantile(p, df) : upperTQuantile(1 - p, df);
}

/** Lower and upper tail of the chi-square distribution with df degrees of freedom at x. */
export function chiSquareTails(x: number, df: number): Tails {
  if (x <= 0) return { lower: 0, upper: 1 };
  return incompleteGamma(df / 2, x / 2);
}

/** P(X ≤ x) for chi-square with df degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return chiSquareTails(x, df).lower;
}

/** P(X > x) for chi-square with df degrees of freedom: the p-value of a chi-square statistic. */
export function chiSquareUpperTail(x: number, df: number): number {
  return chiSquareTails(x, df).upper;
}

/** Lower and upper tail of the F distribution with (df1, df2) degrees of freedom at x. */
export function fTails(x: number, df1: number, df2: number): Tails {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const denominator = df1 * x + df2;
  return incompleteBeta((df1 * x) / denominator, df1 / 2, df2 / 2, df2 / denominator);
}

/** Regularized incomplete beta I_x(a, b): the Beta(a, b) cdf at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBeta(x, a, b).lower;
}

/** Beta(a, b) density. */
export function betaPdf(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/** The x with I_x(a, b) = p. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Match the smaller tail, on the log scale: near 0 the cdf behaves like x^a, so the log is
  // nearly linear in log x and Newton converges from afar.
  const useLower = p <= 0.5;
  const logTarget = Math.log(useLower ? p : 1 - p);
  return invertMonotone({
    residual: (x) => {
      const tails = incompleteBeta(x, a, b);
      return useLower ? Math.log(tails.lower) - logTarget : logTarget - Math.log(tails.upper);
    },
    derivative: (x) => {
      const tails = incompleteBeta(x, a, b);
      return betaPdf(x, a, b) / (useLower ? tails.lower : tails.upper);
    },
    lower: 0,
    upper: 1,
    start: a / (a + b),
  });
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return binomialDensityRaw(k, n, p, 1 - p);
}

/** P(X ≤ k) and P(X > k) for X ~ Binomial(n, p), as R's pbinom with lower.tail TRUE / FALSE. */
export function binomialTails(k: number, n: number, p: number): Tails {
  const kk = Math.floor(k + 1e-7);
  if (kk < 0) return { lower: 0, upper: 1 };
  if (kk >= n) return { lower: 1, upper: 0 };
  // P(X ≤ k) = 1 − I_p(k + 1, n − k)
  const tails = incompleteBeta(p, kk + 1, n - kk);
  return { lower: tails.upper, upper: tails.lower };
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialTails(k, n, p).lower;
}
