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

/** A clock running at real speed, shifted by a whole number of days that can be moved forward. */
export type ShiftedClock = Clock & {
  /** Moves the clock `n` days forward (n ≥ 0): time never runs backwards while the app runs. */
  advanceDays(n: number): void;
  /** Days the clock is ahead of the real one. */
  offsetDays(): number;
};

export function shiftedClock(base: Clock = systemClock): ShiftedClock {
  let days = 0;
  return {
    now: () => new Date(base.now().getTime() + days * 86_400_000),
    advanceDays: (n) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError("advanceDays: a whole number of days ≥ 0");
      days += n;
    },
    offsetDays: () => days,
  };
}
