/**
 * The log-rank test for k groups, as R's survival::survdiff(Surv(time, status) ~ group) (rho = 0).
 *
 * At each distinct event time with d events among n at risk, group g expects d·n_g/n events;
 * the covariance of observed − expected uses the hypergeometric variance
 * d(n − d)/(n − 1) · (n_g/n)(δ_gh − n_h/n), which is what corrects for tied event times. The
 * statistic is (O − E)ᵀV⁻(O − E) with the first group dropped to make V invertible, as survdiff
 * does; groups that expect no events are left out and do not count towards the degrees of freedom.
 */

import { badRequest } from "../errors";
import { chiSquareUpperTail } from "./distributions";
import { cholesky, choleskySolve, zeros } from "./linear-algebra";
import { checkSurvivalData, orderByTime, type SurvivalData } from "./survival-data";

export type LogRankGroup = {
  readonly group: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
};

export type LogRankTest = {
  readonly groups: LogRankGroup[];
  /** Covariance matrix of observed − expected, in the order of `groups`. */
  readonly variance: number[][];
  readonly chiSquare: number;
  readonly df: number;
  readonly p: number;
};

/** Groups are reported in order of first appearance; the statistic does not depend on the order. */
export function logRankTest(data: SurvivalData & { readonly group: readonly string[] }): LogRankTest {
  checkSurvivalData(data);
  const { time, event, group } = data;
  if (group.length !== time.length) throw badRequest("group and time differ in length", "group");
  const labels = [...new Set(group)];
  const k = labels.length;
  if (k < 2) throw badRequest("the log-rank test needs at least 2 groups", "group");
  const index = new Map(labels.map((g, i) => [g, i]));
  const groupOf = group.map((g) => index.get(g) as number);

  const atRisk = new Array<number>(k).fill(0);
  for (const g of groupOf) atRisk[g] = (atRisk[g] as number) + 1;
  const sizes = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = zeros(k, k);
  const order = orderByTime(time);
  let total = time.length;
  for (let i = 0; i < order.length; ) {
    const t = time[order[i] as number] as number;
    const deaths = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    while (i < order.length && time[order[i] as number] === t) {
      const who = order[i] as number;
      const g = groupOf[who] as number;
      leaving[g] = (leaving[g] as number) + 1;
      if (event[who]) deaths[g] = (deaths[g] as number) + 1;
      i += 1;
    }
    const d = deaths.reduce((s, v) => s + v, 0);
    if (d > 0) {
      const factor = total > 1 ? (d * (total - d)) / (total - 1) : 0;
      for (let g = 0; g < k; g++) {
        const share = (atRisk[g] as number) / total;
        observed[g] = (observed[g] as number) + (deaths[g] as number);
        expected[g] = (expected[g] as number) + d * share;
        const row = variance[g] as number[];
        for (let h = 0; h < k; h++) {
          const other = (atRisk[h] as number) / total;
          row[h] = (row[h] as number) + factor * share * ((g === h ? 1 : 0) - other);
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] = (atRisk[g] as number) - (leaving[g] as number);
    total -= leaving.reduce((s, v) => s + v, 0);
  }

  const used = labels.map((_, g) => g).filter((g) => (expected[g] as number) > 0);
  let chiSquare = 0;
  if (used.length >= 2) {
    const kept = used.slice(1);
    const diff = kept.map((g) => (observed[g] as number) - (expected[g] as number));
    const v = kept.map((g) => kept.map((h) => (variance[g] as number[])[h] as number));
    const l = cholesky(v, 1e-12);
    if (l === null) throw badRequest("the groups' variance matrix is singular", "group");
    const solved = choleskySolve(l, diff);
    chiSquare = diff.reduce((s, x, j) => s + x * (solved[j] as number), 0);
  }
  const df = used.length - 1;
  return {
    groups: labels.map((g, i) => ({
      group: g,
      n: sizes[i] as number,
      observed: observed[i] as number,
      expected: expected[i] as number,
    })),
    variance,
    chiSquare,
    df,
    p: df > 0 ? chiSquareUpperTail(chiSquare, df) : 1,
  };
}
