import { describe, expect, it } from "vitest";
import { binomialCdf } from "./distributions";
import { medianInterval } from "./median-interval";

const ascending = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("confidence interval for a median (order statistics)", () => {
  it("takes the 10th and 21st of 30 values, as Campbell & Gardner's table does", () => {
    const ci = medianInterval(ascending(30));
    expect(ci).toMatchObject({ lower: 10, upper: 21, ranks: [10, 21] });
    // P(B ≤ 9) for B ~ Bin(30, ½) is 0.0214: coverage 95.7%, the narrowest at or above 95%.
    expect(ci?.coverage).toBeCloseTo(1 - 2 * binomialCdf(9, 30, 0.5), 12);
    expect(ci?.coverage).toBeGreaterThanOrEqual(0.95);
    expect(1 - 2 * binomialCdf(10, 30, 0.5)).toBeLessThan(0.95);
  });

  it("is symmetric in rank and reads the values, not their positions", () => {
    const values = [7, 3, 5, 5, 6, 2, 8, 4, 4, 5, 6, 3, 5, 7, 5, 4, 6, 5, 3, 5].sort((a, b) => a - b);
    const ci = medianInterval(values);
    expect(ci?.ranks).toEqual([6, 15]);
    expect([ci?.lower, ci?.upper]).toEqual([values[5], values[14]]);
  });

  it("gives no interval when too few values can reach the level", () => {
    // With 5 values the widest interval (1st to 5th) covers only 1 − 2/32 = 93.75%.
    expect(medianInterval(ascending(5))).toBeNull();
    expect(medianInterval(ascending(6))).toMatchObject({ ranks: [1, 6] });
  });
});
