/**
 * The Outcomes page's cohort lives in its address: a saved cohort (`?cohort=<version id>`) or the
 * filters themselves, lists comma-separated, exactly as the outcomes API reads them
 * (domain/api/cohort-query.ts) — so a figure can be linked, reloaded, and asked of every outcomes
 * endpoint with the same words; and the caption lines a figure made from it carries. Pure, so
 * tested without a DOM.
 */
import { type CohortCaption, cohortDateKeys, cohortListKeys } from "@evident/domain/api";

/** The filters' query keys, as the API reads them, in the order the panel shows them. */
export const listKeys = cohortListKeys;
export const dateKeys = cohortDateKeys;
export type ListKey = (typeof listKeys)[number];
export type DateKey = (typeof dateKeys)[number];

/** The filters as the panel edits them: lists (empty: any) and dates ("" : open). */
export type CohortDraft = Record<ListKey, string[]> & Record<DateKey, string>;

export const emptyDraft = (): CohortDraft =>
  Object.fromEntries([...listKeys.map((k) => [k, []]), ...dateKeys.map((k) => [k, ""])]) as CohortDraft;

const split = (v: string | null) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The filters written in the address (a saved cohort's own filters are not: see `savedCohortId`). */
export function draftFromParams(params: URLSearchParams): CohortDraft {
  const draft = emptyDraft();
  for (const k of listKeys) draft[k] = split(params.get(k));
  for (const k of dateKeys) draft[k] = params.get(k) ?? "";
  return draft;
}

export const savedCohortId = (params: URLSearchParams): string | null => params.get("cohort") || null;

/** The draft as query parameters: only the filters that narrow (an empty list means any). */
export function paramsFromDraft(draft: CohortDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of listKeys) if (draft[k].length > 0) out[k] = draft[k].join(",");
  for (const k of dateKeys) if (draft[k]) out[k] = draft[k];
  return out;
}

/** The draft as the filter a save sends (absent: any). */
export function filterFromDraft(draft: CohortDraft): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of listKeys) if (draft[k].length > 0) out[k] = draft[k];
  for (const k of dateKeys) if (draft[k]) out[k] = draft[k];
  return out;
}

/** A saved cohort's filter (as the API lists it) as a draft, to start editing from it. */
export function draftFromFilter(filter: Readonly<Record<string, unknown>>): CohortDraft {
  const draft = emptyDraft();
  for (const k of listKeys) {
    const v = filter[k];
    if (Array.isArray(v)) draft[k] = v.filter((x): x is string => typeof x === "string");
  }
  for (const k of dateKeys) {
    const v = filter[k];
    if (typeof v === "string") draft[k] = v;
  }
  return draft;
}

const cohortKeys: readonly string[] = ["cohort", ...listKeys, ...dateKeys];

/**
 * The cohort part of the page's address as the query string every outcomes request carries
 * ("" when unfiltered), in a fixed order so equal cohorts share a cache entry.
 */
export function cohortQueryString(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of cohortKeys) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
}

/** `base` with the cohort's parameters added ("?" or "&" as needed). */
export function withCohort(path: string, cohort: string): string {
  if (!cohort) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${cohort}`;
}

/**
 * The page's address with a new cohort (a saved one's id, or filters; null clears it), keeping
 * every other parameter (the tab, the measures).
 */
export function replaceCohort(
  params: URLSearchParams,
  next: { cohort: string } | Record<string, string> | null,
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!cohortKeys.includes(k)) out.set(k, v);
  for (const [k, v] of Object.entries(next ?? {})) out.set(k, v);
  return out;
}

/** A view's own caption: its answer's `cohort` where it has one; undefined where the answer does not say. */
export const captionOf = (answer: unknown): CohortCaption | null | undefined =>
  typeof answer === "object" && answer !== null && "cohort" in answer
    ? ((answer as { cohort: CohortCaption | null }).cohort ?? null)
    : undefined;

export const NOT_NARROWED =
  "This view does not take the cohort yet: it shows every patient in scope, not the cohort.";

/**
 * The caption's lines under a figure: none when unfiltered (or before the report has said what
 * the cohort is); the report's line and a warning when the figure's own answer did not take the
 * cohort (`own` null or absent); else the figure's own line, whether the cohort is too small to
 * show (`patients` null) and how many rows were suppressed.
 */
export function captionLines(
  report: CohortCaption | null | undefined,
  patients: number | null | undefined,
  filtered: boolean,
  own: CohortCaption | null | undefined,
): string[] {
  if (!filtered || !report) return [];
  if (!own) return [report.line, NOT_NARROWED];
  const c = own;
  const lines = [c.line];
  if (patients === null) lines.push("Too few patients to show: this cohort has 1 to 10.");
  if (c.suppressedRows > 0)
    lines.push(
      `${c.suppressedRows} suppressed ${c.suppressedRows === 1 ? "row" : "rows"}: left out for having 1 to 10 follow-ups due.`,
    );
  return lines;
}
