/**
 * A small CSV reader for `evident analyze` (RFC 4180): a header row, comma-separated fields,
 * fields in double quotes may hold commas, newlines and doubled quotes (""), lines end in LF or
 * CRLF, and a UTF-8 byte-order mark is ignored. Blank lines are skipped, as R's read.csv does.
 *
 * It is strict where a lenient reader would guess: a quote inside an unquoted field, text after a
 * closing quote, an unclosed quote or a row with more or fewer fields than the header is an error
 * naming the line, because a silently shifted column would give a wrong analysis, not a failure.
 * Rows are numbered from 1 after the header; `lines` keeps the file line each row starts on, so
 * a message can name both (a quoted newline makes them differ).
 *
 * Cells are kept as offsets into the text, not as strings: a registry export of a million rows
 * would otherwise be millions of small strings, and building them took most of the reading time.
 * A cell becomes a string only when asked for, and a plain number is read straight from the text.
 */
import { ErrorCode, EvidentError } from "@evident/domain/errors";

export type CsvTable = {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** File line (1-based) on which each row starts. */
  readonly lines: Int32Array;
  /** A cell's text, quotes removed. */
  cell(column: number, row: number): string;
  /** A cell as a decimal number (spaces around it allowed), or NaN when it is not one. */
  number(column: number, row: number): number;
};

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const csvError = (message: string): EvidentError =>
  new EvidentError(ErrorCode.badRequest, message, [{ path: "--input", message }]);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number (surrounding spaces allowed), or NaN: no hex, no "Infinity", no "". */
export function parseNumber(cell: string): number {
  const trimmed = cell.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

// Exact powers of ten: m / 10^k with m < 2^53 and k ≤ 22 is one correctly rounded division, so it
// is the very double Number() would give (Clinger's fast path).
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Digits with an optional sign and point, up to 15 digits; otherwise undefined (use the slow path). */
function quickNumber(text: string, start: number, end: number): number | undefined {
  let i = start;
  const sign = text.charCodeAt(i);
  if (sign === 45 || sign === 43) i += 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (decimals >= 0) decimals += 1;
    } else if (c === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = decimals > 0 ? mantissa / (POWERS[decimals] as number) : mantissa;
  return sign === 45 ? -value : value;
}

/** A growable Int32Array. */
function ints(capacity: number) {
  let data = new Int32Array(Math.max(16, capacity));
  let length = 0;
  return {
    push(v: number) {
      if (length === data.length) {
        const bigger = new Int32Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[length++] = v;
    },
    done: () => data.subarray(0, length),
  };
}

export function parseCsv(text: string): CsvTable {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Rows are at most the line ends + 1; sizing for that avoids regrowing the arrays.
  let capacity = 1;
  for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) capacity += 1;
  let header: string[] | null = null;
  // Per column, each row's cell as [start, end) of the text; a quoted cell's start is stored as
  // ~start (negative) so that reading it knows to undo doubled quotes.
  let starts: ReturnType<typeof ints>[] = [];
  let ends: ReturnType<typeof ints>[] = [];
  const lines = ints(capacity);
  const fieldStart: number[] = [];
  const fieldEnd: number[] = [];

  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      // A blank line.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      continue;
    }
    const recordLine = line;
    let count = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw csvError(`a quoted field opened on line ${openedOn} is never closed`);
          for (let k = text.indexOf("\n", from); k >= 0 && k < close; k = text.indexOf("\n", k + 1))
            line += 1;
          if (text.charCodeAt(close + 1) === QUOTE) {
            from = close + 2;
            continue;
          }
          fieldStart[count] = ~(i + 1);
          fieldEnd[count] = close;
          count += 1;
          i = close + 1;
          break;
        }
      } else {
        const start = i;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            throw csvError(`a quote inside an unquoted field on line ${line}; quote the whole field`);
        }
        fieldStart[count] = start;
        fieldEnd[count] = i;
        count += 1;
      }
      // What follows a field: another field, the end of the record, or (after a quote) an error.
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        continue;
      }
      if (c === LF || c === CR) {
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line += 1;
        break;
      }
      throw csvError(`unexpected text after a closing quote on line ${line}`);
    }

    if (header === null) {
      header = Array.from({ length: count }, (_, f) =>
        cellText(text, fieldStart[f] as number, fieldEnd[f] as number),
      );
      starts = header.map(() => ints(capacity));
      ends = header.map(() => ints(capacity));
      continue;
    }
    if (count !== header.length) {
      const row = lines.done().length + 1;
      throw csvError(`row ${row} (line ${recordLine}) has ${count} fields; the header has ${header.length}`);
    }
    for (let f = 0; f < count; f++) {
      (starts[f] as ReturnType<typeof ints>).push(fieldStart[f] as number);
      (ends[f] as ReturnType<typeof ints>).push(fieldEnd[f] as number);
    }
    lines.push(recordLine);
  }
  if (header === null) throw csvError("the file is empty; expected a header row");

  const s = starts.map((a) => a.done());
  const e = ends.map((a) => a.done());
  const rowLines = lines.done();
  return {
    header,
    rowCount: rowLines.length,
    lines: rowLines,
    cell: (column, row) =>
      cellText(text, (s[column] as Int32Array)[row] as number, (e[column] as Int32Array)[row] as number),
    number(column, row) {
      const start = (s[column] as Int32Array)[row] as number;
      const end = (e[column] as Int32Array)[row] as number;
      return (
        (start >= 0 ? quickNumber(text, start, end) : undefined) ?? parseNumber(cellText(text, start, end))
      );
    },
  };
}

function cellText(text: string, start: number, end: number): string {
  return start >= 0 ? text.slice(start, end) : text.slice(~start, end).replaceAll('""', '"');
}
