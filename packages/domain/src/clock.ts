/** Time is a dependency: handlers, jobs and schedules take a Clock so tests can fix or move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function fixedClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advanceDays(n: number): void } {
  let t = new Date(start);
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d);
    },
    advanceDays: (n) => {
      t = new Date(t.getTime() + n * 86_400_000);
    },
  };
}
