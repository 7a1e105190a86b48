import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanCI, wilsonInterval } from "../stats";
import {
  type AnswerTally,
  countFollowUps,
  type FollowUpTally,
  isResponse,
  responderRule,
  summarizeCategory,
  summarizeMeasure,
  summarizeOutcomes,
  summarizeWeighted,
} from "./summary";

const fu = (p: Partial<FollowUpTally>): FollowUpTally => ({
  treatmentKind: "exercise_physiotherapy",
  timepoint: "3m",
  windowStart: "2026-03-01",
  windowEnd: "2026-04-01",
  completedAt: null,
  cancelledAt: null,
  count: 1,
  ...p,
});

const answer = (p: Partial<AnswerTally>): AnswerTally => ({
  treatmentKind: "exercise_physiotherapy",
  timepoint: "3m",
  instrument: "odi",
  baseline: 40,
  followUp: 30,
  count: 1,
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
  it("states the rule with its source", () => {
    expect(responderRule("odi")).toBe("improved by ≥ 10 points or ≥ 30% (Ostelo 2008)");
  });
  it("never counts a patient who started at no pain, or who got worse", () => {
    expect(isResponse("nrs_back", 0, 0)).toBe(false);
    expect(isResponse("odi", 30, 40)).toBe(false);
  });
});

describe("outcome summary", () => {
  const five: [number, number][] = [
    [40, 30],
    [50, 46],
    [30, 20],
    [60, 60],
    [20, 26],
  ];

  // Eleven patients, the fewest an estimate is given from: the five twice, and one more.
  const eleven: [number, number][] = [...five, ...five, [40, 30]];

  it("pairs baseline and follow-up, with the mean change's t interval and the responder share", () => {
    const m = summarizeMeasure("odi", eleven);
    expect(m.n).toBe(11);
    expect(m.suppressed).toBe(false);
    // changes −10, −4, −10, 0, +6 twice and −10: mean −46/11; t(0.975, 10) = 2.228139
    const changes = eleven.map(([b, a]) => a - b);
    const mean = -46 / 11;
    expect(m.meanChange).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(changes.reduce((s, c) => s + (c - mean) ** 2, 0) / 10);
    const half = (2.2281388519649385 * sd) / Math.sqrt(11);
    expect(m.meanChangeCI?.[0]).toBeCloseTo(mean - half, 6);
    expect(m.meanChangeCI?.[1]).toBeCloseTo(mean + half, 6);
    expect(m.responders).toBe(5); // −10 from 40 and −10 from 30 (≥ 10 points); −4 from 50 is 8%
    const w = wilsonInterval(5, 11);
    expect(m.responderShareCI).toEqual([w.lower, w.upper]);
    // Without the follow-ups due there is no missing-data range to give.
    expect(m.responderRange).toBeNull();
  });

  it("gives the responder share's range from 'no missing patient responded' to 'all did'", () => {
    // 5 of the 11 analysed responded; 15 were due, so 4 are missing.
    const m = summarizeMeasure("odi", eleven, 12, 15);
    expect(m.responderRange).toEqual({ due: 15, missing: 4, lower: 5 / 15, upper: 9 / 15 });
    expect(m.responderRange!.lower).toBeLessThan(m.responderShare!);
    expect(m.responderRange!.upper).toBeGreaterThan(m.responderShare!);
    // Nobody missing: the range closes on the complete-case share.
    expect(summarizeMeasure("odi", eleven, 11, 11).responderRange).toMatchObject({
      missing: 0,
      lower: 5 / 11,
      upper: 5 / 11,
    });
  });

  it("withholds every estimate from fewer than eleven patients, but still gives the counts", () => {
    const m = summarizeMeasure("odi", eleven.slice(0, 10), 12, 14);
    expect(m).toMatchObject({ n: 10, answered: 12, suppressed: true, meanChange: null, responders: null });
    expect([m.meanChangeCI, m.responderShare, m.baselineMean, m.responderRange]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const none = summarizeMeasure("odi", []);
    expect([none.n, none.meanChange, none.responderShare]).toEqual([0, null, null]);
  });

  it("counts due, answered, missed and still-open follow-ups, and completeness among closed windows", () => {
    const counts = countFollowUps(
      [
        fu({ completedAt: "2026-03-15T00:00:00Z", count: 3 }), // answered, window closed
        fu({ count: 2 }), // window closed, no answer: missed
        fu({ windowStart: "2026-04-20", windowEnd: "2026-05-20", count: 4 }), // open on the day
        fu({ windowStart: "2026-04-20", windowEnd: "2026-05-20", completedAt: "2026-04-21", count: 1 }),
        fu({ windowStart: "2026-05-01", windowEnd: "2026-06-01" }), // not yet due
        fu({ cancelledAt: "2026-03-02T00:00:00Z" }),
      ],
      "2026-04-25",
    );
    expect(counts).toMatchObject({ due: 10, responded: 4, missed: 2, pending: 4 });
    // Answered early in a window that is still open would flatter completeness: only closed windows count.
    const w = wilsonInterval(3, 5);
    expect(counts.completeness).toEqual({ closed: 5, responded: 3, share: 0.6, shareCI: [w.lower, w.upper] });
  });

  it("summarises tallied rows exactly as the same rows one by one", () => {
    const rows = summarizeOutcomes(
      {
        followUps: [fu({ completedAt: "2026-03-15T00:00:00Z", count: 12 }), fu({ count: 2 })],
        answers: [
          answer({ baseline: 40, followUp: 30, count: 7 }),
          answer({ baseline: 50, followUp: 52, count: 4 }),
          answer({ baseline: null, followUp: 20, count: 1 }),
          answer({ instrument: "nrs_back", baseline: 7, followUp: 3, count: 1 }),
        ],
      },
      "2026-04-25",
      ["odi", "nrs_back"],
    );
    expect(rows).toHaveLength(1);
    const [odi, nrs] = rows[0]!.measures;
    const ci = meanCI([...Array(7).fill(-10), ...Array(4).fill(2)]);
    expect(odi).toMatchObject({ n: 11, answered: 12, responders: 7 });
    expect(odi?.meanChange).toBeCloseTo(-62 / 11, 12);
    expect(odi?.meanChangeCI?.[0]).toBeCloseTo(ci.lower, 12);
    // 14 due (12 answered, 2 missed), 11 analysed: 3 missing.
    expect(odi?.responderRange).toEqual({ due: 14, missing: 3, lower: 7 / 14, upper: 10 / 14 });
    expect(nrs).toMatchObject({ n: 1, answered: 1, suppressed: true });
  });

  it("gives the same rows from observations one follow-up at a time", () => {
    const observation = (baseline: number | null, after: number | null) => ({
      treatmentKind: "exercise_physiotherapy",
      timepoint: "3m",
      windowStart: "2026-03-01",
      windowEnd: "2026-04-01",
      completedAt: after === null ? null : "2026-03-15T00:00:00Z",
      cancelledAt: null,
      baseline: { odi: baseline },
      followUp: { odi: after },
    });
    const one = summarizeOutcomes(
      [40, 50, 30, 60, 20]
        .map((b, i) => observation(b, b + [-10, -4, -10, 0, 6][i]!))
        .concat(observation(40, null)),
      "2026-04-25",
      ["odi"],
    );
    const tallied = summarizeOutcomes(
      {
        followUps: [fu({ completedAt: "2026-03-15T00:00:00Z", count: 5 }), fu({})],
        answers: five.map(([b, a]) => answer({ baseline: b, followUp: a })),
      },
      "2026-04-25",
      ["odi"],
    );
    expect(one).toEqual(tallied);
    expect(one[0]).toMatchObject({ due: 6, responded: 5, missed: 1 });
  });

  it("orders rows by treatment kind, then timepoint in schedule order", () => {
    const rows = summarizeOutcomes(
      {
        followUps: [
          fu({ timepoint: "12m" }),
          fu({ timepoint: "2w" }),
          fu({ treatmentKind: "bone_marrow_concentrate", timepoint: "6m" }),
        ],
        answers: [],
      },
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

describe("summaries from weighted tallies", () => {
  it("give what the expanded pairs give, for any tallies of integer scores", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            baseline: fc.integer({ min: 0, max: 100 }),
            followUp: fc.integer({ min: 0, max: 100 }),
            count: fc.integer({ min: 1, max: 9 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        (tallies) => {
          const expanded = tallies.flatMap((t) =>
            Array.from({ length: t.count }, () => [t.baseline, t.followUp] as const),
          );
          const weighted = summarizeWeighted("odi", tallies, expanded.length + 2, expanded.length + 5);
          const direct = summarizeMeasure("odi", expanded, expanded.length + 2, expanded.length + 5);
          // Integer scores: every sum is exact in either order, so the figures are identical but
          // for the last bits of the standard deviation's square root.
          expect({ ...weighted, meanChangeCI: null }).toEqual({ ...direct, meanChangeCI: null });
          if (direct.meanChangeCI && weighted.meanChangeCI) {
            expect(weighted.meanChangeCI[0]).toBeCloseTo(direct.meanChangeCI[0], 10);
            expect(weighted.meanChangeCI[1]).toBeCloseTo(direct.meanChangeCI[1], 10);
          } else expect(weighted.meanChangeCI).toEqual(direct.meanChangeCI);
        },
      ),
    );
  });
});

describe("outcome measures in the outcomes table", () => {
  it("states each measure's responder rule with its source, and none where no threshold is known", () => {
    expect(responderRule("nrs_leg")).toBe("improved by ≥ 2 points or ≥ 30% (Ostelo 2008)");
    expect(responderRule("promis29.fatigue")).toBe(
      "improved by ≥ 7.75 points (chronic LBP cohort, single small study)",
    );
    expect(responderRule("eq5d5l.index_us")).toBe("improved by ≥ 0.08 points (Japanese LBP study 2020)");
    expect(responderRule("pgic")).toBe('answered "much" or "very much improved" (Farrar 2001; IMMPACT)');
    expect(responderRule("peg")).toBe("none");
    expect(responderRule("eq5d5l")).toBe("none");
    expect(responderRule("no_such_measure")).toBe("none");
  });

  it("counts a higher-is-better responder upwards (PROMIS-29 physical function, EQ-5D index)", () => {
    expect(isResponse("promis29.physical_function", 40, 43.6)).toBe(true);
    expect(isResponse("promis29.physical_function", 43.6, 40)).toBe(false);
    expect(isResponse("eq5d5l.index_england", 0.5, 0.58)).toBe(true);
    expect(isResponse("eq5d5l.index_england", 0.5, 0.579)).toBe(false);
  });

  it("gives PGIC as the share answering much or very much improved among all who answered, baseline or not", () => {
    // 8 very much, 7 much, 5 minimally improved, 4 no change; half without a baseline answer.
    const answers = [
      { followUp: 1, count: 8 },
      { followUp: 2, count: 7 },
      { followUp: 3, count: 5 },
      { followUp: 4, count: 4 },
    ];
    const s = summarizeCategory("pgic", answers, 30);
    const w = wilsonInterval(15, 24);
    expect(s).toMatchObject({ n: 24, answered: 24, responders: 15, meanChange: null, baselineMean: null });
    expect(s.responderShare).toBeCloseTo(15 / 24, 12);
    expect(s.responderShareCI).toEqual([w.lower, w.upper]);
    expect(s.responderRange).toEqual({ due: 30, missing: 6, lower: 15 / 30, upper: 21 / 30 });
    const rows = summarizeOutcomes(
      {
        followUps: [fu({ count: 30, completedAt: "2026-03-10" })],
        answers: answers.map((a, i) => ({
          treatmentKind: "exercise_physiotherapy",
          timepoint: "3m",
          instrument: "pgic",
          baseline: i % 2 === 0 ? null : 3,
          ...a,
        })),
      },
      "2026-06-01",
      ["pgic"],
    );
    expect(rows[0]?.measures[0]).toEqual({
      ...s,
      responderRange: { due: 30, missing: 6, lower: 0.5, upper: 0.7 },
    });
  });

  it("withholds a PGIC share from fewer than 11 answers", () => {
    const s = summarizeCategory("pgic", [{ followUp: 1, count: 10 }]);
    expect(s).toMatchObject({ n: 10, suppressed: true, responders: null, responderShare: null });
  });

  it("gives opioid use as the shares on opioids before and after, with those who stopped as responders", () => {
    // 12 on opioids at baseline (5 stopped), 8 not (1 started).
    const pairs = [
      { baseline: 1, followUp: 0, count: 5 },
      { baseline: 1, followUp: 1, count: 7 },
      { baseline: 0, followUp: 0, count: 7 },
      { baseline: 0, followUp: 1, count: 1 },
    ];
    const s = summarizeWeighted("diary.on_opioids", pairs, 20);
    expect(s).toMatchObject({
      n: 20,
      suppressed: false,
      baselineMean: 12 / 20,
      followUpMean: 8 / 20,
      responders: 5,
    });
    expect(s.meanChange).toBeCloseTo(-4 / 20, 12);
    expect(s.responderShare).toBe(wilsonInterval(5, 20).proportion);
    expect(s.responderRule).toMatch(/^stopped: on it at baseline, not at follow-up/);
    expect(responderRule("diary.on_opioids", "es")).toMatch(/^lo dejaron/);
    expect(s.shift).toBeUndefined();
  });

  it("gives an MME change with no responders: no cited threshold", () => {
    const pairs = Array.from({ length: 12 }, (_, i) => ({ baseline: 30 + i, followUp: 10, count: 1 }));
    const s = summarizeWeighted("diary.mme", pairs, 12);
    expect(s).toMatchObject({ n: 12, responders: 0, responderRule: "none", followUpMean: 10 });
    expect(s.meanChange).toBeCloseTo(-25.5, 12);
  });

  it("gives a Pfirrmann grade as the shares worse, the same and better, never a mean of grades", () => {
    const pairs = [
      { baseline: 4, followUp: 3, count: 3 }, // better
      { baseline: 3, followUp: 3, count: 6 },
      { baseline: 3, followUp: 4, count: 2 }, // worse
      { baseline: 4, followUp: 5, count: 1 }, // worse
    ];
    const s = summarizeWeighted("imaging.pfirrmann.L4-L5", pairs, 13);
    expect(s).toMatchObject({
      n: 12,
      answered: 13,
      baselineMean: null,
      followUpMean: null,
      meanChange: null,
    });
    const share = (k: number) => ({
      count: k,
      share: wilsonInterval(k, 12).proportion,
      shareCI: [wilsonInterval(k, 12).lower, wilsonInterval(k, 12).upper],
    });
    expect(s.shift).toEqual({ worse: share(3), same: share(6), better: share(3) });
    expect(s.responders).toBe(0);
    const few = summarizeWeighted("imaging.pfirrmann.L4-L5", pairs.slice(0, 2), 9);
    expect(few).toMatchObject({ suppressed: true, shift: null });
  });

  it("gives disc height per level as a mean change, with no shift", () => {
    const pairs = Array.from({ length: 11 }, (_, i) => ({ baseline: 70, followUp: 66 + i, count: 1 }));
    const s = summarizeWeighted("imaging.disc_height.L5-S1", pairs, 11);
    expect(s).toMatchObject({ baselineMean: 70, followUpMean: 71, meanChange: 1, responders: 0 });
    expect(s.shift).toBeUndefined();
  });
});
