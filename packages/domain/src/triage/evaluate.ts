/**
 * Evaluates the red-flag rules on complete, validated intake answers: every rule that fires
 * becomes a flag naming the answers that raised it; the highest tier among them is the result
 * ("none" when nothing fires). Flags are ordered by tier, then by rule order, so the most urgent
 * reason is always first.
 *
 * A rule fires on yes answers only. "Not sure" is never read as "no" either: each question
 * answered "not sure" raises a flag of its own. Its tier comes from the rules, not from a list:
 * if a yes to that question would make this intake an emergency (a cauda equina sign, progressive
 * weakness, a pulsatile mass; or fever when an infection risk is also present), the flag is
 * `urgent` with a same-day task — the clinic must ask today, and the patient is told to call now
 * and to go to an emergency department if the sign is there. Otherwise it is `soon`: a clinician
 * asks before the decision aid. "Would make it an emergency" is judged with every other "not
 * sure" taken as yes too, so two unsure answers that together would be an emergency both count.
 */
import type { CitationKey } from "../citations";
import {
  type BooleanAnswerId,
  booleanAnswerIds,
  type IntakeAnswerId,
  type IntakeAnswers,
  parseIntakeAnswers,
  unsure,
  type YesNoAnswer,
} from "./intake";
import {
  SAME_DAY_HOURS,
  type TriageRule,
  type TriggerTerm,
  triageRules,
  triageRulesVersion,
  unsureFlagIds,
} from "./rules";
import { clinicianActions, higherTier, type TriageTier, tierRank } from "./tiers";

/** One answer that raised a flag: its id and the value given. */
export type FlagAnswer = { id: IntakeAnswerId; value: number | YesNoAnswer };

export type TriageFlag = {
  /** The rule's id, or "unsure-emergency-sign" / "unsure-answer" for a "not sure" answer. */
  id: string;
  suggests: string;
  action: string;
  source: readonly CitationKey[];
  tier: TriageTier;
  /** The answers that raised the flag (for a multi-answer rule, every term that held). */
  answer: FlagAnswer[];
  /** The clinician task's deadline this flag asks for, when sooner than its tier's; else null. */
  dueWithinHours: number | null;
};

export type TriageResult = {
  tier: TriageTier;
  flags: TriageFlag[];
  rulesVersion: string;
  /** When the clinician task is due, in hours from the intake (0 = now); null = no deadline. */
  taskDueWithinHours: number | null;
};

const termAnswer = (t: TriggerTerm): IntakeAnswerId => (typeof t === "string" ? t : t.answer);

function holds(term: TriggerTerm, answers: IntakeAnswers): boolean {
  if (typeof term === "string") return answers[term] === true;
  const value = answers[term.answer];
  return (term.above === undefined || value > term.above) && (term.below === undefined || value < term.below);
}

/** Whether a rule's trigger holds for these answers (yes answers only: "not sure" is not yes). */
export function fires(rule: TriageRule, answers: IntakeAnswers): boolean {
  const { all, any } = rule.trigger;
  return all.every((t) => holds(t, answers)) && (any === undefined || any.some((t) => holds(t, answers)));
}

/** Whether a rule's trigger names this answer. */
export const mentions = (rule: TriageRule, id: IntakeAnswerId): boolean =>
  [...rule.trigger.all, ...(rule.trigger.any ?? [])].some((t) => termAnswer(t) === id);

function flagOf(rule: TriageRule, answers: IntakeAnswers): TriageFlag {
  const held = [...rule.trigger.all, ...(rule.trigger.any ?? [])].filter((t) => holds(t, answers));
  return {
    id: rule.id,
    suggests: rule.suggests,
    action: rule.action,
    source: rule.source,
    tier: rule.tier,
    answer: held.map((t) => ({ id: termAnswer(t), value: answers[termAnswer(t)] })),
    dueWithinHours: rule.dueWithinHours ?? null,
  };
}

/** The flag of one "not sure" answer (see the top of this file). */
function unsureFlag(id: BooleanAnswerId, worst: IntakeAnswers, rules: readonly TriageRule[]): TriageFlag {
  const raised = rules.filter((r) => fires(r, worst) && !fires(r, { ...worst, [id]: false }));
  const emergency = raised.find((r) => r.tier === "emergency");
  const answer = [{ id, value: unsure }];
  if (emergency)
    return {
      id: unsureFlagIds.emergencySign,
      suggests: `Not sure about a sign that would make this an emergency: ${emergency.suggests}`,
      action: `Urgent, same day: call the patient within ${SAME_DAY_HOURS} hours and ask about "${id}"; if the sign is there: ${emergency.action}`,
      source: emergency.source,
      tier: "urgent",
      answer,
      dueWithinHours: SAME_DAY_HOURS,
    };
  const related = raised.length > 0 ? raised : rules.filter((r) => mentions(r, id));
  return {
    id: unsureFlagIds.other,
    suggests: `Not sure how to answer "${id}"; a yes would suggest: ${related.map((r) => r.suggests).join("; ")}`,
    action: `Ask the patient about "${id}" at the review, before the decision aid.`,
    source: [...new Set(related.flatMap((r) => r.source))],
    tier: "soon",
    answer,
    dueWithinHours: null,
  };
}

/** The clinician task's deadline: the tier's, or sooner if a flag asks for it. */
export function taskDeadline(tier: TriageTier, flags: readonly TriageFlag[]): number | null {
  const hours = [clinicianActions[tier].taskDueWithinHours, ...flags.map((f) => f.dueWithinHours)].filter(
    (h): h is number => h !== null,
  );
  return hours.length > 0 ? Math.min(...hours) : null;
}

/**
 * The tier and flags for complete, validated answers (see `checkIntakeAnswers`). `rules` defaults
 * to the current rule set; pass another to evaluate under a different version.
 */
export function evaluateTriage(
  answers: IntakeAnswers,
  rules: readonly TriageRule[] = triageRules,
  rulesVersion: string = triageRulesVersion,
): TriageResult {
  const unsureIds = booleanAnswerIds.filter((id) => answers[id] === unsure);
  const worst: IntakeAnswers = { ...answers, ...Object.fromEntries(unsureIds.map((id) => [id, true])) };
  const flags = [
    ...rules.filter((rule) => fires(rule, answers)).map((rule) => flagOf(rule, answers)),
    ...unsureIds.map((id) => unsureFlag(id, worst, rules)),
  ]
    .map((flag, order) => ({ flag, order }))
    .sort((a, b) => tierRank(b.flag.tier) - tierRank(a.flag.tier) || a.order - b.order)
    .map(({ flag }) => flag);
  const tier = flags.reduce<TriageTier>((t, f) => higherTier(t, f.tier), "none");
  return { tier, flags, rulesVersion, taskDueWithinHours: taskDeadline(tier, flags) };
}

/** Validates raw answers (400 for malformed, 422 for missing, naming each field) and evaluates them. */
export const triageIntake = (raw: unknown): TriageResult => evaluateTriage(parseIntakeAnswers(raw));

/** A rule's trigger in words, for clinicians and audit ("bladderDysfunction", "age > 50"). */
export function describeTrigger(rule: TriageRule): string {
  const term = (t: TriggerTerm) =>
    typeof t === "string"
      ? t
      : [
          t.above === undefined ? "" : `${t.answer} > ${t.above}`,
          t.below === undefined ? "" : `${t.answer} < ${t.below}`,
        ]
          .filter(Boolean)
          .join(" and ");
  const all = rule.trigger.all.map(term);
  const any = rule.trigger.any?.map(term) ?? [];
  const anyText = any.length > 1 ? `(${any.join(" or ")})` : (any[0] ?? "");
  return [...all, anyText].filter(Boolean).join(" and ");
}
