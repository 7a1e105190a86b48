/**
 * Kaplan–Meier survival with Greenwood variance and log-transformed intervals, as R's
 * survival::survfit(Surv(time, status) ~ 1) with its defaults (conf.type = "log").
 *
 * Conventions copied from survfit:
 * - one step per distinct time, censoring-only times included; at a tied time, events come
 *   before censorings (the censored are still at risk);
 * - `stdErr` is survfit's std.err: the standard error of −log S (Greenwood:
 *   √Σ d/(n(n − d))), not of S itself (summary.survfit prints S·stdErr);
 * - interval exp(log S ± z·stdErr), upper capped at 1; once S reaches 0 the interval and stdErr
 *   are undefined (R: NA/NaN), here null.
 * - median and its interval follow print.survfit (survival:::survmean); quantiles at other
 *   probabilities follow quantile.survfit. See ./survival-quantiles.
 */

import { badRequest } from "../errors";
import { normalQuantile } from "./distributions";
import { checkLevel } from "./proportions";
import { checkSurvivalData, orderByTime, type SurvivalData } from "./survival-data";
import { type MedianSurvival, medianSurvival } from "./survival-quantiles";

export type KaplanMeierStep = {
  readonly time: number;
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
  readonly survival: number;
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
};

export type KaplanMeierCurve = {
  readonly n: number;
  readonly events: number;
  readonly level: number;
  readonly steps: KaplanMeierStep[];
  readonly median: MedianSurvival;
};

export function kaplanMeier(data: SurvivalData, level = 0.95): KaplanMeierCurve {
  checkSurvivalData(data);
  checkLevel(level);
  const { time, event } = data;
  const z = normalQuantile(1 - (1 - level) / 2);
  const order = orderByTime(time);
  const n = time.length;
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  for (let k = 0; k < n; ) {
    const t = time[order[k] as number] as number;
    let nEvent = 0;
    let nCensor = 0;
    while (k < n && time[order[k] as number] === t) {
      if (event[order[k] as number]) nEvent += 1;
      else nCensor += 1;
      k += 1;
    }
    if (nEvent > 0) {
      survival *= (atRisk - nEvent) / atRisk;
      greenwood =
        atRisk > nEvent ? greenwood + nEvent / (atRisk * (atRisk - nEvent)) : Number.POSITIVE_INFINITY;
    }
    const defined = survival > 0;
    const stdErr = defined ? Math.sqrt(greenwood) : null;
    steps.push({
      time: t,
      nRisk: atRisk,
      nEvent,
      nCensor,
      survival,
      stdErr,
      lower: defined ? Math.exp(Math.log(survival) - z * Math.sqrt(greenwood)) : null,
      upper: defined ? Math.min(1, Math.exp(Math.log(survival) + z * Math.sqrt(greenwood))) : null,
    });
    events += nEvent;
    atRisk -= nEvent + nCensor;
  }
  return { n, events, level, steps, median: medianSurvival(steps) };
}

/** One Kaplan–Meier curve per group, in order of first appearance. */
export function kaplanMeierByGroup(
  data: SurvivalData & { readonly group: readonly string[] },
  level = 0.95,
): { readonly group: string; readonly curve: KaplanMeierCurve }[] {
  checkSurvivalData(data);
  if (data.group.length !== data.time.length) throw badRequest("group and time differ in length", "group");
  // One pass to bucket the rows (a Map keeps first-appearance order), not one pass per group.
  const buckets = new Map<string, number[]>();
  data.group.forEach((g, i) => {
    const rows = buckets.get(g);
    if (rows === undefined) buckets.set(g, [i]);
    else rows.push(i);
  });
  return [...buckets].map(([group, rows]) => {
    const curve = kaplanMeier(
      { time: rows.map((i) => data.time[i] as number), event: rows.map((i) => data.event[i] as boolean) },
      level,
    );
    return { group, curve };
  });
}
