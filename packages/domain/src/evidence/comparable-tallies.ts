/**
 * "People like you" from counts: the registry's treatments tallied by the matching dimensions
 * (db's registry summary), each tally standing for `treated` alike cases with, per time point, how
 * many had fallen due, how many have a score before and after, and how many of those improved.
 * Matching and widening are those of ./comparable (the same criteria on the same baseline values:
 * a tally's pain duration is its band's first week, and only bands are compared), and a figure
 * sums the matched tallies, so it equals `comparablePatients` on the cases tallied.
 */

import type { MissingRange } from "../api/outcomes";
import { missingDataRange } from "../outcomes/missing-data";
import { isResponse } from "../outcomes/summary";
import { wilsonInterval } from "../stats/proportions";
import {
  type BaselineProfile,
  type ComparableFigure,
  type Comparison,
  compareOptions,
  preferredTimepoints,
  type RegistryCase,
  scoreAt,
} from "./comparable";

export type CaseTally = {
  treatmentKind: string;
  baseline: BaselineProfile;
  treated: number;
  at: Readonly<Record<string, { due: number; n: number; responders: number }>>;
};

/** The first week of a pain-duration band (./comparable's durationBands): matching compares bands only. */
export const bandStart = (weeks: number | null): number | null =>
  weeks === null ? null : weeks < 26 ? 0 : weeks < 104 ? 26 : 104;

/** Tallies cases by kind and matching dimensions, counting at `timepoints` as `comparablePatients` does. */
export function tallyCases(
  cases: readonly RegistryCase[],
  timepoints: readonly string[],
  instrument = "nrs_back",
): CaseTally[] {
  const tallies = new Map<
    string,
    CaseTally & { at: Record<string, { due: number; n: number; responders: number }> }
  >();
  for (const c of cases) {
    const b = c.baseline;
    const baseline = { ...b, symptomWeeks: bandStart(b.symptomWeeks) };
    const key = JSON.stringify([c.treatmentKind, b.odi, b.startBack, baseline.symptomWeeks, b.age]);
    let t = tallies.get(key);
    if (!t) {
      t = {
        treatmentKind: c.treatmentKind,
        baseline,
        treated: 0,
        at: Object.fromEntries(timepoints.map((tp) => [tp, { due: 0, n: 0, responders: 0 }])),
      };
      tallies.set(key, t);
    }
    t.treated++;
    for (const tp of timepoints) {
      const after = scoreAt(c, tp);
      const cell = t.at[tp];
      if (after === undefined || !cell) continue;
      cell.due++;
      if (c.before === null || after === null) continue;
      cell.n++;
      if (isResponse(instrument, c.before, after)) cell.responders++;
    }
  }
  return [...tallies.values()];
}

function figureFromTallies(tallies: readonly CaseTally[], minimum: number): ComparableFigure | null {
  for (const timepoint of preferredTimepoints) {
    let due = 0;
    let n = 0;
    let responders = 0;
    for (const t of tallies) {
      const cell = t.at[timepoint];
      if (!cell) continue;
      due += cell.due;
      n += cell.n;
      responders += cell.responders;
    }
    if (n < minimum) continue;
    const ci = wilsonInterval(responders, n);
    return {
      timepoint,
      treated: tallies.reduce((s, t) => s + t.treated, 0),
      due,
      n,
      responders,
      share: responders / n,
      shareCI: [ci.lower, ci.upper],
      range: missingDataRange(responders, n, due) as MissingRange,
    };
  }
  return null;
}

/** `comparablePatients` over tallies of alike cases. */
export function comparableFromTallies(
  profile: BaselineProfile | null,
  tallies: readonly CaseTally[],
  minimum: number,
  instrument = "nrs_back",
): Comparison {
  return compareOptions(profile, tallies, instrument, (matched) => figureFromTallies(matched, minimum));
}
