/**
 * The candidacy gate: an investigational treatment (cell therapies of every kind, PRP; the
 * catalogue's `investigational` flag) is recorded only on the strength of a current, eligible
 * candidacy sign-off, or on a clinician's override with a reason. Outside a trial, the trial
 * criteria are the only patients in whom these procedures have been studied (criteria.ts).
 *
 * Which sign-off counts — the current one:
 * - only sign-offs made on or before the treatment date (both as local dates in the clinic's
 *   time zone): an assessment signed after a treatment cannot have informed it;
 * - of those, the latest decides: a later "not eligible" replaces an earlier "eligible";
 * - it must be at most `CANDIDACY_CURRENT_DAYS` before the treatment. Our own rule, from no
 *   source: the facts it rests on (pain and disability scores, imaging, red flags) change, so an
 *   assessment older than a usual baseline window is made again;
 * - it must use the criteria in force: one made against criteria that have since changed is made
 *   again, since it could now read differently;
 * - its outcome must be "eligible".
 *
 * The gate is pure: the server applies it when a treatment is recorded or its kind is corrected
 * to an investigational one, and the record form runs the same function to show the status first.
 */
import { isInvestigational, treatmentKind } from "../catalogue/treatments";
import type { IsoDate } from "../dates";
import { addDays } from "../dates";
import { candidacyCriteriaVersion } from "./criteria";
import type { CandidacyOutcome } from "./evaluate";

/** How long before the treatment a sign-off stays current (the baseline window's length). */
export const CANDIDACY_CURRENT_DAYS = 90;

export type SignOffFacts = {
  id: string;
  outcome: CandidacyOutcome;
  criteriaVersion: string;
  /** The sign-off's date in the clinic's time zone. */
  signedOn: IsoDate;
};

export type GateRefusal =
  | "no-assessment"
  | "signed-after-treatment"
  | "not-eligible"
  | "needs-more-information"
  | "out-of-date"
  | "old-criteria";

export type GateVerdict =
  | { status: "not-needed" }
  | { status: "passed"; signOff: SignOffFacts }
  | { status: "refused"; reason: GateRefusal; signOff: SignOffFacts | null; message: string };

const assessAgain = "Assess candidacy again on the patient page, or override with a reason.";

/**
 * The gate's verdict for recording `kind` on `treatmentDate`, given the patient's candidacy
 * sign-offs (any order) and the criteria version in force.
 */
export function candidacyGate(
  kind: string,
  treatmentDate: IsoDate,
  signOffs: readonly SignOffFacts[],
  currentCriteria: string = candidacyCriteriaVersion,
): GateVerdict {
  if (!isInvestigational(kind)) return { status: "not-needed" };
  const what = `${treatmentKind(kind)?.label ?? kind} is investigational`;
  const refused = (reason: GateRefusal, signOff: SignOffFacts | null, why: string): GateVerdict => ({
    status: "refused",
    reason,
    signOff,
    message: `${what}: ${why}`,
  });
  const before = signOffs
    .filter((s) => s.signedOn <= treatmentDate)
    .sort((a, b) =>
      a.signedOn === b.signedOn ? a.id.localeCompare(b.id) : a.signedOn.localeCompare(b.signedOn),
    );
  const latest = before.at(-1) ?? null;
  if (!latest) {
    return signOffs.length > 0
      ? refused(
          "signed-after-treatment",
          null,
          `every candidacy assessment of this patient was signed after ${treatmentDate}, so none informed this treatment. Override with a reason if it was assessed outside Evident.`,
        )
      : refused(
          "no-assessment",
          null,
          `it needs a signed-off candidacy assessment with the outcome "eligible" first. Assess candidacy on the patient page, or override with a reason.`,
        );
  }
  const signed = `the latest candidacy assessment, signed ${latest.signedOn},`;
  if (latest.outcome === "not-eligible")
    return refused(
      "not-eligible",
      latest,
      `${signed} found the patient not eligible. Override with a reason only if you judge the treatment right for this patient despite it.`,
    );
  if (latest.outcome === "needs-more-information")
    return refused(
      "needs-more-information",
      latest,
      `${signed} needed more information. Complete the unknown criteria and sign it off again.`,
    );
  if (latest.signedOn < addDays(treatmentDate, -CANDIDACY_CURRENT_DAYS))
    return refused(
      "out-of-date",
      latest,
      `${signed} is more than ${CANDIDACY_CURRENT_DAYS} days before the treatment date. ${assessAgain}`,
    );
  if (latest.criteriaVersion !== currentCriteria)
    return refused(
      "old-criteria",
      latest,
      `${signed} used criteria ${latest.criteriaVersion}, which have since changed (now ${currentCriteria}). ${assessAgain}`,
    );
  return { status: "passed", signOff: latest };
}

/**
 * Whether a correction runs the gate again, else the treatment keeps what it rested on: when the
 * kind becomes an investigational one, when an investigational treatment's date moves (a sign-off
 * must precede the treatment and be current), or when the correction brings an override. A date
 * moved under an earlier override keeps it: its reason already set the checklist aside. (A kind
 * that is not investigational always "runs" it, to the verdict "not needed".)
 */
export function correctionRunsGate(
  before: { kind: string; date: IsoDate; basis: "assessment" | "override" | null },
  after: { kind: string; date: IsoDate },
  withOverride: boolean,
): boolean {
  if (!isInvestigational(after.kind) || withOverride) return true;
  if (after.kind !== before.kind) return true;
  return after.date !== before.date && before.basis !== "override";
}
