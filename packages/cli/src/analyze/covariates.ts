/**
 * Reading the --covariates columns shared by `cox`, `logistic` and `iptw`: numeric columns only.
 * A factor with k levels must be coded as k − 1 columns of 0/1 first, so that which level is the
 * reference is a visible choice in the data rather than a rule of this command.
 */
import type { Covariates } from "@evident/domain/stats";
import { columnList, numbers, type Table } from "./columns";

export const COVARIATES_HELP = `  --covariates A,B  numeric columns, separated by commas (code a factor as 0/1 columns;
                    the first level left out is the reference)`;

export function readCovariates(table: Table, list: string): Covariates {
  const covariates: Record<string, number[]> = {};
  for (const name of columnList(list, "--covariates"))
    covariates[name] = numbers(table, name, "--covariates");
  return covariates;
}
