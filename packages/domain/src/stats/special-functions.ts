/**
 * Log-gamma and the saddle-point pieces R's density functions are built from (Loader 2000,
 * "Fast and accurate computation of binomial probabilities"; R nmath stirlerr.c, bd0.c,
 * dbinom.c, dpois.c).
 *
 * Why not simply exp(a·log x + b·log y − lbeta(a, b))? For large a and b the three terms are big
 * and nearly cancel, so their rounding errors become the answer's relative error. Loader's form
 * keeps every term small, which is what lets the incomplete beta and gamma functions reach
 * ~1e-14 relative accuracy far into the tails.
 */

const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(sqrt(2π))
const LN_2PI = 1.837877066409345483560659472811;

// Lanczos approximation, g = 607/128, 15 terms (Godfrey); relative error below 1e-15 for x ≥ 0.5.
const LANCZOS_G = 607 / 128;
const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
] as const;

function lanczosLogGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lanczosLogGamma(1 - x);
  if (x <= 15) return lanczosLogGamma(x);
  // Stirling's series with its error term from stirlerr, accurate where Lanczos loses digits.
  return stirlingError(x) + (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI;
}

/** log B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

// stirlerr(n) for n = 0, 0.5, 1, ..., 15, from R nmath/stirlerr.c.
const STIRLING_HALVES = [
  0.0, 0.1534264097200273452913848, 0.0810614667953272582196702, 0.054814121051917653896139,
  0.0413406959554092940938221, 0.03316287351993628748511048, 0.02767792568499833914878929,
  0.0237461636562974959713292, 0.02079067210376509311152277, 0.01848845053267318523077934,
  0.01664469118982119216319487, 0.01513497322191737887351255, 0.01387612882307074799874573,
  0.01281046524292022692424986, 0.01189670994589177009505572, 0.01110455975820691732662991,
  0.010411265261972096497478567, 0.009799416126158803298389475, 0.009255462182712732917728637,
  0.008768700134139385462952823, 0.008330563433362871256469318, 0.0079341145643140205472481,
  0.007573675487951840794972024, 0.007244554301320383179543912, 0.006942840107209529865664152,
  0.006665247032707682442354394, 0.006408994188004207068439631, 0.006171712263039457647532867,
  0.005951370112758847735624416, 0.005746216513010115682023589, 0.00555473355196280137103869,
] as const;

/** stirlerr(n) = log(n!) − log(√(2πn)·(n/e)^n), the error of Stirling's formula. */
export function stirlingError(n: number): number {
  if (n <= 15) {
    const twice = n + n;
    if (Number.isInteger(twice)) return STIRLING_HALVES[twice] as number;
    return lanczosLogGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/** bd0(x, np) = x·log(x/np) + np − x, computed without cancellation when x ≈ np. */
export function deviancePart(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/**
 * The binomial density C(n, x)·p^x·q^(n−x) for real x and n (R's dbinom_raw). q = 1 − p is passed
 * separately so that callers holding an exact q keep its digits.
 */
export function binomialDensityRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -deviancePart(n, n * q) - n * p : n * Math.log(q));
  }
  if (x === n) return Math.exp(q < 0.1 ? -deviancePart(n, n * p) - n * q : n * Math.log(p));
  if (x < 0 || x > n) return 0;
  const lc =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    deviancePart(x, n * p) -
    deviancePart(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

/** The Poisson density λ^x·e^(−λ)/Γ(x + 1) for real x (R's dpois_raw). */
export function poissonDensityRaw(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 1 : 0;
  if (x === 0) return Math.exp(-lambda);
  if (x < 0) return 0;
  return Math.exp(-stirlingError(x) - deviancePart(x, lambda)) / Math.sqrt(2 * Math.PI * x);
}
