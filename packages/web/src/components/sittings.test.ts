import type { ResponseView } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { bandOf, groupSittings, instrumentOrder, trendPoints } from "./sittings";

const r = (
  instrument: string,
  timepoint: string,
  completedAt: string,
  score: number | null,
): ResponseView => ({
  id: `${instrument}-${completedAt}`,
  instrument,
  instrumentVersion: "1",
  timepoint,
  followUpId: `follow-up-${timepoint}`,
  answers: {},
  score,
  scoreDetail: instrument === "odi" && score !== null ? { band: "moderate disability" } : {},
  completedAt,
  source: "portal",
  enteredBy: null,
  lateBaseline: false,
  correction: null,
});

const responses = [
  r("nrs_back", "2w", "2026-02-01T10:00:00Z", 4),
  r("odi", "2w", "2026-02-01T10:00:00Z", 30),
  r("odi", "baseline", "2026-01-01T10:00:00Z", 44),
  r("nrs_back", "baseline", "2026-01-01T10:00:00Z", 7),
];

describe("sittings", () => {
  it("groups answers given together, newest first", () => {
    const s = groupSittings(responses);
    expect(s.map((x) => x.timepoint)).toEqual(["2w", "baseline"]);
    expect(Object.keys(s[1]!.byInstrument).sort()).toEqual(["nrs_back", "odi"]);
  });

  it("lists pain scales before the ODI", () => {
    expect(instrumentOrder(responses)).toEqual(["nrs_back", "odi"]);
  });

  it("gives trend points oldest first", () => {
    expect(trendPoints(responses).map((p) => [p.timepoint, p.nrs_back, p.odi])).toEqual([
      ["baseline", 7, 44],
      ["2w", 4, 30],
    ]);
  });

  it("reads the ODI band from the score detail", () => {
    expect(bandOf(responses[1])).toBe("moderate disability");
    expect(bandOf(responses[0])).toBeNull();
  });
});
