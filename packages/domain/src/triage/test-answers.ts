/**
 * Intake answers for the triage tests: a 40-year-old with six months of pain who answered no to
 * every yes/no question, with single answers changed.
 */
import { type BooleanAnswerId, booleanAnswerIds, type IntakeAnswers } from "./intake";

export const allNo = Object.fromEntries(booleanAnswerIds.map((id) => [id, false])) as Record<
  BooleanAnswerId,
  false
>;
export const base = { age: 40, painDurationWeeks: 26, ...allNo } as const;
export const answers = (extra: Partial<IntakeAnswers> = {}): IntakeAnswers => ({ ...base, ...extra });
export const yes = (...ids: BooleanAnswerId[]): Partial<IntakeAnswers> =>
  Object.fromEntries(ids.map((id) => [id, true]));
