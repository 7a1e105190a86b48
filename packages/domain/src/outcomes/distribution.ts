/**
 * The distribution of change from baseline, not only its mean: a mean of −10 can be everyone a
 * little better or half much better and half worse, and those are different treatments to offer.
 * Methods notes (domain reference §7): show the CDF of change, and report several thresholds side
 * by side, including how many got clinically worse.
 *
 * For one instrument and timepoint, per treatment kind: n, mean and SD, type-7 quantiles (R's
 * default), the empirical CDF evaluated on a fixed grid of change values (share with change ≤ x),
 * the share improved by the responder rule and the share worse by at least the rule's absolute
 * threshold (Wilson intervals), an attrition funnel and completeness. Under the small-cell minimum
 * only counts are given.
 */
import type { ChangeDistribution, Completeness, FunnelStep, Proportion } from "../api/outcomes";
import type { IsoDate } from "../dates";
import { findInstrument } from "../instruments";
import { mean, quantile, standardDeviation, wilsonInterval } from "../stats";
import { isSmallCell } from "./small-cells";
import { countFollowUps, expandPairs, isResponse, type OutcomeTallies } from "./summary";

/** Grid step for the ECDF: whole points on short scales (NRS 0–10), 1/50 of the range otherwise (ODI: 2). */
export function ecdfStep(instrument: string): number {
  const def = findInstrument(instrument);
  const range = def ? def.scoreRange.max - def.scoreRange.min : 100;
  return range <= 20 ? 1 : range / 50;
}

/** True when the change is worse than baseline by at least the responder rule's absolute points. */
export function isWorsening(instrument: string, baseline: number, after: number): boolean {
  const def = findInstrument(instrument);
  if (!def?.responder) return false;
  const loss = def.direction === "higher-worse" ? after - baseline : baseline - after;
  return loss >= def.responder.absolute;
}

export function worseningRule(instrument: string): string {
  const def = findInstrument(instrument);
  if (!def?.responder) return "none";
  return `worse by ≥ ${def.responder.absolute} points (the improvement threshold, mirrored)`;
}

function proportion(count: number, n: number): Proportion {
  if (isSmallCell(n)) return { count: null, n, share: null, ci: null };
  const w = wilsonInterval(count, n);
  return { count, n, share: w.proportion, ci: [w.lower, w.upper] };
}

/**
 * ECDF of sorted values on the grid k·step, from one step below the smallest value to the first
 * grid point at or above the largest (where the share reaches 1).
 */
export function ecdfOnGrid(sorted: readonly number[], step: number): { change: number; share: number }[] {
  const n = sorted.length;
  if (n === 0) return [];
  const first = Math.floor((sorted[0] as number) / step) * step - step;
  const last = Math.ceil((sorted[n - 1] as number) / step) * step;
  const points: { change: number; share: number }[] = [];
  let below = 0;
  // Round grid points so that 0.1-steps do not drift (k·step, not repeated addition).
  for (let k = Math.round(first / step); k * step <= last + step / 2; k++) {
    const x = Number((k * step).toFixed(10));
    while (below < n && (sorted[below] as number) <= x + 1e-9) below += 1;
    points.push({ change: x, share: below / n });
  }
  return points;
}

export type DistributionInput = {
  treatmentKind: string;
  /** (baseline, follow-up) per analysed patient. */
  pairs: readonly (readonly [number, number])[];
  funnel: FunnelStep[];
  completeness: Completeness;
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
      improved: proportion(0, n),
      worsened: proportion(0, n),
    };
  }
  const changes = pairs.map(([b, a]) => a - b).sort((x, y) => x - y);
  const q = (p: number) => quantile(changes, p);
  return {
    ...common,
    suppressed: false,
    mean: mean(changes),
    sd: standardDeviation(changes),
    quantiles: { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) },
    ecdf: ecdfOnGrid(changes, ecdfStep(instrument)),
    improved: proportion(pairs.filter(([b, a]) => isResponse(instrument, b, a)).length, n),
    worsened: proportion(pairs.filter(([b, a]) => isWorsening(instrument, b, a)).length, n),
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
