/**
 * How far the patients without an answer could move a responder rate. A complete-case rate counts
 * only those who answered (before and after); the people who did not answer may have done better
 * or worse, and registries lose the ones doing badly more often. So beside each such rate we give
 * its worst-case bounds over the follow-ups due: every missing patient a non-responder
 * (responders / due) and every one a responder ((responders + missing) / due). These are the
 * extreme-case ("best–worst case") sensitivity bounds for a binary outcome with missing data
 * (Horowitz & Manski 2000, J Am Stat Assoc 95:77; domain reference §7, loss to follow-up); they
 * assume nothing about why people did not answer, which is why they are wide.
 */
import type { MissingRange } from "../api/outcomes";

/**
 * `responders` of `analysed` patients with a before-and-after answer, out of `due` follow-ups
 * whose window has opened (those not analysed are missing: not answered, not yet answered, or no
 * baseline). Null when nothing is due.
 */
export function missingDataRange(responders: number, analysed: number, due: number): MissingRange | null {
  const base = Math.max(due, analysed);
  if (base === 0) return null;
  const missing = base - analysed;
  return { due: base, missing, lower: responders / base, upper: (responders + missing) / base };
}
