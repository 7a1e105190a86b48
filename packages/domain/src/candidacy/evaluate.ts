/**
 * Evaluates the candidacy checklist: every criterion is shown, met, unmet or unknown, with its
 * detail and source. One unmet criterion makes the patient not eligible; otherwise any unknown one
 * means more information is needed; only all met is eligible. The result is a stable shape the
 * server stores beside the clinician's sign-off (which it, not the domain, records and audits).
 */
import type { CitationKey } from "../citations";
import { unprocessable } from "../errors";
import {
  type CandidacyCriterion,
  type CriterionStatus,
  candidacyCriteria,
  candidacyCriteriaVersion,
} from "./criteria";
import { type CandidacyInput, parseCandidacyInput } from "./input";

export const candidacyOutcomes = ["eligible", "not-eligible", "needs-more-information"] as const;
export type CandidacyOutcome = (typeof candidacyOutcomes)[number];

export type CriterionResult = {
  id: string;
  kind: "inclusion" | "exclusion";
  label: string;
  status: CriterionStatus;
  detail: string;
  basis: "trial" | "derived";
  source: readonly CitationKey[];
};

export type CandidacyResult = {
  criteriaVersion: string;
  outcome: CandidacyOutcome;
  criteria: CriterionResult[];
  /** Ids of unmet criteria, in checklist order. */
  unmet: string[];
  /** Ids of criteria that could not be judged, in checklist order. */
  unknown: string[];
};

export function evaluateCandidacy(
  input: CandidacyInput,
  criteria: readonly CandidacyCriterion[] = candidacyCriteria,
  criteriaVersion: string = candidacyCriteriaVersion,
): CandidacyResult {
  const results = criteria.map(({ id, kind, label, basis, source, check }): CriterionResult => {
    const { status, detail } = check(input);
    return { id, kind, label, status, detail, basis, source };
  });
  const unmet = results.filter((r) => r.status === "unmet").map((r) => r.id);
  const unknown = results.filter((r) => r.status === "unknown").map((r) => r.id);
  const outcome: CandidacyOutcome =
    unmet.length > 0 ? "not-eligible" : unknown.length > 0 ? "needs-more-information" : "eligible";
  return { criteriaVersion, outcome, criteria: results, unmet, unknown };
}

/** Validates raw input (throwing a bad-request error naming each bad field) and evaluates it. */
export const assessCandidacy = (raw: unknown): CandidacyResult => evaluateCandidacy(parseCandidacyInput(raw));

/**
 * A result may be signed off only once every criterion is settled: while any criterion needs more
 * information the sign-off is refused (422) naming each one (`criteria.<id>`), even when another
 * criterion already makes the patient not eligible, so every signed assessment is complete.
 */
export function assertSignable(result: CandidacyResult): void {
  if (result.unknown.length === 0) return;
  const unknown = result.criteria.filter((c) => c.status === "unknown");
  throw unprocessable(
    unknown.map((c) => ({
      path: `criteria.${c.id}`,
      message: `needs more information: ${c.detail} (${c.label})`,
    })),
    `${unknown.length} ${unknown.length === 1 ? "criterion needs" : "criteria need"} more information before the assessment can be signed off`,
  );
}
