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
import { wilsonInterval } from "../stats/proportions";
import {
  type BaselineProfile,
  type ComparableFigure,
  type Comparison,
  compareOptions,
  preferredTimepoints,
} from "./comparable";

export type CaseTally = {
  treatmentKind: string;
  baseline: BaselineProfile;
  treated: number;
  at: Readonly<Record<string, { due: number; n: number; responders: number }>>;
};

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
