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

/**
 * Indices sorted by ascending time, ties in their original order (as a stable sort would give).
 *
 * An LSD radix sort on the times' IEEE 754 bits, 16 bits at a time: for doubles ≥ 0 the bit
 * patterns order exactly as the values do. A comparison sort of a million indices took most of
 * a Kaplan–Meier or Cox fit on a large registry; this is about eight times faster, and digits
 * that are the same for every time (most of them for whole days) are skipped.
 */
export function orderByTime(time: readonly number[]): number[] {
  const n = time.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (time[i] as number) + 0; // + 0 turns −0 into 0
  const words = new Uint32Array(keys.buffer);
  const low = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1; // which word is low
  let order = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Uint32Array(65536);
  for (const [word, shift] of [
    [low, 0],
    [low, 16],
    [1 - low, 0],
    [1 - low, 16],
  ] as const) {
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((words[2 * i + word] as number) >>> shift) & 0xffff;
      count[digit] = (count[digit] as number) + 1;
    }
    if (n === 0 || count[((words[word] as number) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const digit = ((words[2 * i + word] as number) >>> shift) & 0xffff;
      spare[count[digit] as number] = i;
      count[digit] = (count[digit] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  return Array.from(order);
}
