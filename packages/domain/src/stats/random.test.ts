import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";

describe("seeded random numbers", () => {
  it("repeat for the same seed and differ between seeds", () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("are spread evenly over [0, 1)", () => {
    const random = seededRandom(2024);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      // One assertion at the end: 200,000 expect() calls take seconds on a busy machine.
      if (!(u >= 0 && u < 1)) outOfRange += 1;
      else bins[Math.floor(u * 10)] = (bins[Math.floor(u * 10)] as number) + 1;
    }
    expect(outOfRange).toBe(0);
    // Chi-square on 9 df; 27.9 is its 99.9th percentile.
    const chi = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it("draw whole numbers below n", () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 1000 }, () => random.below(6)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
