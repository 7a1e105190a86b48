/**
 * FHIR R4 search parameters, parsed once for every resource type (R4 "Search": 3.1.1.4 prefixes,
 * 3.1.1.5 token `system|code`, 3.1.1.6 paging), so the API answers a parameter it does not know
 * with a 400 OperationOutcome naming it, instead of ignoring it and claiming in the self link that
 * it filtered. With `Prefer: handling=lenient` unknown parameters are dropped (and left out of the
 * self link) instead.
 *
 * Paging is by keyset, never OFFSET: `_cursor=<id>` continues after that id, `_before=<id>` goes
 * back; ids are UUIDv7 (time-ordered), so id order is creation order and an index on
 * (clinic_id, id) serves every page in the same time however deep.
 */
import type { Issue } from "../errors";

export const searchTypes = [
  "Patient",
  "Condition",
  "Procedure",
  "Questionnaire",
  "QuestionnaireResponse",
  "Observation",
  "AdverseEvent",
  "Consent",
  "Group",
] as const;
export type SearchType = (typeof searchTypes)[number];

export type ParamKind = "token" | "reference" | "date" | "uri" | "string" | "number";
type ParamDef = { kind: ParamKind; doc: string };

const common: Record<string, ParamDef> = {
  _id: { kind: "token", doc: "logical id (comma for any of several)" },
  _lastUpdated: { kind: "date", doc: "when the resource last changed (prefixes eq, ne, gt, ge, lt, le)" },
};
const patient: ParamDef = { kind: "reference", doc: "the patient: <id> or Patient/<id>" };
const date = (doc: string): ParamDef => ({ kind: "date", doc });

/** The search parameters of each type, as the CapabilityStatement lists them. */
export const searchParams: Record<SearchType, Record<string, ParamDef>> = {
  Patient: { ...common },
  Condition: { ...common, patient, subject: patient },
  Procedure: { ...common, patient, subject: patient, date: date("when it was performed") },
  Questionnaire: {
    ...common,
    url: { kind: "uri", doc: "canonical URL (a |version suffix is allowed)" },
    name: { kind: "string", doc: "machine name, case-insensitive, starts with" },
  },
  QuestionnaireResponse: {
    ...common,
    patient,
    subject: patient,
    authored: date("when it was completed"),
  },
  Observation: {
    ...common,
    patient,
    subject: patient,
    code: { kind: "token", doc: "system|code, code, or |code; comma for any of several" },
    date: date("when the answers were given"),
  },
  AdverseEvent: { ...common, subject: patient, date: date("onset") },
  Consent: {
    ...common,
    patient,
    status: { kind: "token", doc: "active, or inactive once withdrawn; comma for any of several" },
    date: date("when it was signed"),
  },
  Group: { _id: common._id! },
};

/** Parameters about the result, not the match. */
const control = new Set(["_count", "_format", "_cursor", "_before"]);

export type DatePrefix = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
/** A date parameter as an instant interval test: the value's precision gives [start, end). */
export type DateTest = { prefix: DatePrefix; start: Date; end: Date };
export type TokenTest = { system?: string; code: string };

export type SearchQuery = {
  type: SearchType;
  count: number;
  ids?: string[];
  patientId?: string;
  lastUpdated: DateTest[];
  date: DateTest[];
  codes?: TokenTest[];
  /** A `status` token's codes (any of them). */
  statuses?: string[];
  url?: string;
  name?: string;
  /** Keyset cursor: the page after this id, or before it. */
  after?: string;
  before?: string;
  /** The parameters that were used, in order, for the self link. */
  used: [string, string][];
};

export const defaultCount = 50;
export const maxCount = 500;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fhirIdPattern = /^[A-Za-z0-9\-.]{1,64}$/;

/** A FHIR date or dateTime as the interval its precision covers (UTC unless it says otherwise). */
export function dateInterval(value: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) - 1 : 0;
    const d = m[3] ? Number(m[3]) : 1;
    if (mo > 11 || d < 1 || d > 31) return null;
    const start = new Date(Date.UTC(y, mo, d));
    if (start.getUTCMonth() !== mo) return null;
    const end = m[3]
      ? new Date(Date.UTC(y, mo, d + 1))
      : m[2]
        ? new Date(Date.UTC(y, mo + 1, 1))
        : new Date(Date.UTC(y + 1, 0, 1));
    return { start, end };
  }
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!t) return null;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) return null;
  const step = t[1] ? (t[2] ? 1 : 1000) : 60_000;
  return { start, end: new Date(start.getTime() + step) };
}

/** Whether an instant matches every test (the tests of one parameter are ANDed). */
export function matchesDates(at: Date, tests: readonly DateTest[]): boolean {
  const x = at.getTime();
  return tests.every(({ prefix, start, end }) => {
    const s = start.getTime();
    const e = end.getTime();
    switch (prefix) {
      case "eq":
        return x >= s && x < e;
      case "ne":
        return x < s || x >= e;
      case "gt":
        return x >= e;
      case "ge":
        return x >= s;
      case "lt":
        return x < s;
      default: // "le"
        return x < e;
    }
  });
}

function parseDate(name: string, raw: string, issues: Issue[]): DateTest | null {
  const m = /^(eq|ne|gt|ge|lt|le|sa|eb|ap)?(.*)$/.exec(raw)!;
  const prefix = (m[1] ?? "eq") as DatePrefix | "sa" | "eb" | "ap";
  if (prefix === "sa" || prefix === "eb" || prefix === "ap") {
    issues.push({ path: name, message: `prefix ${prefix} is not supported (use eq, ne, gt, ge, lt or le)` });
    return null;
  }
  const interval = dateInterval(m[2] ?? "");
  if (!interval) {
    issues.push({
      path: name,
      message: "must be a FHIR date or dateTime, optionally after a prefix (ge2026-03-01)",
    });
    return null;
  }
  return { prefix, ...interval };
}

function parseToken(raw: string): TokenTest[] {
  return raw.split(",").map((t) => {
    const bar = t.indexOf("|");
    if (bar < 0) return { code: t };
    const system = t.slice(0, bar);
    return system ? { system, code: t.slice(bar + 1) } : { code: t.slice(bar + 1) };
  });
}

const formats = new Set(["json", "application/json", "application/fhir+json"]);

/**
 * Parses a search of `type`. Throws nothing: returns the query, or the issues (each naming its
 * parameter) for a 400. `lenient` drops unknown parameters instead of refusing them.
 */
export function parseSearch(
  type: SearchType,
  params: Iterable<[string, string]>,
  { lenient = false }: { lenient?: boolean } = {},
): { query: SearchQuery } | { issues: Issue[] } {
  const known = searchParams[type];
  const issues: Issue[] = [];
  const q: SearchQuery = { type, count: defaultCount, lastUpdated: [], date: [], used: [] };
  for (const [name, raw] of params) {
    if (!control.has(name) && !(name in known)) {
      if (!lenient)
        issues.push({
          path: name,
          message: `is not a supported search parameter of ${type} (supported: ${Object.keys(known).join(", ")})`,
        });
      continue;
    }
    if (name !== "_cursor" && name !== "_before") q.used.push([name, raw]);
    if (name === "_count") {
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < 1 || n > maxCount)
        issues.push({ path: name, message: `must be a whole number from 1 to ${maxCount}` });
      else q.count = n;
    } else if (name === "_format") {
      if (!formats.has(raw.split(";")[0]!.trim()))
        issues.push({ path: name, message: "only JSON is served (json or application/fhir+json)" });
    } else if (name === "_cursor" || name === "_before") {
      if (!fhirIdPattern.test(raw))
        issues.push({ path: name, message: "is not a page cursor of this server" });
      else if (name === "_cursor") q.after = raw;
      else q.before = raw;
    } else if (name === "_id") {
      const ids = raw.split(",");
      if (ids.some((i: string) => !fhirIdPattern.test(i)))
        issues.push({ path: name, message: "must be FHIR ids" });
      else q.ids = [...(q.ids ?? []), ...ids];
    } else if (name === "_lastUpdated" || known[name]?.kind === "date") {
      const t = parseDate(name, raw, issues);
      if (t) (name === "_lastUpdated" ? q.lastUpdated : q.date).push(t);
    } else if (name === "patient" || name === "subject") {
      const id = raw.replace(/^(?:.*\/)?Patient\//, "");
      if (!uuidPattern.test(id))
        issues.push({ path: name, message: "must be a patient id (<id> or Patient/<id>)" });
      else if (q.patientId && q.patientId !== id)
        issues.push({ path: name, message: "names two different patients" });
      else q.patientId = id;
    } else if (name === "code") {
      q.codes = parseToken(raw);
      if (q.codes.some((c) => !c.code)) issues.push({ path: name, message: "must be system|code or code" });
    } else if (name === "status") {
      const codes = parseToken(raw).map((t) => t.code);
      if (codes.some((c) => !/^[a-z-]+$/.test(c)))
        issues.push({ path: name, message: "must be a status code, or several separated by commas" });
      else q.statuses = [...new Set([...(q.statuses ?? []), ...codes])];
    } else if (name === "url") q.url = raw;
    else if (name === "name") q.name = raw;
  }
  if (q.after && q.before) issues.push({ path: "_before", message: "cannot be used with _cursor" });
  return issues.length > 0 ? { issues } : { query: q };
}

/** The link to this search with another cursor (or none), for Bundle.link. */
export function searchLink(
  base: string,
  q: SearchQuery,
  cursor?: { after?: string; before?: string },
): string {
  const p: [string, string][] = [...q.used];
  if (cursor?.after) p.push(["_cursor", cursor.after]);
  if (cursor?.before) p.push(["_before", cursor.before]);
  // Readable links: keep the characters FHIR values use (/ | : ,) as they are.
  const enc = (v: string) => encodeURIComponent(v).replace(/%(2F|7C|3A|2C)/g, (m) => decodeURIComponent(m));
  const s = p.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
  return `${base}/${q.type}${s ? `?${s}` : ""}`;
}
