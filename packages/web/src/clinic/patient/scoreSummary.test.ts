import type { ResponseView } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { scoreSummary } from "./scoreSummary";

const r = (
  instrument: string,
  score: number | null,
  scoreDetail: Record<string, unknown> = {},
): ResponseView => ({
  id: "r",
  instrument,
  instrumentVersion: "1",
  timepoint: "baseline",
  followUpId: null,
  answers: {},
  score,
  scoreDetail,
  completedAt: "2026-01-01T10:00:00Z",
  source: "portal",
  enteredBy: null,
  lateBaseline: false,
  correction: null,
});

describe("score summaries", () => {
  it("say 'late baseline' under a baseline answered after the treatment", () => {
    expect(scoreSummary({ ...r("odi", 44.44, { band: "severe disability" }), lateBaseline: true })).toEqual({
      main: "44",
      detail: "severe disability · late baseline",
    });
    expect(scoreSummary({ ...r("nrs_back", 7), lateBaseline: true })).toEqual({
      main: "7",
      detail: "late baseline",
    });
  });

  it("show the number and the line that explains it", () => {
    expect(scoreSummary(r("odi", 44.44, { band: "severe disability" }))).toEqual({
      main: "44",
      detail: "severe disability",
    });
    expect(scoreSummary(r("peg", 6.333))).toEqual({ main: "6.3", detail: null });
    expect(scoreSummary(r("startback", 6, { group: "high", subscale: 4 }))).toEqual({
      main: "6",
      detail: "high risk",
    });
    expect(scoreSummary(r("pgic", 2, { category: "much improved" }))).toEqual({
      main: "2",
      detail: "much improved",
    });
  });

  it("give PROMIS-29 its two function domains, as it has no single score", () => {
    const domains = { physical_function: { tScore: 40.5 }, pain_interference: { tScore: 61.2 } };
    expect(scoreSummary(r("promis29", null, { domains, domainsScored: 7 }))).toEqual({
      main: "PF 41 · PI 61",
      detail: "T-scores, 7 of 7 domains",
    });
  });

  it("give the EQ-5D VAS with the index beside it", () => {
    expect(scoreSummary(r("eq5d5l", 65, { index: { us: 0.7, england: 0.65 }, profile: "22222" }))).toEqual({
      main: "VAS 65",
      detail: "index 0.700 (US)",
    });
  });

  it("say when the missing-data rule gave no score", () => {
    expect(scoreSummary(r("odi", null, { reason: "2 sections unanswered" })).main).toBe("Not scored");
  });
});
