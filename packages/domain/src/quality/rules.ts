/**
 * The data-quality rules: what each checks and why it matters, in words staff and researchers
 * read on the quality page and in `evident quality`. The ids are a public contract (API, CLI,
 * stored counts): never rename one; retire it and add another.
 *
 * Every rule reuses the definition the rest of Evident already applies — the follow-up windows
 * and derived status (pathway/schedule.ts), the contact rules (pathway/contacts.ts), the late
 * baseline (pathway/late-baseline.ts), the instruments' items and score ranges (instruments/), a
 * correction superseding an answer (only current answers are checked) — so a record flagged here
 * is one the outcomes treat differently from what the clinic meant.
 */
import { escalateAfterDays } from "../pathway/contacts";
import { BASELINE_LOOKBACK_DAYS } from "../pathway/late-baseline";

/**
 * An answer set is an implausible change when its score moved by at least this share of the
 * instrument's whole score range since the patient's previous answer to it in the same episode
 * (NRS 0–10: 9 points; ODI 0–100: 90 points), or lies outside the range. Recovery that large is
 * rare; a scale entered the wrong way round or in the wrong field is not.
 */
export const IMPLAUSIBLE_CHANGE_SHARE = 0.9;

export const qualityRules = [
  {
    id: "missing-required-answers",
    title: "Missing required answers",
    description:
      "Current answer sets with a question left blank that the questionnaire does not allow to be skipped (only ODI section 8 may be). The score then rests on the missing-data rule, or cannot be computed at all.",
  },
  {
    id: "baseline-after-treatment",
    title: "Baseline after treatment",
    description:
      "Baseline answers given after the local day of the episode's first treatment. They describe the patient after treatment, so they are marked late and no change score uses them.",
  },
  {
    id: "answer-outside-window",
    title: "Answers outside their follow-up window",
    description:
      "Follow-up answers given on a day outside the window of the follow-up they are filed under (for example a 2-week answer 9 days after a corrected treatment date). They are counted for a timepoint they do not describe.",
  },
  {
    id: "duplicate-answers",
    title: "Duplicate answers",
    description:
      "More than one current answer set to the same questionnaire at the same follow-up (or, without a follow-up, the same timepoint of the episode). A follow-up holds one answer per questionnaire; a correction supersedes the first instead of adding a second. The later ones are counted.",
  },
  {
    id: "implausible-change",
    title: "Implausible changes",
    description: `A score that moved by ${IMPLAUSIBLE_CHANGE_SHARE * 100}% or more of the questionnaire's whole range since the patient's previous answer to it in the episode (back pain 0–10: 9 points; ODI: 90 points), or a score outside the range. Usually a scale entered the wrong way round.`,
  },
  {
    id: "treatment-without-baseline",
    title: "Treatment without baseline",
    description: `Treatments on or before today with no scored answer the outcomes can use as their baseline: none in the ${BASELINE_LOOKBACK_DAYS} days up to the treatment day, late baselines excepted. No change from before treatment can be computed for them.`,
  },
  {
    id: "contradictory-dates",
    title: "Dates that contradict each other",
    description:
      "A birth date after a treatment or after the pain began, a treatment dated before the pain began, or an operation dated before the treatment it was recorded to follow in the same episode. One of the dates is wrong, and every interval computed from it.",
  },
  {
    id: "overdue-without-contact",
    title: "Follow-ups overdue with no contact",
    description: `Unanswered follow-ups still without an invitation, a reminder or a call task ${escalateAfterDays} days after their window opened, when the contact rules would have sent an invitation, two reminders and opened a call. Usually the background jobs are not running.`,
  },
  {
    id: "lost-to-follow-up",
    title: "Patients lost to follow-up",
    description:
      "Patients whose two latest follow-ups with a closed window were both missed (not answered, not cancelled — as the outcomes report counts missed follow-ups). Their outcomes are missing; the report's range shows how much that could matter.",
  },
] as const;

export type QualityRuleId = (typeof qualityRules)[number]["id"];
export const qualityRuleIds = qualityRules.map((r) => r.id) as [QualityRuleId, ...QualityRuleId[]];

export type QualityRecordType = "patient" | "treatment" | "follow-up" | "response";

/** One record a rule found, with the patient whose record holds it and a short note for staff. */
export type QualityFinding = {
  rule: QualityRuleId;
  recordType: QualityRecordType;
  recordId: string;
  patientId: string;
  note: string;
};
