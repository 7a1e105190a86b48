/**
 * Writing CSV (RFC 4180) that is safe to open in a spreadsheet: fields with a comma, quote or line
 * break are quoted (quotes doubled), lines end in CRLF, and a field that a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as
 * OWASP's "CSV injection" advice says, so a name typed as `=HYPERLINK(…)` stays text.
 */
export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && formulaStart.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}
