/** The instrument library: every definition, looked up by id. */
import { badRequest } from "../errors";
import { nrsBack, nrsLeg } from "./nrs";
import { odi } from "./odi";
import type { Answers, InstrumentDefinition, ScoreResult } from "./types";
import { normalizeAnswers, validateAnswers } from "./validate";

export { odiBand, odiBands } from "./odi";
export * from "./types";
export { normalizeAnswers, validateAnswers } from "./validate";

export const instruments: readonly InstrumentDefinition[] = [nrsBack, nrsLeg, odi];

export function findInstrument(id: string): InstrumentDefinition | undefined {
  return instruments.find((i) => i.id === id);
}

export function getInstrument(id: string): InstrumentDefinition {
  const def = findInstrument(id);
  if (!def)
    throw badRequest(
      `unknown instrument "${id}"; known: ${instruments.map((i) => i.id).join(", ")}`,
      "instrument",
    );
  return def;
}

/**
 * Validates and scores raw answers. Throws a bad-request error naming each bad item (paths are
 * prefixed with `pathPrefix`, e.g. "answers"). Returns the verbatim answers and the score.
 */
export function scoreAnswers(
  id: string,
  raw: unknown,
  pathPrefix = "answers",
): {
  instrument: InstrumentDefinition;
  answers: Record<string, number | boolean | null>;
  result: ScoreResult;
} {
  const instrument = getInstrument(id);
  const issues = validateAnswers(instrument, raw);
  if (issues.length > 0) {
    throw badRequest(
      issues.map((i) => ({ path: [pathPrefix, i.path].filter(Boolean).join("."), message: i.message })),
    );
  }
  const answers = normalizeAnswers(instrument, raw as Answers);
  return { instrument, answers, result: instrument.score(answers) };
}
