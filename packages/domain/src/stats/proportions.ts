/**
 * Confidence intervals for a proportion.
 *
 * - Wilson score interval without continuity correction, exactly as R's
 *   prop.test(x, n, correct = FALSE)$conf.int (Wilson 1927). Our default for rates shown to people:
 *   it stays inside [0, 1] and behaves well at small n.
 * - Clopper–Pearson "exact" interval from beta quantiles, as R's binom.test(x, n)$conf.int
 *   (Clopper & Pearson 1934). Conservative; use it for safety events, where under-coverage would
 *   flatter a treatment.
 * - The rule of three (Hanley & Lippman-Hand 1983): with 0 events in n, 3/n is an approximate
 *   one-sided 95% upper bound.
 */

import { badRequest } from "../errors";
import { betaQuantile, normalQuantile } from "./distributions";

export type ProportionInterval = {
  readonly events: number;
  readonly n: number;
  readonly proportion: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
};

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 1))
    throw badRequest(`confidence level must be between 0 and 1, got ${level}`, "level");
}

function checkCounts(events: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw badRequest(`n must be a positive whole number, got ${n}`, "n");
  if (!Number.isInteger(events) || events < 0 || events > n) {
    throw badRequest(`events must be a whole number from 0 to n (${n}), got ${events}`, "events");
  }
}

/** Wilson score interval (no continuity correction). */
export function wilsonInterval(events: number, n: number, level = 0.95): ProportionInterval {
  checkCounts(events, n);
  checkLevel(level);
  const z = normalQuantile((1 + level) / 2);
  const p = events / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  // Written as prop.test writes it, so the ends are exactly 0 and 1 when p is.
  const lower = p <= 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + half) / (1 + 2 * z22n);
  return { events, n, proportion: p, lower, upper, level };
}

/** Clopper–Pearson exact interval. */
export function clopperPearsonInterval(events: number, n: number, level = 0.95): ProportionInterval {
  checkCounts(events, n);
  checkLevel(level);
  const alpha = (1 - level) / 2;
  const lower = events === 0 ? 0 : betaQuantile(alpha, events, n - events + 1);
  const upper = events === n ? 1 : betaQuantile(1 - alpha, events + 1, n - events);
  return { events, n, proportion: events / n, lower, upper, level };
}

/**
 * Approximate one-sided 95% upper bound for a rate when 0 events were seen in n: 3/n.
 * (The exact bound is 1 − 0.05^(1/n); 3/n always lies a little above it, so it errs cautious.)
 */
export function ruleOfThree(n: number): number {
  if (!(n > 0)) throw badRequest(`n must be positive, got ${n}`, "n");
  return 3 / n;
}
