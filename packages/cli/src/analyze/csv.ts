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
  /** One array of cells per header column (column-wise: a million rows are 3 arrays, not 10⁶). */
  readonly columns: readonly (readonly string[])[];
  /** File line (1-based) on which each row starts; its length is the number of rows. */
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
  let header: string[] | null = null;
  let columns: string[][] = [];
  const lines: number[] = [];
  const fields: string[] = [];

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
        fields[count++] = value;
      } else {
        const start = i;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            throw csvError(`a quote inside an unquoted field on line ${line}; quote the whole field`);
        }
        fields[count++] = text.slice(start, i);
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
      header = fields.slice(0, count);
      columns = header.map(() => []);
      continue;
    }
    if (count !== header.length) {
      throw csvError(
        `row ${lines.length + 1} (line ${recordLine}) has ${count} fields; the header has ${header.length}`,
      );
    }
    for (let f = 0; f < count; f++) (columns[f] as string[]).push(fields[f] as string);
    lines.push(recordLine);
  }
  if (header === null) throw csvError("the file is empty; expected a header row");
  return { header, columns, lines };
}
