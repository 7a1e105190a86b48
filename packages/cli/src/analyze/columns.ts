/**
 * Pulling typed columns out of a CSV table for `evident analyze`. Every error names the option
 * that chose the column (the path, e.g. "--time"), the column and the row, so a user can
 * go straight to the cell. A cell that is empty or "NA" (as R writes a missing value) is missing;
 * only `paired` accepts missing values (it drops the pair), elsewhere they are an error, because
 * silently dropping patients changes who is being described.
 */
import { ErrorCode, EvidentError } from "@evident/domain/errors";
import type { CsvTable } from "./csv";

export type Table = CsvTable & {
  /** How the input is named in messages. */
  readonly source: string;
};

/** An invalid-input error: `error` is the one-line summary, `message` the detail. */
export function problem(path: string, error: string, message = error): EvidentError {
  return new EvidentError(ErrorCode.badRequest, error, [{ path, message }]);
}

/** "row 4 (line 5)": data rows count from 1 after the header; lines are the file's. */
export function rowName(table: Table, row: number): string {
  return `row ${row + 1} (line ${table.lines[row]})`;
}

export function columnIndex(table: Table, column: string, option: string): number {
  const index = table.header.indexOf(column);
  if (index < 0) {
    const known = table.header.map((h) => JSON.stringify(h)).join(", ");
    throw problem(
      option,
      `column ${JSON.stringify(column)} not found`,
      `column ${JSON.stringify(column)} not found in ${table.source}; its columns are ${known}`,
    );
  }
  if (table.header.indexOf(column, index + 1) >= 0) {
    throw problem(option, `column ${JSON.stringify(column)} appears more than once in the header`);
  }
  return index;
}

export function isMissing(cell: string): boolean {
  const trimmed = cell.trim();
  return trimmed === "" || trimmed === "NA";
}

function missingError(table: Table, column: string, option: string, row: number): EvidentError {
  return problem(
    option,
    `column ${JSON.stringify(column)} has no value in ${rowName(table, row)}`,
    `column ${JSON.stringify(column)} has no value in ${rowName(table, row)}; ` +
      "remove or complete incomplete rows first",
  );
}

/**
 * A numeric column. Missing cells are an error unless `allowMissing`, when they become NaN for
 * the caller to drop.
 */
export function numbers(table: Table, column: string, option: string, allowMissing = false): number[] {
  const index = columnIndex(table, column, option);
  const out = new Array<number>(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const value = table.number(index, r);
    if (Number.isFinite(value)) {
      out[r] = value;
      continue;
    }
    const cell = table.cell(index, r);
    if (!isMissing(cell)) {
      throw problem(
        option,
        `column ${JSON.stringify(column)}, ${rowName(table, r)}: ${JSON.stringify(cell)} is not a number`,
      );
    }
    if (!allowMissing) throw missingError(table, column, option, r);
    out[r] = Number.NaN;
  }
  return out;
}

/** A column of 0s and 1s (an event, a treatment, a binary outcome). */
export function zeroOne(table: Table, column: string, option: string): number[] {
  const index = columnIndex(table, column, option);
  const out = new Array<number>(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const value = table.number(index, r);
    if (value === 0 || value === 1) {
      out[r] = value;
      continue;
    }
    const cell = table.cell(index, r);
    if (isMissing(cell)) throw missingError(table, column, option, r);
    throw problem(
      option,
      `column ${JSON.stringify(column)}, ${rowName(table, r)}: ${JSON.stringify(cell)} is not 0 or 1`,
    );
  }
  return out;
}

/** Times to an event or censoring: numbers, not negative. */
export function times(table: Table, column: string, option: string): number[] {
  const values = numbers(table, column, option);
  const bad = values.findIndex((t) => t < 0);
  if (bad >= 0) {
    throw problem(
      option,
      `column ${JSON.stringify(column)}, ${rowName(table, bad)}: a time cannot be negative (${values[bad]})`,
    );
  }
  return values;
}

/** Group labels, taken as written (not trimmed). */
export function labels(table: Table, column: string, option: string): string[] {
  const index = columnIndex(table, column, option);
  const out = new Array<string>(table.rowCount);
  for (let r = 0; r < table.rowCount; r++) {
    const cell = table.cell(index, r);
    if (isMissing(cell)) throw missingError(table, column, option, r);
    out[r] = cell;
  }
  return out;
}

/** "a,b" → ["a", "b"]; names are trimmed and must be distinct. */
export function columnList(value: string, option: string): string[] {
  const names = value.split(",").map((s) => s.trim());
  if (names.some((s) => s === "")) {
    throw problem(option, `${option} needs column names separated by commas, got ${JSON.stringify(value)}`);
  }
  const twice = names.find((s, i) => names.indexOf(s) !== i);
  if (twice !== undefined)
    throw problem(option, `column ${JSON.stringify(twice)} is named twice in ${option}`);
  return names;
}

export function requireRows(count: number, minimum: number, what: string): void {
  if (count < minimum) {
    throw problem("--input", `too few rows: ${what} needs at least ${minimum}, got ${count}`);
  }
}
