/**
 * Real answer sets for a patient's state on the day. Each instrument is answered item by item
 * from the true disability (ODI 0–100), pain (NRS 0–10) and the patient's traits, with noise, and
 * the stored score is always the instrument library's own scoring of those answers — never the
 * target — so the demo exercises the same rules as real data (the ODI's one-missing-section rule,
 * the STarT Back groups, the PGIC categories).
 *
 * - ODI: section by section (lifting runs harder than personal care), sometimes one blank.
 * - NRS back and leg: the true rating rounded with noise.
 * - PEG: pain close to the NRS, enjoyment and activity interference following disability.
 * - PGIC: from the share of the enrolment disability gone (patients rate change a little more
 *   kindly than their scores move).
 * - STarT Back (baseline): physical items from disability and leg pain, distress items from the
 *   distress trait and disability, bothersomeness from pain.
 * PROMIS-29 and EQ-5D-5L are in answers-profiles.ts.
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
const nrsLeg = getInstrument("nrs_leg");
const peg = getInstrument("peg");
const pgic = getInstrument("pgic");
const startBack = getInstrument("startback");

/** How much harder (in section points) each ODI section runs than the patient's average. */
const sectionOffsets = [0.1, -0.7, 0.8, -0.2, 0, 0.2, -0.3, 0.2, 0.1, -0.2] as const;
const SECTION_NOISE = 0.55;

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const rating = (x: number) => clamp(Math.round(x), 0, 10);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function scored(def: InstrumentDefinition, answers: Record<string, number | null>): ScoredAnswers {
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
  return scored(nrsBack, { nrs_back: rating(target + rng.normal(0, 0.8)) });
}

export function nrsLegAnswers(rng: Random, target: number): ScoredAnswers {
  return scored(nrsLeg, { nrs_leg: rating(target + rng.normal(0, 0.8)) });
}

/** PEG from pain (NRS), disability (ODI) and distress: its mean stays close to the pain rating. */
export function pegAnswers(rng: Random, nrs: number, odiNow: number, distress: number): ScoredAnswers {
  return scored(peg, {
    peg_1: rating(nrs + rng.normal(0, 0.7)),
    peg_2: rating(0.6 * nrs + odiNow / 20 + 0.5 * distress + rng.normal(0, 1)),
    peg_3: rating(0.5 * nrs + odiNow / 14 + rng.normal(0, 1)),
  });
}

/** PGIC 1 (very much improved) … 7 (very much worse) from the share of disability gone. */
export function pgicAnswers(rng: Random, improvement: number): ScoredAnswers {
  return scored(pgic, { pgic: clamp(Math.round(3.7 - 6 * improvement + rng.normal(0, 0.7)), 1, 7) });
}

/** STarT Back at baseline: agreement probabilities rise with disability, leg pain and distress. */
export function startBackAnswers(
  rng: Random,
  nrs: number,
  odiNow: number,
  legShare: number,
  distress: number,
): ScoredAnswers {
  const agree = (logit: number) => (rng.chance(sigmoid(logit)) ? 1 : 0);
  const psychosocial = () => agree(-0.6 + 1.1 * distress + (odiNow - 40) / 15);
  return scored(startBack, {
    sb_1: agree(legShare > 0.6 ? 2.2 : -0.6),
    sb_2: agree(-0.8 + 0.4 * distress),
    sb_3: agree((odiNow - 38) / 8),
    sb_4: agree((odiNow - 42) / 8),
    sb_5: psychosocial(),
    sb_6: psychosocial(),
    sb_7: psychosocial(),
    sb_8: psychosocial(),
    sb_9: clamp(Math.round(nrs / 2.3 + 0.4 * distress + rng.normal(0, 0.6)), 0, 4),
  });
}
