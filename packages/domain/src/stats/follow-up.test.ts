import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mismatches, parseCsv } from "./fixtures/compare";
import { followUpCompleteness } from "./follow-up";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const records = parseCsv(fixture("follow-up.csv")).map((row) => ({
  arm: String(row.arm),
  timepoint: String(row.timepoint),
  responded: row.responded === 1,
}));
const r = JSON.parse(fixture("follow-up.json")) as { cells: { timepoint: string; arm: string }[] };

describe("follow-up completeness agrees with R (prop.test Wilson intervals)", () => {
  it("for every time point and arm", () => {
    const rows = followUpCompleteness(records);
    expect(rows).toHaveLength(r.cells.length);
    for (const cell of r.cells) {
      const row = rows.find((x) => x.timepoint === cell.timepoint && x.arm === cell.arm);
      expect(mismatches(row, cell), `${cell.timepoint} ${cell.arm}`).toEqual([]);
    }
  });
});

describe("follow-up completeness", () => {
  it("lists time points and arms in the order they first appear", () => {
    const rows = followUpCompleteness([
      { arm: "b", timepoint: "3m", responded: true },
      { arm: "a", timepoint: "3m", responded: false },
      { arm: "a", timepoint: "12m", responded: true },
    ]);
    expect(rows.map((x) => `${x.timepoint}/${x.arm}`)).toEqual(["3m/b", "3m/a", "12m/a"]);
  });

  it("shows a fully answered time point as 100% with an interval below it", () => {
    const [row] = followUpCompleteness(
      [1, 2, 3, 4].map(() => ({ arm: "a", timepoint: "3m", responded: true })),
    );
    expect(row?.proportion).toBe(1);
    expect(row?.upper).toBe(1);
    expect(row?.lower).toBeLessThan(1);
  });

  it("refuses an empty list", () => {
    expect(() => followUpCompleteness([])).toThrow(/no assessments/);
  });
});
