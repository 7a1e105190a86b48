/**
 * Turning named covariate columns into a design matrix, and the coefficient table the regressions
 * share. Covariates are numeric columns (code a binary factor 0/1, a k-level factor as k − 1
 * indicators); column order is the object's key order, after "(Intercept)" as in R.
 */

import { badRequest } from "../errors";

export type Covariates = Readonly<Record<string, readonly number[]>>;

export const INTERCEPT = "(Intercept)";

export type Design = { readonly names: string[]; readonly rows: number[][] };

/** Checks that every covariate has n finite values; returns the columns in order. */
export function covariateColumns(covariates: Covariates, n: number): [string, readonly number[]][] {
  const columns = Object.entries(covariates);
  for (const [name, values] of columns) {
    if (values.length !== n) {
      throw badRequest(`covariate has ${values.length} values, expected ${n}`, `covariates.${name}`);
    }
    if (values.some((v) => !Number.isFinite(v)))
      throw badRequest("values must be finite numbers", `covariates.${name}`);
  }
  return columns;
}

export function designMatrix(covariates: Covariates, n: number, intercept: boolean): Design {
  const columns = covariateColumns(covariates, n);
  const names = [...(intercept ? [INTERCEPT] : []), ...columns.map(([name]) => name)];
  const rows = Array.from({ length: n }, (_, i) => [
    ...(intercept ? [1] : []),
    ...columns.map(([, values]) => values[i] as number),
  ]);
  return { names, rows };
}

/** One row of a coefficient table; `statistic` is t for linear models and z otherwise. */
export type Coefficient = {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  readonly statistic: number;
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
};

export function checkBinary(values: readonly number[], path: string): void {
  if (values.some((v) => v !== 0 && v !== 1)) throw badRequest("values must be 0 or 1", path);
}
