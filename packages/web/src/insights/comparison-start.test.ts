import type { OutcomesReport } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { comparisonStart } from "./comparison-start";

type Row = OutcomesReport["rows"][number];
const row = (treatmentKind: string, timepoint: string, n: Record<string, number>): Row =>
  ({
    treatmentKind,
    timepoint,
    measures: Object.entries(n).map(([instrument, count]) => ({ instrument, n: count })),
  }) as unknown as Row;

describe("the pair the adjusted comparison opens on", () => {
  it("takes the investigational kind with the most patients against the commonest other, ODI at 12 months", () => {
    const rows = [
      row("bone_marrow_concentrate", "12m", { odi: 8, nrs_back: 8 }),
      row("platelet_rich_plasma", "12m", { odi: 26, nrs_back: 27 }),
      row("exercise_physiotherapy", "12m", { odi: 90, nrs_back: 95 }),
      row("medication", "12m", { odi: 40 }),
    ];
    expect(comparisonStart({ rows })).toEqual({
      treatment: "platelet_rich_plasma",
      comparator: "exercise_physiotherapy",
      instrument: "odi",
      timepoint: "12m",
      truncate: "p1-p99",
    });
  });

  it("goes to another timepoint, then the back-pain rating, when the ODI at 12 months has no pair", () => {
    const rows = [
      row("exercise_physiotherapy", "12m", { odi: 30, nrs_back: 30 }),
      row("medication", "12m", { odi: 5, nrs_back: 25 }),
      row("medication", "6m", { odi: 22 }),
      row("exercise_physiotherapy", "6m", { odi: 21 }),
    ];
    expect(comparisonStart({ rows })).toMatchObject({
      treatment: "medication",
      comparator: "exercise_physiotherapy",
      instrument: "odi",
      timepoint: "6m",
    });
    expect(comparisonStart({ rows: rows.slice(0, 2) })).toMatchObject({
      treatment: "exercise_physiotherapy",
      comparator: "medication",
      instrument: "nrs_back",
      timepoint: "12m",
    });
  });

  it("names no pair when none has enough patients on both sides", () => {
    expect(
      comparisonStart({ rows: [row("medication", "12m", { odi: 19 }), row("fusion", "12m", { odi: 400 })] }),
    ).toBe(null);
    expect(comparisonStart({ rows: [] })).toBe(null);
  });
});
