/**
 * Evaluates the red-flag rules on validated intake answers: every rule that fires becomes a flag;
 * the highest tier among them is the result ("none" when nothing fires). Flags are ordered by tier,
 * then by rule order, so the most urgent reason is always first.
 */
import type { CitationKey } from "../citations";
import { type IntakeAnswers, parseIntakeAnswers } from "./intake";
import { type TriageRule, type TriggerTerm, triageRules, triageRulesVersion } from "./rules";
import { higherTier, type TriageTier, tierRank } from "./tiers";

export type TriageFlag = {
  id: string;
  suggests: string;
  action: string;
  source: readonly CitationKey[];
  tier: TriageTier;
};

export type TriageResult = {
  tier: TriageTier;
  flags: TriageFlag[];
  rulesVersion: string;
};

function holds(term: TriggerTerm, answers: IntakeAnswers): boolean {
  if (typeof term === "string") return answers[term] === true;
  const value = answers[term.answer];
  return (term.above === undefined || value > term.above) && (term.below === undefined || value < term.below);
}

/** Whether a rule's trigger holds for these answers. */
export function fires(rule: TriageRule, answers: IntakeAnswers): boolean {
  const { all, any } = rule.trigger;
  return all.every((t) => holds(t, answers)) && (any === undefined || any.some((t) => holds(t, answers)));
}

/**
 * The tier and flags for validated answers (see `parseIntakeAnswers`). `rules` defaults to the
 * current rule set; pass another to evaluate under a different version.
 */
export function evaluateTriage(
  answers: IntakeAnswers,
  rules: readonly TriageRule[] = triageRules,
  rulesVersion: string = triageRulesVersion,
): TriageResult {
  const flags = rules
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => fires(rule, answers))
    .sort((a, b) => tierRank(b.rule.tier) - tierRank(a.rule.tier) || a.order - b.order)
    .map(({ rule }) => ({
      id: rule.id,
      suggests: rule.suggests,
      action: rule.action,
      source: rule.source,
      tier: rule.tier,
    }));
  const tier = flags.reduce<TriageTier>((t, f) => higherTier(t, f.tier), "none");
  return { tier, flags, rulesVersion };
}

/** Validates raw answers (throwing a bad-request error naming each bad field) and evaluates them. */
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
