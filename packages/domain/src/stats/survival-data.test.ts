import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderByTime } from "./survival-data";

const stableSort = (time: readonly number[]) =>
  time.map((_, i) => i).sort((a, b) => (time[a] as number) - (time[b] as number));

describe("orderByTime", () => {
  it("orders as a stable comparison sort would, ties in their original order", () => {
    const times = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.double({ min: 0, max: 1e12, noNaN: true }),
      fc.constantFrom(0, -0, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2, 0.3),
    );
    fc.assert(
      fc.property(fc.array(times, { maxLength: 300 }), (time) => {
        expect(orderByTime(time)).toEqual(stableSort(time));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the original order when every time is the same", () => {
    expect(orderByTime([5, 5, 5, 5])).toEqual([0, 1, 2, 3]);
    expect(orderByTime([])).toEqual([]);
  });
});
