/**
 * Right-censored time-to-event data, as R's Surv(time, status): `event[i]` true when subject i had
 * the event at time[i], false when they were censored then. Times are compared exactly (R's
 * survfit also merges times that differ only by rounding, via aeqSurv; we expect exact values).
 */

import { badRequest } from "../errors";

export type SurvivalData = {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
};

export function checkSurvivalData({ time, event }: SurvivalData): void {
  if (time.length !== event.length) {
    throw badRequest(`time and event differ in length (${time.length} vs ${event.length})`, "event");
  }
  if (time.length === 0) throw badRequest("no observations", "time");
  if (time.some((t) => !Number.isFinite(t) || t < 0))
    throw badRequest("times must be finite and not negative", "time");
}

/** Indices sorted by ascending time. */
export function orderByTime(time: readonly number[]): number[] {
  return time.map((_, i) => i).sort((a, b) => (time[a] as number) - (time[b] as number));
}
