/**
 * Real answer sets for a target score. The ODI is answered section by section (some sections run
 * harder than others: lifting more than personal care), with noise, and sometimes a section left
 * blank (mostly "sex life", the optional one). The stored score is always the instrument
 * library's own scoring of those answers — never the target — so the demo exercises the same
 * rules as real data, including the one-missing-section rule.
 */
import { getInstrument, type InstrumentDefinition } from "@evident/domain/instruments";
import type { Random } from "./random";

export type ScoredAnswers = {
  instrument: string;
  version: string;
  answers: Record<string, number | null>;
  score: number | null;
  detail: Record<string, unknown>;
};

const odi = getInstrument("odi");
const nrsBack = getInstrument("nrs_back");

/** How much harder (in section points) each ODI section runs than the patient's average. */
const sectionOffsets = [0.1, -0.7, 0.8, -0.2, 0, 0.2, -0.3, 0.2, 0.1, -0.2] as const;
const SECTION_NOISE = 0.55;

function scored(def: InstrumentDefinition, answers: Record<string, number | null>): ScoredAnswers {
  const result = def.score(answers);
  return {
    instrument: def.id,
    version: def.version,
    answers,
    score: result.score,
    detail: { ...(result.extras ?? {}), ...(result.reason ? { reason: result.reason } : {}) },
  };
}

export function odiAnswers(rng: Random, target: number): ScoredAnswers {
  const mean = target / 20; // ODI = 100 × sum / 50, so a section averages score / 20
  const blank = rng.chance(0.07) ? 7 : rng.chance(0.015) ? rng.int(0, 9) : -1;
  const answers: Record<string, number | null> = {};
  odi.items.forEach((item, i) => {
    const v = Math.round(mean + sectionOffsets[i]! + rng.normal(0, SECTION_NOISE));
    answers[item.id] = i === blank ? null : Math.min(5, Math.max(0, v));
  });
  return scored(odi, answers);
}

export function nrsBackAnswers(rng: Random, target: number): ScoredAnswers {
  const v = Math.min(10, Math.max(0, Math.round(target + rng.normal(0, 0.8))));
  return scored(nrsBack, { nrs_back: v });
}
