/**
 * Complete answer sets for tests: every item of an instrument answered at the same relative
 * position of its scale (0 = the first option or the bottom of the range, 1 = the last or the
 * top), with single items overridden where a test cares about a number.
 */
import { getInstrument } from "@evident/domain/instruments";
import { booleanAnswerIds } from "@evident/domain/triage";

type Value = number | boolean | null;

export function answerAll(instrument: string, at: number, over: Record<string, Value> = {}) {
  const answers: Record<string, Value> = {};
  for (const item of getInstrument(instrument).items) {
    if (item.type === "boolean") answers[item.id] = at >= 0.5;
    else if (item.type === "integer") answers[item.id] = Math.round(item.min! + at * (item.max! - item.min!));
    else {
      const options = item.options!;
      answers[item.id] = options[Math.round(at * (options.length - 1))]!.value;
    }
  }
  return { ...answers, ...over };
}

/** One batch answering every instrument of a follow-up at the same position. */
export const batchFor = (instruments: readonly string[], at: number, followUpId?: string) => ({
  ...(followUpId ? { followUpId } : {}),
  responses: instruments.map((instrument) => ({ instrument, answers: answerAll(instrument, at) })),
});

/**
 * Safety answers with every yes/no question answered no and 30 weeks of pain, with single answers
 * overridden; no age, so the API takes it from the birth date on record.
 */
export const calmIntake = (over: Record<string, number | boolean | "unsure" | null> = {}) => ({
  painDurationWeeks: 30,
  ...Object.fromEntries(booleanAnswerIds.map((id) => [id, false])),
  ...over,
});
