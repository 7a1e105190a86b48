/**
 * The "typical course" on a patient's recovery page: the back pain, at each time point, of the
 * clinic's patients who had the same treatment and were like this patient before it — matched as
 * the decision aid's clinic figure matches (./comparable: Oswestry within 10 points, the same
 * STarT Back group and pain-duration band, age within 10 years; widened one criterion at a time,
 * never the Oswestry score). The patient's own treatment is not among them.
 *
 * It follows the outcomes pages' rule: per time point, how many were due and how many of them
 * answered, the middle value (median) with its 95% interval (order statistics, stats/median-
 * interval) and the middle half (quartiles), and how many like the patient were treated. A time
 * point is shown only where `minimum` (30, as the decision aid) answered; a course where no time
 * after the treatment reaches that is withheld whole, and the page says there are not yet enough
 * similar patients. No count under the minimum is given.
 */
import { medianInterval } from "../stats/median-interval";
import { quantile } from "../stats/weighting";
import {
  type BaselineProfile,
  type CriterionId,
  knownCriteria,
  matchLikeYou,
  type RegistryCase,
  scoreAt,
} from "./comparable";

export type TypicalPoint = {
  timepoint: string;
  /** Patients like this one whose follow-up here has fallen due (at baseline: all treated). */
  due: number;
  /** Of them, those who gave a score here. */
  n: number;
  median: number;
  /** 95% interval of the median; null when n is too small for one (not at n ≥ 30). */
  medianCI: [number, number] | null;
  q1: number;
  q3: number;
};

export type TypicalCourse = {
  /** False when the patient has no Oswestry score from before the treatment. */
  usable: boolean;
  minimum: number;
  criteria: CriterionId[];
  widened: CriterionId[];
  /** Patients like this one treated with the same kind; null when the course is withheld. */
  treated: number | null;
  /** Time points (baseline first) where at least `minimum` answered, in the order given. */
  points: TypicalPoint[];
};

function pointAt(cases: readonly RegistryCase[], timepoint: string): TypicalPoint | null {
  const due = timepoint === "baseline" ? cases : cases.filter((c) => scoreAt(c, timepoint) !== undefined);
  const scores = due
    .map((c) => (timepoint === "baseline" ? c.before : scoreAt(c, timepoint)))
    .filter((s): s is number => typeof s === "number")
    .sort((a, b) => a - b);
  if (scores.length === 0) return null;
  const ci = medianInterval(scores);
  return {
    timepoint,
    due: due.length,
    n: scores.length,
    median: quantile(scores, 0.5),
    medianCI: ci ? [ci.lower, ci.upper] : null,
    q1: quantile(scores, 0.25),
    q3: quantile(scores, 0.75),
  };
}

/**
 * The typical course for a patient with `profile` before their treatment `own` (left out), from
 * the registry's `cases`, over `timepoints` ("baseline" and the follow-up time points, in order).
 */
export function typicalCourse(
  profile: BaselineProfile | null,
  own: { treatmentId: string; treatmentKind: string },
  cases: readonly RegistryCase[],
  timepoints: readonly string[],
  minimum: number,
): TypicalCourse {
  const { known } = knownCriteria(profile);
  const withheld = { minimum, treated: null, points: [] };
  if (!profile || !known.includes("odi")) return { usable: false, criteria: known, widened: [], ...withheld };
  const others = cases.filter(
    (c) => c.treatmentKind === own.treatmentKind && c.treatmentId !== own.treatmentId,
  );
  const after = timepoints.filter((tp) => tp !== "baseline");
  const enough = (matched: readonly RegistryCase[]) => {
    const points = timepoints.flatMap((tp) => {
      const p = pointAt(matched, tp);
      return p && p.n >= minimum ? [p] : [];
    });
    return points.some((p) => after.includes(p.timepoint)) ? points : null;
  };
  const { criteria, widened, matched, result } = matchLikeYou(profile, others, known, enough);
  if (!result) return { usable: true, criteria, widened, ...withheld };
  return { usable: true, minimum, criteria, widened, treated: matched.length, points: result };
}
