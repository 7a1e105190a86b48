import type { OutcomeRow } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { plotSeries, plotTimepoints, timepointTicks, yAxis } from "./plotData";

const measure = (instrument: string, n: number, meanChange: number | null, ci: [number, number] | null) => ({
  instrument,
  n,
  answered: n,
  suppressed: false,
  baselineMean: null,
  followUpMean: null,
  meanChange,
  meanChangeCI: ci,
  responders: 0,
  responderShare: null,
  responderShareCI: null,
  responderRange: null,
  responderRule: "",
});
const row = (treatmentKind: string, timepoint: string, measures: OutcomeRow["measures"]): OutcomeRow => ({
  treatmentKind,
  timepoint,
  due: 1,
  responded: 1,
  missed: 0,
  pending: 0,
  completeness: { closed: 1, responded: 1, share: 1, shareCI: [0.2, 1] as [number, number] },
  measures,
});

const rows = [
  row("bone_marrow_concentrate", "3m", [measure("odi", 12, -8, [-14, -2])]),
  row("bone_marrow_concentrate", "2w", [measure("odi", 15, -3, [-6, 0.5])]),
  row("bone_marrow_concentrate", "6m", [measure("odi", 0, null, null)]),
  row("exercise_physiotherapy", "6w", [measure("odi", 1, 4, null), measure("nrs_back", 1, -1, null)]),
];

describe("outcomes plot data", () => {
  it("keeps points with answers, in schedule order, per treatment kind", () => {
    const s = plotSeries(rows, "odi");
    expect(s.map((x) => x.kind)).toEqual(["bone_marrow_concentrate", "exercise_physiotherapy"]);
    expect(s[0]!.points.map((p) => p.timepoint)).toEqual(["2w", "3m"]);
    expect(plotTimepoints(s)).toEqual(["2w", "6w", "3m"]);
  });

  it("drops kinds with no data for the instrument", () => {
    expect(plotSeries(rows, "nrs_back").map((x) => x.kind)).toEqual(["exercise_physiotherapy"]);
    expect(plotSeries(rows, "nrs_leg")).toEqual([]);
  });

  it("spans zero and every interval with round ticks", () => {
    const axis = yAxis(plotSeries(rows, "odi"));
    expect(axis.min).toBeLessThanOrEqual(-14);
    expect(axis.max).toBeGreaterThanOrEqual(4);
    expect(axis.ticks).toContain(0);
    expect(axis.ticks[0]).toBe(axis.min);
    expect(axis.ticks.at(-1)).toBe(axis.max);
  });

  it("caps the range so one wide interval cannot flatten the rest", () => {
    const wide = [
      { kind: "x", points: [{ timepoint: "2w", n: 2, change: -10, ci: [-90, 70] as [number, number] }] },
    ];
    const axis = yAxis(wide, 50);
    expect(axis.min).toBeGreaterThanOrEqual(-50);
    expect(axis.max).toBeLessThanOrEqual(50);
    expect(axis.ticks).toContain(0);
  });

  it("still has an axis when every change is zero", () => {
    expect(
      yAxis([{ kind: "x", points: [{ timepoint: "2w", n: 2, change: 0, ci: null }] }]).ticks.length,
    ).toBeGreaterThan(1);
  });
});

describe("timepoint axis labels", () => {
  const full = (id: string) => ({ "6w": "6 weeks", "3m": "3 months", "12m": "12 months" })[id] ?? id;
  const short = (id: string) => ({ "6w": "6 wk", "3m": "3 mo", "12m": "12 mo" })[id] ?? id;
  const tiny = (id: string) => id;
  const ids = ["6w", "3m", "12m"];

  it("writes the labels in full when each has room", () => {
    expect(timepointTicks(ids, 90, [full, short, tiny])).toEqual(["6 weeks", "3 months", "12 months"]);
  });

  it("shortens them before they run together", () => {
    expect(timepointTicks(ids, 48, [full, short, tiny])).toEqual(["6 wk", "3 mo", "12 mo"]);
    expect(timepointTicks(ids, 30, [full, short, tiny])).toEqual(["6w", "3m", "12m"]);
  });

  it("shows every other label when even the shortest is too wide", () => {
    expect(timepointTicks(ids, 20, [full, short, tiny])).toEqual(["6w", null, "12m"]);
  });
});
