import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mismatches, parseCsv } from "./fixtures/compare";
import { logRankTest } from "./log-rank";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const r = JSON.parse(fixture("survival.json"));
const input = (rows: Record<string, string | number>[], by: string) => ({
  time: rows.map((x) => Number(x.time)),
  event: rows.map((x) => Number(x.status) === 1),
  group: rows.map((x) => String(x[by])),
});
const registry = parseCsv(fixture("survival.csv"));
const veteran = parseCsv(fixture("veteran.csv"));

// R reports groups in factor-level order; ours come in order of first appearance.
function inROrder(test: ReturnType<typeof logRankTest>, order: string[]) {
  const index = order.map((g) => test.groups.findIndex((x) => x.group === g));
  return {
    ...test,
    groups: index.map((i) => test.groups[i]),
    variance: index.map((i) => index.map((j) => (test.variance[i] as number[])[j])),
  };
}
const groupsOf = (expected: { groups: { group: string }[] }) => expected.groups.map((g) => g.group);

describe("log-rank test agrees with R's survdiff", () => {
  it("for three arms with tied event times", () => {
    const expected = r.logRank.arms;
    expect(mismatches(inROrder(logRankTest(input(registry, "arm")), groupsOf(expected)), expected)).toEqual(
      [],
    );
  });

  it("for two arms", () => {
    const expected = r.logRank.twoArms;
    const rows = registry.filter((x) => x.arm !== "surgery");
    expect(mismatches(inROrder(logRankTest(input(rows, "arm")), groupsOf(expected)), expected)).toEqual([]);
  });

  it("for the four cell types of the veteran trial", () => {
    const expected = r.logRank.veteranCelltype;
    expect(
      mismatches(inROrder(logRankTest(input(veteran, "celltype")), groupsOf(expected)), expected),
    ).toEqual([]);
  });
});

describe("log-rank test", () => {
  it("does not depend on the order of the groups", () => {
    const data = input(registry, "arm");
    const reversed = {
      time: [...data.time].reverse(),
      event: [...data.event].reverse(),
      group: [...data.group].reverse(),
    };
    expect(logRankTest(reversed).chiSquare).toBeCloseTo(logRankTest(data).chiSquare, 10);
  });

  it("gives no evidence of a difference between identical groups", () => {
    const time = [1, 2, 3, 4, 5, 6];
    const event = [true, true, false, true, true, false];
    const test = logRankTest({
      time: [...time, ...time],
      event: [...event, ...event],
      group: [...time.map(() => "a"), ...time.map(() => "b")],
    });
    expect(test.chiSquare).toBeCloseTo(0, 12);
    expect(test.p).toBeCloseTo(1, 10);
  });

  it("keeps observed equal to expected in total", () => {
    const test = logRankTest(input(veteran, "celltype"));
    const observed = test.groups.reduce((s, g) => s + g.observed, 0);
    const expected = test.groups.reduce((s, g) => s + g.expected, 0);
    expect(expected).toBeCloseTo(observed, 10);
  });

  it("needs two groups", () => {
    expect(() => logRankTest({ time: [1, 2], event: [true, true], group: ["a", "a"] })).toThrow(/2 groups/);
  });
});
