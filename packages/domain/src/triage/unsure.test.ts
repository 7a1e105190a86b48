/**
 * "Not sure" is never read as "no": properties over every answer set (a no never outranks a not
 * sure; a not sure that would be an emergency as a yes is urgent, due the same day; every not sure
 * is flagged and named), and the spec's cases written out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { evaluateTriage } from "./evaluate";
import { type BooleanAnswerId, booleanAnswerIds, type IntakeAnswers } from "./intake";
import { SAME_DAY_HOURS } from "./rules";
import { answers, yes } from "./test-answers";
import { tierRank } from "./tiers";

const arbitraryAnswers: fc.Arbitrary<IntakeAnswers> = fc.record({
  age: fc.integer({ min: 0, max: 120 }),
  painDurationWeeks: fc.integer({ min: 0, max: 6240 }),
  ...(Object.fromEntries(
    booleanAnswerIds.map((id) => [id, fc.constantFrom(true, false, "unsure" as const)]),
  ) as Record<BooleanAnswerId, fc.Arbitrary<boolean | "unsure">>),
});

describe("triage properties", () => {
  it("never lowers the tier when a no becomes yes or not sure", () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...booleanAnswerIds), (a, id) => {
        const no = evaluateTriage({ ...a, [id]: false }).tier;
        const notSure = evaluateTriage({ ...a, [id]: "unsure" }).tier;
        const yesTier = evaluateTriage({ ...a, [id]: true }).tier;
        expect(tierRank(notSure)).toBeGreaterThanOrEqual(tierRank(no));
        expect(tierRank(yesTier)).toBeGreaterThanOrEqual(tierRank(no));
      }),
    );
  });

  it("never drops a rule's flag when a no becomes yes", () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...booleanAnswerIds), (a, id) => {
        const before = evaluateTriage({ ...a, [id]: false }).flags.map((f) => f.id);
        const after = new Set(evaluateTriage({ ...a, [id]: true }).flags.map((f) => f.id));
        for (const f of before.filter((x) => !x.startsWith("unsure-"))) expect(after.has(f)).toBe(true);
      }),
    );
  });

  it("reports the highest flag tier, none only without flags, flags sorted most urgent first", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (a) => {
        const { tier, flags } = evaluateTriage(a);
        expect(tier === "none").toBe(flags.length === 0);
        if (flags.length > 0) expect(tier).toBe(flags[0]?.tier);
        const ranks = flags.map((f) => tierRank(f.tier));
        expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
      }),
    );
  });

  it("is emergency whenever any cauda equina answer is yes, whatever else is answered", () => {
    const ces = [
      "bladderDysfunction",
      "bowelIncontinence",
      "saddleNumbness",
      "bilateralLegSymptoms",
      "newSexualDysfunction",
    ] as const;
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...ces), (a, id) => {
        expect(evaluateTriage({ ...a, [id]: true }).tier).toBe("emergency");
      }),
    );
  });

  it("is at least urgent with a same-day task when a not-sure answer would be an emergency as a yes", () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...booleanAnswerIds), (a, id) => {
        if (evaluateTriage({ ...a, [id]: true }).tier !== "emergency") return;
        const r = evaluateTriage({ ...a, [id]: "unsure" });
        expect(tierRank(r.tier)).toBeGreaterThanOrEqual(tierRank("urgent"));
        expect(r.taskDueWithinHours).not.toBeNull();
        expect(r.taskDueWithinHours).toBeLessThanOrEqual(SAME_DAY_HOURS);
      }),
    );
  });

  it("flags every not-sure answer, naming it, and is never below soon with one", () => {
    fc.assert(
      fc.property(arbitraryAnswers, (a) => {
        const r = evaluateTriage(a);
        const notSure = booleanAnswerIds.filter((id) => a[id] === "unsure");
        const named = r.flags.flatMap((f) => f.answer.filter((x) => x.value === "unsure").map((x) => x.id));
        expect(named.sort()).toEqual([...notSure].sort());
        if (notSure.length > 0) expect(tierRank(r.tier)).toBeGreaterThanOrEqual(tierRank("soon"));
      }),
    );
  });
});

describe("not sure", () => {
  // The questions whose own single-answer rule is an emergency, written out from the spec.
  const emergencySigns: BooleanAnswerId[] = [
    "bladderDysfunction",
    "bowelIncontinence",
    "saddleNumbness",
    "bilateralLegSymptoms",
    "newSexualDysfunction",
    "progressiveLegWeakness",
    "pulsatileAbdominalMass",
  ];

  it.each(emergencySigns)("%s: not sure is urgent, due the same day, naming the answer", (id) => {
    const r = evaluateTriage(answers({ [id]: "unsure" }));
    expect(r.tier).toBe("urgent");
    expect(r.taskDueWithinHours).toBe(SAME_DAY_HOURS);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({
      id: "unsure-emergency-sign",
      tier: "urgent",
      dueWithinHours: SAME_DAY_HOURS,
      answer: [{ id, value: "unsure" }],
    });
    expect(r.flags[0]?.source.length).toBeGreaterThan(0);
  });

  it.each(
    booleanAnswerIds.filter((id) => !emergencySigns.includes(id)),
  )("%s: not sure alone is soon, flagged for the clinician to ask", (id) => {
    const r = evaluateTriage(answers({ [id]: "unsure" }));
    expect(r.tier).toBe("soon");
    expect(r.taskDueWithinHours).toBeNull();
    expect(r.flags).toEqual([
      expect.objectContaining({ id: "unsure-answer", tier: "soon", answer: [{ id, value: "unsure" }] }),
    ]);
    expect(r.flags[0]?.action).toContain(id);
    for (const key of r.flags[0]?.source ?? []) expect(citations[key]).toBeDefined();
    expect(r.flags[0]?.source.length).toBeGreaterThan(0);
  });

  it("is urgent the same day when, with the other answers, a yes would be an emergency", () => {
    // Not sure about fever in someone who injects drugs: a yes would be a spinal infection.
    const r = evaluateTriage(answers({ feverOrChills: "unsure", ivDrugUse: true }));
    expect(r.tier).toBe("urgent");
    expect(r.taskDueWithinHours).toBe(SAME_DAY_HOURS);
    expect(r.flags.map((f) => f.id)).toEqual(["unsure-emergency-sign", "infection-risk-factor"]);
    expect(r.flags[0]?.suggests).toMatch(/Spinal infection/);
  });

  it("counts two not-sure answers that would be an emergency together", () => {
    const r = evaluateTriage(answers({ cancerHistory: "unsure", numbnessOrTingling: "unsure" }));
    expect(r.flags.map((f) => [f.id, f.answer[0]?.id])).toEqual([
      ["unsure-emergency-sign", "cancerHistory"],
      ["unsure-emergency-sign", "numbnessOrTingling"],
    ]);
  });

  it("adds its flag beside the rules a yes answer raised", () => {
    const r = evaluateTriage(answers({ ...yes("cancerHistory"), saddleNumbness: "unsure" }));
    expect(r.tier).toBe("urgent");
    expect(r.flags.map((f) => f.id)).toEqual(["cancer-history", "unsure-emergency-sign"]);
    expect(r.taskDueWithinHours).toBe(SAME_DAY_HOURS);
  });
});
