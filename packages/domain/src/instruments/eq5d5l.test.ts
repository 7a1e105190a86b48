import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eq5d5l, eq5dIndex, scoreEq5d5l } from "./eq5d5l";
import { scoreAnswers } from "./index";

const state = (digits: string, vas: number | null = 80) => ({
  eq5d_mo: Number(digits[0]),
  eq5d_sc: Number(digits[1]),
  eq5d_ua: Number(digits[2]),
  eq5d_pd: Number(digits[3]),
  eq5d_ad: Number(digits[4]),
  eq5d_vas: vas,
});

describe("EQ-5D-5L", () => {
  it("scores the EQ VAS and adds the index under both value sets and the profile", () => {
    expect(eq5d5l.score(state("21111", 70))).toEqual({
      score: 70,
      extras: { index: { us: 0.904, england: 0.942 }, profile: "21111" },
    });
  });

  it("gives full health an index of exactly 1 and the worst state −0.573 (US) and −0.285 (England)", () => {
    expect(eq5dIndex([1, 1, 1, 1, 1], "us")).toBe(1);
    expect(eq5dIndex([1, 1, 1, 1, 1], "england")).toBe(1);
    expect(eq5dIndex([5, 5, 5, 5, 5], "us")).toBe(-0.573);
    expect(eq5dIndex([5, 5, 5, 5, 5], "england")).toBe(-0.285);
  });

  it("adds no constant to the England set (a known error in one public copy)", () => {
    // England 21111 = 1 − 0.058; with the spurious 0.0488 it would be 0.893.
    expect(eq5dIndex([2, 1, 1, 1, 1], "england")).toBe(0.942);
  });

  it("has no index and no profile with a dimension missing, but still scores the VAS", () => {
    const r = eq5d5l.score({ ...state("21111", 65), eq5d_ad: null });
    expect(r).toEqual({
      score: 65,
      extras: { index: null, profile: null, indexReason: "1 of 5 dimensions unanswered; all 5 are needed" },
    });
  });

  it("has no score without the VAS, and keeps the index", () => {
    const r = eq5d5l.score(state("11111", null));
    expect(r.score).toBeNull();
    expect(r.reason).toBe("EQ VAS not answered");
    expect(r.extras?.index).toEqual({ us: 1, england: 1 });
  });

  it("scores VAS 0 and 100", () => {
    expect(eq5d5l.score(state("55555", 0)).score).toBe(0);
    expect(eq5d5l.score(state("11111", 100)).score).toBe(100);
  });

  it("refuses level 0 and 6, a VAS of 101 or 50.5, and unknown items, naming each", () => {
    expect(() =>
      scoreAnswers("eq5d5l", { ...state("11111"), eq5d_mo: 0, eq5d_ad: 6, eq5d_vas: 101, eq5d_xx: 1 }),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          { path: "answers.eq5d_mo", message: "must be one of 1, 2, 3, 4, 5" },
          { path: "answers.eq5d_ad", message: "must be one of 1, 2, 3, 4, 5" },
          { path: "answers.eq5d_vas", message: "must be between 0 and 100" },
          { path: "answers.eq5d_xx", message: "unknown item for eq5d5l" },
        ],
      }),
    );
    expect(() => scoreAnswers("eq5d5l", { eq5d_vas: 50.5 })).toThrowError(
      expect.objectContaining({ issues: [{ path: "answers.eq5d_vas", message: "must be a whole number" }] }),
    );
  });

  it("never raises the index when any dimension gets worse, and stays within each set's range", () => {
    const level = fc.integer({ min: 1, max: 5 });
    const levels = fc.array(level, { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(levels, fc.integer({ min: 0, max: 4 }), (ls, dim) => {
        const worse = ls.map((l, i) => (i === dim ? Math.min(5, l + 1) : l));
        const r = scoreEq5d5l(state(ls.join("")));
        return (
          r.index !== null &&
          eq5dIndex(worse, "us") <= r.index.us &&
          eq5dIndex(worse, "england") <= r.index.england &&
          r.index.us >= -0.573 &&
          r.index.us <= 1 &&
          r.index.england >= -0.285 &&
          r.index.england <= 1 &&
          r.profile === ls.join("")
        );
      }),
    );
  });
});
