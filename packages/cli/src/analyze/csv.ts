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
 */
import { ErrorCode, EvidentError } from "@evident/domain/errors";

export type CsvTable = {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** File line (1-based) on which each row starts. */
  readonly lines: readonly number[];
};

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const csvError = (message: string): EvidentError =>
  new EvidentError(ErrorCode.badRequest, message, [{ path: "--input", message }]);

export function parseCsv(text: string): CsvTable {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const records: string[][] = [];
  const lines: number[] = [];

  // Where the end of a field leaves us: 1 = another field follows, 0 = the record ended.
  const endOfField = (): number => {
    if (i >= n) return 0;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      return 1;
    }
    if (c === LF) {
      i += 1;
      line += 1;
      return 0;
    }
    if (c === CR) {
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      return 0;
    }
    throw csvError(`unexpected text after a closing quote on line ${line}`);
  };

  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      // A blank line.
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      continue;
    }
    const record: string[] = [];
    const recordLine = line;
    for (let more = 1; more === 1; ) {
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let value = "";
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw csvError(`a quoted field opened on line ${openedOn} is never closed`);
          for (let k = text.indexOf("\n", from); k >= 0 && k < close; k = text.indexOf("\n", k + 1))
            line += 1;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
          } else {
            value += text.slice(from, close);
            i = close + 1;
            break;
          }
        }
        record.push(value);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw csvError(`a quote inside an unquoted field on line ${line}; quote the whole field`);
          }
          i += 1;
        }
        record.push(text.slice(start, i));
      }
      more = endOfField();
    }
    records.push(record);
    lines.push(recordLine);
  }

  const [header, ...rows] = records;
  if (header === undefined) throw csvError("the file is empty; expected a header row");
  lines.shift();
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw csvError(
        `row ${r + 1} (line ${lines[r]}) has ${row.length} fields; the header has ${header.length}`,
      );
    }
  });
  return { header, rows, lines };
}
