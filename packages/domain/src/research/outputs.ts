/**
 * The values an export reports beside each questionnaire's answers: its score and its sub-scores
 * (the definition's `subscores`), plus the STarT Back risk group. Re-derived from the stored
 * answers with the instrument library, as the FHIR Observations are, so a file can never
 * disagree with the scoring rules; a value the missing-data rule refuses is null.
 */
import type { Answers, InstrumentDefinition } from "../instruments/types";
import { normalizeAnswers } from "../instruments/validate";

export type OutputValue = number | string | null;
export type OutputSpec = {
  id: string;
  title: string;
  kind: "number" | "category";
  range?: { min: number; max: number };
  choices?: readonly string[];
};

/** Every output an instrument reports: "score" first, then its sub-scores. */
export function outputsOf(def: InstrumentDefinition): OutputSpec[] {
  const specs: OutputSpec[] = [];
  if (def.id !== "promis29")
    specs.push({ id: "score", title: `${def.shortTitle} score`, kind: "number", range: def.scoreRange });
  for (const s of def.subscores ?? [])
    specs.push({ id: s.id, title: s.title, kind: "number", range: s.range });
  if (def.id === "startback")
    specs.push({
      id: "group",
      title: "STarT Back risk group",
      kind: "category",
      choices: ["low", "medium", "high"],
    });
  return specs;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The outputs' values for one set of stored answers. */
export function outputValues(def: InstrumentDefinition, answers: Answers): Record<string, OutputValue> {
  const result = def.score(normalizeAnswers(def, answers));
  const extras = result.extras ?? {};
  const values: Record<string, OutputValue> = { score: num(result.score) };
  const domains = (extras.domains ?? {}) as Record<string, { tScore: number | null }>;
  const index = (extras.index ?? null) as Record<string, number> | null;
  for (const s of def.subscores ?? []) {
    if (s.id === "subscale") values[s.id] = num(extras.subscale);
    else if (s.id === "pain_intensity") values[s.id] = num(extras.painIntensity);
    else if (s.id.startsWith("index_")) values[s.id] = num(index?.[s.id.slice(6)]);
    else values[s.id] = num(domains[s.id]?.tScore);
  }
  if (def.id === "startback") values.group = typeof extras.group === "string" ? extras.group : null;
  return values;
}

/** Numbers as written to a file: at most 4 decimals (scores carry no more precision). */
export function round4(v: number): number {
  const r = Math.round(v * 10_000) / 10_000;
  return Object.is(r, -0) ? 0 : r;
}
