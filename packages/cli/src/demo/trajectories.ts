/**
 * The clinical model behind the demo registry: how a patient's disability (ODI, 0–100) and back
 * pain (NRS, 0–10) change over time. It is built so that an honest report on it shows what real
 * back-pain registries show, and nothing a sham-controlled trial would not:
 *
 * - Regression to the mean: people enrol when pain is at a peak. Each patient has a usual level
 *   plus a flare at enrolment that fades over weeks, whatever is done.
 * - Natural improvement with wide individual spread: about half improve a lot, a third barely
 *   change (non-responders) and some get worse (a three-part mixture, per patient).
 * - No specific benefit of cell therapies. The sham-controlled trials of intradiscal cell
 *   injections found the sham arm improved as much as the cell arm, so here bone-marrow,
 *   adipose, cultured or donor cell and PRP injections follow the same course as conservative
 *   care, plus a few days of procedure soreness. Radiofrequency denervation gets the same (a
 *   large pragmatic trial found no added benefit over exercise). The other conservative kinds
 *   (advice, Pilates or yoga, psychological programmes, manual therapy, acupuncture, heat) follow
 *   the common course. Differences in the demo report are chance and case mix only.
 * - Short-lived effects where trials show them: epidural steroids give some relief for weeks
 *   (fading by 3 months); discectomy for sciatica gives faster relief that converges with
 *   conservative care by a year (Peul 2007); fusion starts with post-operative pain.
 * - A later operation (after a failed first treatment) starts a new course from wherever the
 *   patient is on the day of surgery.
 *
 * Two traits of the patient carry the rest of the questionnaires: how much of the pain is in the
 * leg (sciatica and stenosis mostly leg, the rest mostly back) and a psychological distress level
 * (anxiety, low mood, worry), which moves the PROMIS emotional domains, the EQ-5D anxiety
 * dimension and the STarT Back distress items independently of disability.
 *
 * Time is in days since enrolment. Everything here is pure: a Course plus a day gives a score.
 */
import type { TreatmentKind } from "@evident/domain";
import type { Random } from "./random";

export type Effect = {
  /** Day of the treatment, since enrolment. */
  day: number;
  /** ODI points added on the day of treatment (negative = relief), fading exponentially. */
  bump: number;
  bumpDays: number;
};

export type Course = {
  /** The patient's usual ODI level, without the enrolment flare. */
  usual: number;
  /** Extra ODI points at enrolment, fading with time constant `flareDays`. */
  flare: number;
  flareDays: number;
  /** Share of the usual level lost in the long run (negative: worsening). */
  improvement: number;
  courseDays: number;
  /** NRS back pain at enrolment (true value, before rounding and noise). */
  nrsAtEnrolment: number;
  /** Leg pain as a share of back pain (above 1: the leg hurts more, as in sciatica). */
  legShare: number;
  /** Psychological distress, standard normal across patients (0 = typical). */
  distress: number;
  effects: Effect[];
  /** A later operation restarts the course from the level on its day. */
  surgery?: { day: number; improvement: number; courseDays: number };
};

/** Transient, treatment-specific effects in ODI points (see the module note for the evidence). */
export const procedureEffects: Readonly<Record<TreatmentKind, { bump: number; bumpDays: number }>> = {
  exercise_physiotherapy: { bump: 0, bumpDays: 1 },
  medication: { bump: 0, bumpDays: 1 },
  epidural_steroid_injection: { bump: -6, bumpDays: 30 },
  bone_marrow_concentrate: { bump: 4, bumpDays: 7 },
  adipose_derived_cells: { bump: 4, bumpDays: 7 },
  discectomy: { bump: -12, bumpDays: 90 },
  fusion: { bump: 10, bumpDays: 21 },
  other: { bump: 0, bumpDays: 1 },
  advice_self_management: { bump: 0, bumpDays: 1 },
  pilates_yoga: { bump: 0, bumpDays: 1 },
  psychological_programme: { bump: 0, bumpDays: 1 },
  spinal_manipulation: { bump: 0, bumpDays: 1 },
  massage: { bump: 0, bumpDays: 1 },
  acupuncture: { bump: 0, bumpDays: 1 },
  heat_therapy: { bump: 0, bumpDays: 1 },
  radiofrequency_denervation: { bump: 3, bumpDays: 10 },
  platelet_rich_plasma: { bump: 4, bumpDays: 7 },
  cultured_or_donor_cells: { bump: 4, bumpDays: 7 },
};

export type ResponderClass = "improver" | "non-responder" | "worsening";

/** The long-run improvement share: a mixture of improvers, non-responders and worsening. */
export function drawImprovement(rng: Random, shift = 0): { improvement: number; kind: ResponderClass } {
  const kind = rng.weighted<ResponderClass>({ improver: 45, "non-responder": 38, worsening: 17 });
  const base =
    kind === "improver"
      ? rng.uniform(0.3, 0.65)
      : kind === "non-responder"
        ? rng.uniform(-0.05, 0.2)
        : rng.uniform(-0.3, -0.05);
  return { improvement: Math.min(0.9, base + shift), kind };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A course for a new patient. `usualMean` is the usual ODI level for their kind of care (people
 * offered surgery are more disabled); `improvementShift` is the condition's prognosis (sciatica
 * from a herniated disc often settles on its own).
 */
export function drawCourse(
  rng: Random,
  usualMean: number,
  improvementShift: number,
  legShare: readonly [min: number, max: number] = [0.2, 0.6],
): Course {
  const usual = clamp(rng.normal(usualMean, 10), 10, 75);
  // Enrolment is selected on a bad spell: the flare is always positive.
  const flare = Math.abs(rng.normal(0, 6)) + 2;
  const { improvement } = drawImprovement(rng, improvementShift);
  const odi0 = usual + flare;
  return {
    usual,
    flare,
    flareDays: rng.uniform(20, 45),
    improvement,
    courseDays: rng.uniform(40, 120),
    nrsAtEnrolment: clamp(2.8 + 0.085 * odi0 + rng.normal(0, 0.7), 3.5, 9.6),
    legShare: rng.uniform(legShare[0], legShare[1]),
    distress: rng.normal(0, 1),
    effects: [],
  };
}

function naturalLevel(c: Course, day: number): number {
  const d = Math.max(0, day);
  return (
    c.usual * (1 - c.improvement * (1 - Math.exp(-d / c.courseDays))) + c.flare * Math.exp(-d / c.flareDays)
  );
}

/** True ODI (0–100, not yet rounded to an answer set) on a day since enrolment. */
export function odiAt(c: Course, day: number): number {
  let level = naturalLevel(c, day);
  const s = c.surgery;
  if (s && day >= s.day) {
    const before = naturalLevel(c, s.day);
    level = before * (1 - s.improvement * (1 - Math.exp(-(day - s.day) / s.courseDays)));
  }
  for (const e of c.effects) {
    if (day >= e.day) level += e.bump * Math.exp(-(day - e.day) / e.bumpDays);
  }
  return clamp(level, 0, 100);
}

/** True NRS back pain: moves with disability, in proportion to where the patient started. */
export function nrsAt(c: Course, day: number): number {
  const start = c.usual + c.flare;
  const ratio = start > 0 ? odiAt(c, day) / start : 1;
  return clamp(c.nrsAtEnrolment * ratio ** 0.9, 0, 10);
}

/** True NRS leg pain: the back pain times the patient's leg share. */
export function nrsLegAt(c: Course, day: number): number {
  return clamp(nrsAt(c, day) * c.legShare, 0, 10);
}

/** Share of the enrolment disability gone by `day` (negative if worse), for follow-up behaviour. */
export function relativeImprovement(c: Course, day: number): number {
  const start = c.usual + c.flare;
  return start > 0 ? 1 - odiAt(c, day) / start : 0;
}
