/**
 * The distribution of change from baseline, not only its mean: a mean of −10 can be everyone a
 * little better or half much better and half worse, and those are different treatments to offer.
 * Methods notes (domain reference §7): show the CDF of change, and report several thresholds side
 * by side, including how many got clinically worse.
 *
 * For one change measure (./measures: a score or sub-score) and timepoint, per treatment kind: n, mean and SD, type-7 quantiles (R's
 * default), the empirical CDF evaluated on a fixed grid of change values (share with change ≤ x),
 * the share improved by the responder rule (with the range the missing patients could move it
 * over) and the share worse by at least the rule's absolute threshold (Wilson intervals), an
 * attrition funnel and completeness. Under the small-cell minimum only counts are given, and every
 * step of the ECDF holds at least that many patients (./small-cells).
 */
import type { ChangeDistribution, Completeness, FunnelStep, Proportion } from "../api/outcomes";
import type { IsoDate } from "../dates";
import { mean, quantile, standardDeviation, wilsonInterval } from "../stats";
import { findMeasure, type OutcomeMeasure } from "./measures";
import { missingDataRange } from "./missing-data";
import { isSmallCell, MINIMUM_CELL, mergeSteps } from "./small-cells";
import { countFollowUps, expandPairs, isResponse, type OutcomeTallies } from "./summary";

type ChangeMeasure = Extract<OutcomeMeasure, { analysis: "change" }>;

/** The change measure (./measures) a distribution is drawn for: its scale, direction and threshold. */
function changeMeasure(measureId: string): ChangeMeasure | undefined {
  const m = findMeasure(measureId);
  return m?.analysis === "change" ? m : undefined;
}

/** The measure's responder threshold, null when it has none (or is not a change measure). */
const thresholdOf = (measureId: string) => changeMeasure(measureId)?.responder ?? null;

/** The width of the measure's scale (100 for an unknown one). */
const scaleWidth = (measureId: string) => {
  const m = changeMeasure(measureId);
  return m ? m.range.max - m.range.min : 100;
};

/**
 * Grid step for the ECDF: whole points on short scales (NRS 0–10), 1/50 of the range otherwise
 * (ODI: 2; an EQ-5D-5L index, whose whole range is under 2, about 0.03).
 */
export function ecdfStep(measureId: string): number {
  const range = scaleWidth(measureId);
  return range <= 20 && range >= 5 ? 1 : range / 50;
}

/** True when the change is worse than baseline by at least the measure's threshold, in its direction. */
export function isWorsening(measureId: string, baseline: number, after: number): boolean {
  const m = changeMeasure(measureId);
  if (!m?.responder) return false;
  const loss = m.direction === "higher-worse" ? after - baseline : baseline - after;
  // The same float slack as the improvement rule (./measures): 0.5 − 0.58 is a loss of 0.08.
  return loss >= m.responder.absolute - 1e-9;
}

export function worseningRule(measureId: string): string {
  const threshold = thresholdOf(measureId);
  if (!threshold) return "none";
  return `worse by ≥ ${threshold.absolute} points (the improvement threshold, mirrored)`;
}

/** Whether the measure has a cited threshold, so improved and worse shares can be given. */
export const hasThreshold = (measureId: string): boolean => thresholdOf(measureId) !== null;

const withheld = (n: number): Proportion => ({ count: null, n, share: null, ci: null });

function proportion(count: number, n: number): Proportion {
  if (isSmallCell(n)) return withheld(n);
  const w = wilsonInterval(count, n);
  return { count, n, share: w.proportion, ci: [w.lower, w.upper] };
}

/** The change the measure's scale allows, from most improved to most worsened: ±(max − min). */
export function changeRange(measureId: string): readonly [number, number] {
  const range = scaleWidth(measureId);
  return [-range, range];
}

/**
 * ECDF of sorted values on the grid k·step over the scale's whole `range`, with its steps merged
 * so that each holds at least `minimum` patients (./small-cells). Each point is exact — the share
 * of patients whose change is at most `change` — but points are given only where that share has
 * risen by `minimum` patients or more since the previous one. The first point lies one step below
 * the range (share 0) and the last at its top (share 1): the smallest and largest change stay
 * hidden. Empty for fewer than `minimum` patients.
 */
export function ecdfOnGrid(
  sorted: readonly number[],
  step: number,
  range: readonly [number, number],
  minimum = MINIMUM_CELL,
): { change: number; share: number }[] {
  const n = sorted.length;
  const xs: number[] = [];
  const counts: number[] = [];
  let below = 0;
  // Round grid points so that 0.1-steps do not drift (k·step, not repeated addition).
  const last = Math.ceil(range[1] / step - 1e-9);
  for (let k = Math.floor(range[0] / step + 1e-9) - 1; k <= last; k++) {
    const x = Number((k * step).toFixed(10));
    const from = below;
    while (below < n && ((sorted[below] as number) <= x + 1e-9 || k === last)) below += 1;
    xs.push(x);
    counts.push(below - from);
  }
  const steps = mergeSteps(counts, minimum);
  if (steps.length === 0) return [];
  let cumulative = 0;
  const points = steps.map((s) => {
    cumulative += s.count;
    return { change: xs[s.end] as number, share: cumulative / n };
  });
  return [{ change: xs[0] as number, share: 0 }, ...points];
}

export type DistributionInput = {
  treatmentKind: string;
  /** (baseline, follow-up) per analysed patient. */
  pairs: readonly (readonly [number, number])[];
  funnel: FunnelStep[];
  completeness: Completeness;
  /** Follow-ups due at this timepoint: the denominator of the missing-data range. */
  due?: number;
};

export function summarizeDistribution(instrument: string, input: DistributionInput): ChangeDistribution {
  const { pairs } = input;
  const n = pairs.length;
  const common = {
    treatmentKind: input.treatmentKind,
    n,
    funnel: input.funnel,
    completeness: input.completeness,
  };
  if (isSmallCell(n)) {
    return {
      ...common,
      suppressed: true,
      mean: null,
      sd: null,
      quantiles: null,
      ecdf: [],
      improved: withheld(n),
      improvedRange: null,
      worsened: withheld(n),
    };
  }
  const changes = pairs.map(([b, a]) => a - b).sort((x, y) => x - y);
  const q = (p: number) => quantile(changes, p);
  const improved = pairs.filter(([b, a]) => isResponse(instrument, b, a)).length;
  const shares = hasThreshold(instrument)
    ? {
        improved: proportion(improved, n),
        improvedRange: input.due === undefined ? null : missingDataRange(improved, n, input.due),
        worsened: proportion(pairs.filter(([b, a]) => isWorsening(instrument, b, a)).length, n),
      }
    : // No cited threshold (PEG, EQ VAS): the change only, no shares improved or worse.
      { improved: withheld(n), improvedRange: null, worsened: withheld(n) };
  return {
    ...common,
    suppressed: false,
    mean: mean(changes),
    sd: standardDeviation(changes),
    quantiles: { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) },
    ecdf: ecdfOnGrid(changes, ecdfStep(instrument), changeRange(instrument)),
    ...shares,
  };
}

/**
 * The distribution per treatment kind at one timepoint, from the tallies of that timepoint. The
 * funnel: follow-ups due (window opened) → answered → answered with this instrument → with a
 * baseline too, which are the patients analysed.
 */
export function distributionsByKind(
  tallies: OutcomeTallies,
  instrument: string,
  timepoint: string,
  today: IsoDate,
): ChangeDistribution[] {
  const kinds = [
    ...new Set(tallies.followUps.filter((f) => f.timepoint === timepoint).map((f) => f.treatmentKind)),
  ];
  return kinds.sort().flatMap((kind) => {
    const counts = countFollowUps(
      tallies.followUps.filter((f) => f.treatmentKind === kind && f.timepoint === timepoint),
      today,
    );
    // A kind with nothing due yet at this timepoint has nothing to show.
    if (counts.due === 0) return [];
    const answers = tallies.answers.filter(
      (a) => a.treatmentKind === kind && a.timepoint === timepoint && a.instrument === instrument,
    );
    const pairs = expandPairs(answers);
    return summarizeDistribution(instrument, {
      treatmentKind: kind,
      pairs,
      completeness: counts.completeness,
      due: counts.due,
      funnel: [
        { step: "due", label: "Follow-ups due", n: counts.due },
        { step: "responded", label: "Answered", n: counts.responded },
        {
          step: "answered",
          label: "Answered this questionnaire",
          n: answers.reduce((s, a) => s + a.count, 0),
        },
        { step: "analysed", label: "With a baseline too (analysed)", n: pairs.length },
      ],
    });
  });
}
