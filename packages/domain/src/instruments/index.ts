/** The instrument library: every definition, looked up by id. */
import { badRequest } from "../errors";
import { eq5d5l } from "./eq5d5l";
import { nrsBack, nrsLeg } from "./nrs";
import { odi } from "./odi";
import { peg } from "./peg";
import { pgic } from "./pgic";
import { promis29 } from "./promis29";
import { rmdq } from "./rmdq";
import { startBack } from "./startback";
import type { InstrumentDefinition, ScoreResult } from "./types";
import { normalizeAnswers, validateAnswers } from "./validate";

export { eq5dIndex, scoreEq5d5l } from "./eq5d5l";
export { odiBand, odiBands } from "./odi";
export { pgicCategories, pgicCategory } from "./pgic";
export { promis29Domains, promis29TScore, scorePromis29 } from "./promis29";
export { scoreStartBack, startBackGroup } from "./startback";
export * from "./types";
export { normalizeAnswers, validateAnswers } from "./validate";

export const instruments: readonly InstrumentDefinition[] = [
  nrsBack,
  nrsLeg,
  odi,
  rmdq,
  peg,
  pgic,
  startBack,
  promis29,
  eq5d5l,
];

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
 * prefixed with `pathPrefix`, e.g. "answers"; "" for bare item ids). Returns the verbatim
 * answers (every item of the instrument, null where unanswered) and the score.
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
  const answers = normalizeAnswers(instrument, raw as Record<string, number | boolean | null>);
  return { instrument, answers, result: instrument.score(answers) };
}
