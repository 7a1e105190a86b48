/**
 * What every `evident analyze` subcommand shares: its shape, reading the input file, and parsing
 * option values. Values are checked here, before any work, so a typo fails fast with the option
 * named.
 */
import { readFileSync } from "node:fs";
import { isEvidentError } from "@evident/domain/errors";
import { problem, type Table } from "./columns";
import { parseCsv } from "./csv";

export type OptionValues = Readonly<Record<string, string | undefined>>;

export type Subcommand = {
  /** One line for `evident analyze --help`. */
  readonly summary: string;
  /** Full help, output described. */
  readonly help: string;
  /** Options taking a value (without the leading "--"); `required` ones must be given. */
  readonly options: readonly string[];
  readonly required: readonly string[];
  /**
   * Where the library's error paths point, in this subcommand's options: "time" → "--time".
   * Paths under "covariates." always map to "--covariates".
   */
  readonly paths: Readonly<Record<string, string>>;
  readonly run: (options: OptionValues) => unknown;
};

/** Reads a CSV file (or standard input for "-"). */
export function readTable(file: string): Table {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "not found"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "cannot be read (permission denied)"
            : `cannot be read (${(e as Error).message})`;
    throw problem("--input", `file ${JSON.stringify(file)} ${why}`);
  }
  try {
    return { ...parseCsv(text), source: file === "-" ? "standard input" : JSON.stringify(file) };
  } catch (e) {
    if (isEvidentError(e)) throw problem("--input", `${file}: ${e.message}`);
    throw e;
  }
}

/** The value of an option that `required` guarantees. */
export function given(options: OptionValues, name: string): string {
  const value = options[name];
  if (value === undefined) throw problem(`--${name}`, `--${name} is required`);
  return value;
}

export function wholeNumber(options: OptionValues, name: string, minimum = 0): number {
  const text = given(options, name).trim();
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw problem(
      `--${name}`,
      `--${name} must be a whole number${minimum > 0 ? ` ≥ ${minimum}` : ""}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** A number strictly between `low` and `high`, or `fallback` when the option is absent. */
export function between(
  options: OptionValues,
  name: string,
  low: number,
  high: number,
  fallback: number,
): number {
  const text = options[name];
  if (text === undefined) return fallback;
  const value = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > low && value < high)) {
    throw problem(
      `--${name}`,
      `--${name} must be a number between ${low} and ${high}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** The confidence level: --level 0.9 (default 0.95). */
export const confidenceLevel = (options: OptionValues): number => between(options, "level", 0, 1, 0.95);

export const LEVEL_HELP =
  "  --level L         confidence level for intervals, between 0 and 1 (default 0.95)";
