/**
 * Words for the outcomes pages' figures that must not mislead: counts with their singular or
 * plural ("1 operation"), a survival estimate before any operation said in words instead of a
 * collapsed interval ("100% (100% to 100%)"), and the range a responder share could take if the
 * patients without an answer had all not responded or all responded (domain outcomes/missing-data).
 */
import type { MissingRange } from "@evident/domain/api";
import { formatInterval, formatPercent } from "../components/format";

/** "no operations yet", "1 operation", "3 operations". */
export function operationsText(events: number): string {
  if (events === 0) return "no operations yet";
  return `${events} ${events === 1 ? "operation" : "operations"}`;
}

/** "1 patient", "12 patients". */
export const patientsText = (n: number): string => `${n} ${n === 1 ? "patient" : "patients"}`;

/**
 * A surgery-free share with its 95% interval. Before anyone has had an operation the estimate is
 * 100% and its interval collapses onto it: that is said in words.
 */
export function survivalText(
  p: { survival: number; lower: number | null; upper: number | null } | null,
): string {
  if (!p) return "—";
  if (p.survival === 1) return "100%, no operations by then";
  const ci = p.lower === null || p.upper === null ? null : ([p.lower, p.upper] as const);
  return `${formatPercent(p.survival)} (${formatInterval(ci, formatPercent)})`;
}

/**
 * "30% to 55% if the 3 missing all did not / all did respond"; in a narrow table cell (`compact`)
 * "3 missing: 30% to 55%", which missingRangeNote explains. "none missing" when everyone due answered.
 */
export function missingRangeText(
  range: MissingRange | null,
  did = "respond",
  compact = false,
): string | null {
  if (!range) return null;
  if (range.missing === 0) return "none missing";
  const span = `${formatPercent(range.lower)} to ${formatPercent(range.upper)}`;
  if (compact) return `${range.missing} missing: ${span}`;
  return `${span} if the ${range.missing} missing all did not / all did ${did}`;
}

/** The footnote that says what the missing-data range is. */
export const missingRangeNote =
  "Missing range (“3 missing: 30% to 55%”): the share over all follow-ups due, if none of the patients without a before-and-after answer responded, and if all of them did. The truth lies between, whatever the reason people did not answer.";
