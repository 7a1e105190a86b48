import { describe, expect, it } from "vitest";
import { isResponse, type OutcomeObservation, summarizeMeasure, summarizeOutcomes } from "./summary";

const obs = (p: Partial<OutcomeObservation>): OutcomeObservation => ({
  treatmentKind: "exercise_physiotherapy",
  timepoint: "3m",
  windowStart: "2026-03-01",
  windowEnd: "2026-04-01",
  completedAt: null,
  cancelledAt: null,
  baseline: {},
  followUp: {},
  ...p,
});

describe("clinically important improvement (Ostelo 2008)", () => {
  it("counts ODI improvement of 10 points or 30%", () => {
    expect(isResponse("odi", 40, 30)).toBe(true); // 10 points
    expect(isResponse("odi", 40, 31)).toBe(false); // 9 points, 22.5%
    expect(isResponse("odi", 20, 14)).toBe(true); // 6 points but 30%
  });
  it("counts NRS improvement of 2 points or 30%", () => {
    expect(isResponse("nrs_back", 7, 5)).toBe(true);
    expect(isResponse("nrs_back", 3, 2)).toBe(true); // 33%
    expect(isResponse("nrs_back", 8, 7)).toBe(false);
  });
  it("never counts a patient who started at no pain, or who got worse", () => {
    expect(isResponse("nrs_back", 0, 0)).toBe(false);
    expect(isResponse("odi", 30, 40)).toBe(false);
  });
});

describe("outcome summary", () => {
  it("pairs baseline and follow-up, with the mean change's t interval and the responder share", () => {
    const m = summarizeMeasure("odi", [
      [40, 30],
      [50, 46],
      [30, 20],
    ]);
    expect(m.n).toBe(3);
    expect(m.meanChange).toBeCloseTo(-8, 12);
    // changes −10, −4, −10: sd = √12, t(0.975, 2) = 4.302653
    const half = (4.302652729911275 * Math.sqrt(12)) / Math.sqrt(3);
    expect(m.meanChangeCI?.[0]).toBeCloseTo(-8 - half, 6);
    expect(m.meanChangeCI?.[1]).toBeCloseTo(-8 + half, 6);
    expect(m.responders).toBe(2);
    expect(m.responderShare).toBeCloseTo(2 / 3, 12);
  });

  it("gives no interval for fewer than two pairs and nothing for none", () => {
    expect(summarizeMeasure("odi", [[40, 20]]).meanChangeCI).toBeNull();
    const none = summarizeMeasure("odi", []);
    expect([none.n, none.meanChange, none.responderShare]).toEqual([0, null, null]);
  });

  it("counts due, answered, missed and still-open follow-ups separately", () => {
    const rows = summarizeOutcomes(
      [
        obs({ completedAt: "2026-03-15T00:00:00Z", baseline: { odi: 40 }, followUp: { odi: 20 } }),
        obs({}), // window closed, no answer: missed
        obs({ windowStart: "2026-04-20", windowEnd: "2026-05-20" }), // open on the day
        obs({ windowStart: "2026-05-01", windowEnd: "2026-06-01" }), // not yet due
        obs({ cancelledAt: "2026-03-02T00:00:00Z" }),
      ],
      "2026-04-25",
      ["odi"],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ due: 3, responded: 1, missed: 1, pending: 1 });
    expect(rows[0]?.measures[0]).toMatchObject({ instrument: "odi", n: 1, meanChange: -20, responders: 1 });
  });

  it("orders rows by treatment kind, then timepoint in schedule order", () => {
    const rows = summarizeOutcomes(
      [
        obs({ timepoint: "12m" }),
        obs({ timepoint: "2w" }),
        obs({ treatmentKind: "bone_marrow_concentrate", timepoint: "6m" }),
      ],
      "2026-01-01",
      [],
    );
    expect(rows.map((r) => `${r.treatmentKind}/${r.timepoint}`)).toEqual([
      "bone_marrow_concentrate/6m",
      "exercise_physiotherapy/2w",
      "exercise_physiotherapy/12m",
    ]);
  });
});
