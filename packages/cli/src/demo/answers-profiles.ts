/**
 * Health-profile answer sets: PROMIS-29 and EQ-5D-5L from the patient's state on the day.
 *
 * PROMIS-29: each domain gets a T-score target from disability (ODI), pain and the distress
 * trait, loosely calibrated to chronic low back pain samples (physical function around 40 and
 * pain interference around 60 at a typical ODI of 40; the emotional domains near the population
 * mean of 50, moved mostly by distress). The target becomes the raw sum whose table T-score is
 * nearest (the library's own table), and that sum is spread over the domain's four items with
 * some disagreement between them, as real answers have. Pain intensity is the NRS with noise.
 *
 * EQ-5D-5L: each dimension's level from the matching state (mobility, self-care and usual
 * activities from disability, pain from the NRS, anxiety/depression from distress), and the VAS
 * from disability and distress, often rounded to a multiple of 5 as people do.
 */
import { getInstrument, promis29Domains, promis29TScore } from "@evident/domain/instruments";
import type { Promis29DomainId } from "@evident/domain/instruments/promis29";
import { clamp, type ScoredAnswers, scored } from "./answers";
import type { Random } from "./random";

const promis29 = getInstrument("promis29");
const eq5d5l = getInstrument("eq5d5l");

type Targets = Record<Promis29DomainId, number>;

/** The domains' item ids in form order, and the T-score of every raw sum 4–20. */
const domains = (Object.keys(promis29Domains) as Promis29DomainId[]).map((id) => ({
  id,
  items: promis29.items.filter((i) => i.group === id).map((i) => i.id),
  tByRaw: Array.from({ length: 17 }, (_, k) => promis29TScore(id, k + 4).tScore),
}));

/** The raw sum (4–20) whose T-score is nearest the target. */
function rawFor(tByRaw: readonly number[], target: number): number {
  let best = 0;
  for (let k = 1; k < tByRaw.length; k++)
    if (Math.abs(tByRaw[k]! - target) < Math.abs(tByRaw[best]! - target)) best = k;
  return best + 4;
}

/** Four item scores (1–5) adding up to `raw`, not all alike. */
function spread(rng: Random, raw: number): number[] {
  const mean = raw / 4;
  const v = [0, 0, 0, 0].map(() => clamp(Math.round(mean + rng.normal(0, 0.6)), 1, 5));
  let diff = raw - (v[0]! + v[1]! + v[2]! + v[3]!);
  while (diff !== 0) {
    const i = rng.int(0, 3);
    const next = v[i]! + Math.sign(diff);
    if (next >= 1 && next <= 5) {
      v[i] = next;
      diff -= Math.sign(diff);
    }
  }
  return v;
}

export function promis29Answers(rng: Random, nrs: number, odiNow: number, distress: number): ScoredAnswers {
  const n = (sd: number) => rng.normal(0, sd);
  const targets: Targets = {
    physical_function: 56 - 0.33 * odiNow + n(2.5),
    anxiety: 47 + 0.1 * odiNow + 5 * distress + n(3),
    depression: 46 + 0.1 * odiNow + 5 * distress + n(3),
    fatigue: 47 + 0.15 * odiNow + 3.5 * distress + n(3),
    sleep_disturbance: 48 + 0.14 * odiNow + 3 * distress + n(3),
    social_roles: 57 - 0.3 * odiNow - 1.5 * distress + n(2.5),
    pain_interference: 44 + 0.38 * odiNow + n(2.5),
  };
  const answers: Record<string, number | null> = {};
  for (const d of domains) {
    const items = spread(rng, rawFor(d.tByRaw, targets[d.id]));
    d.items.forEach((id, i) => {
      answers[id] = items[i]!;
    });
  }
  answers.Global07 = clamp(Math.round(nrs + n(0.8)), 0, 10);
  return scored(promis29, answers);
}

export function eq5dAnswers(rng: Random, nrs: number, odiNow: number, distress: number): ScoredAnswers {
  const level = (severity: number) => clamp(Math.round(1 + 4 * severity + rng.normal(0, 0.5)), 1, 5);
  let vas = clamp(Math.round(88 - 0.55 * odiNow - 2 * distress + rng.normal(0, 8)), 0, 100);
  if (rng.chance(0.6)) vas = clamp(Math.round(vas / 5) * 5, 0, 100);
  return scored(eq5d5l, {
    eq5d_mo: level((odiNow - 10) / 70),
    eq5d_sc: level((odiNow - 25) / 80),
    eq5d_ua: level((odiNow - 5) / 65),
    eq5d_pd: level((nrs - 1) / 9),
    eq5d_ad: level(0.12 + 0.2 * distress + odiNow / 300),
    eq5d_vas: vas,
  });
}
