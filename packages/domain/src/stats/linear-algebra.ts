/**
 * The few dense linear-algebra routines the regressions need, for small p (a handful of
 * covariates): Householder QR least squares (as R's lm/glm solve them, via LINPACK dqrls) and a
 * Cholesky factorisation for symmetric positive-definite information matrices (as survival's
 * cholesky2/chinv2). Matrices are arrays of rows.
 */

import { badRequest } from "../errors";

export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

const get = (m: Matrix, i: number, j: number): number => (m[i] as number[])[j] as number;
const set = (m: Matrix, i: number, j: number, v: number): void => {
  (m[i] as number[])[j] = v;
};

export type LeastSquares = {
  readonly coefficients: number[];
  /** (XᵀX)⁻¹, the unscaled covariance of the coefficients. */
  readonly unscaledCovariance: Matrix;
  readonly residuals: number[];
};

/**
 * Least squares by Householder QR. Throws when a column is (numerically) a combination of the
 * others, using R's lm tolerance (1e-7 relative to the column's norm); R would drop it and
 * report NA, which a caller cannot use, so we ask for a different model instead.
 */
export function leastSquares(
  x: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
): LeastSquares {
  const n = x.length;
  const p = names.length;
  if (n <= p) throw badRequest(`need more observations (${n}) than coefficients (${p})`, "covariates");
  const a = x.map((row) => [...row]);
  const b = [...y];
  const colNorms = names.map((_, j) => Math.sqrt(a.reduce((s, row) => s + (row[j] as number) ** 2, 0)));
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += get(a, i, k) ** 2;
    norm = Math.sqrt(norm);
    if (norm <= 1e-7 * ((colNorms[k] as number) || 1)) {
      throw badRequest(
        `covariate "${names[k]}" is constant or collinear with others`,
        `covariates.${names[k]}`,
      );
    }
    const alpha = get(a, k, k) > 0 ? -norm : norm;
    // v = column k below the diagonal with v₀ = a_kk − α; H = I − 2vvᵀ/vᵀv
    const v: number[] = [];
    for (let i = k; i < n; i++) v.push(get(a, i, k));
    v[0] = (v[0] as number) - alpha;
    const vtv = v.reduce((s, t) => s + t * t, 0);
    const reflect = (column: (i: number) => number, write: (i: number, value: number) => void) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (v[i - k] as number) * column(i);
      const f = (2 * dot) / vtv;
      for (let i = k; i < n; i++) write(i, column(i) - f * (v[i - k] as number));
    };
    for (let j = k; j < p; j++) {
      reflect(
        (i) => get(a, i, j),
        (i, value) => set(a, i, j, value),
      );
    }
    reflect(
      (i) => b[i] as number,
      (i, value) => {
        b[i] = value;
      },
    );
  }
  // Back-substitute R β = Qᵀy, and invert R for (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
  const coefficients = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < p; j++) s -= get(a, i, j) * (coefficients[j] as number);
    coefficients[i] = s / get(a, i, i);
  }
  const rInv = zeros(p, p);
  for (let j = 0; j < p; j++) {
    set(rInv, j, j, 1 / get(a, j, j));
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += get(a, i, k) * get(rInv, k, j);
      set(rInv, i, j, -s / get(a, i, i));
    }
  }
  const unscaledCovariance = zeros(p, p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < p; k++) s += get(rInv, i, k) * get(rInv, j, k);
      set(unscaledCovariance, i, j, s);
    }
  }
  const residuals = y.map((yi, i) => {
    const row = x[i] as readonly number[];
    let fit = 0;
    for (let j = 0; j < p; j++) fit += (row[j] as number) * (coefficients[j] as number);
    return yi - fit;
  });
  return { coefficients, unscaledCovariance, residuals };
}

/**
 * Cholesky factor L (A = LLᵀ) of a symmetric positive-definite matrix, or null when a pivot falls
 * below `tolerance` times the largest diagonal (the matrix is singular for our purposes).
 */
export function cholesky(a: Matrix, tolerance = 1e-12): Matrix | null {
  const p = a.length;
  const l = zeros(p, p);
  const scale = Math.max(...a.map((row, i) => Math.abs(row[i] as number)), 0);
  for (let j = 0; j < p; j++) {
    let d = get(a, j, j);
    for (let k = 0; k < j; k++) d -= get(l, j, k) ** 2;
    if (!(d > tolerance * scale)) return null;
    const ljj = Math.sqrt(d);
    set(l, j, j, ljj);
    for (let i = j + 1; i < p; i++) {
      let s = get(a, i, j);
      for (let k = 0; k < j; k++) s -= get(l, i, k) * get(l, j, k);
      set(l, i, j, s / ljj);
    }
  }
  return l;
}

/** Solves LLᵀx = b. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  const p = l.length;
  const z = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= get(l, i, k) * (z[k] as number);
    z[i] = s / get(l, i, i);
  }
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < p; k++) s -= get(l, k, i) * (x[k] as number);
    x[i] = s / get(l, i, i);
  }
  return x;
}

/** (LLᵀ)⁻¹ from the Cholesky factor. */
export function choleskyInverse(l: Matrix): Matrix {
  const p = l.length;
  const inverse = zeros(p, p);
  for (let j = 0; j < p; j++) {
    const unit = new Array<number>(p).fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, unit);
    for (let i = 0; i < p; i++) set(inverse, i, j, column[i] as number);
  }
  return inverse;
}

export function quadraticForm(m: Matrix, v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    for (let j = 0; j < v.length; j++) s += (v[i] as number) * get(m, i, j) * (v[j] as number);
  }
  return s;
}
