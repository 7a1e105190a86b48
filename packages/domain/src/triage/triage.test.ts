import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { EvidentError } from "../errors";
import { describeTrigger, evaluateTriage, fires, mentions, triageIntake } from "./evaluate";
import {
  type BooleanAnswerId,
  booleanAnswerIds,
  checkIntakeAnswers,
  type IntakeAnswers,
  parseIntakeAnswers,
} from "./intake";
import { SAME_DAY_HOURS, triageRules, triageRulesVersion } from "./rules";
import { clinicianActions, type TriageTier, tierRank, triageTiers } from "./tiers";

/** A 40-year-old with six months of pain who answered no to every yes/no question. */
const allNo = Object.fromEntries(booleanAnswerIds.map((id) => [id, false])) as Record<BooleanAnswerId, false>;
const base = { age: 40, painDurationWeeks: 26, ...allNo } as const;
const answers = (extra: Partial<IntakeAnswers> = {}): IntakeAnswers => ({ ...base, ...extra });
const yes = (...ids: BooleanAnswerId[]): Partial<IntakeAnswers> =>
  Object.fromEntries(ids.map((id) => [id, true]));
const rule = (id: string) => {
  const r = triageRules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

// Hand-written from the triage spec (not read from the rule data, so a changed rule fails here):
// each rule's tier, the single yes answers that fire it alone, answers that fire it, and near
// misses that must not.
type Case = {
  tier: TriageTier;
  alone: BooleanAnswerId[];
  fire: Partial<IntakeAnswers>[];
  miss: Partial<IntakeAnswers>[];
};
const cases: Record<string, Case> = {
  "ces-bladder": { tier: "emergency", alone: ["bladderDysfunction"], fire: [], miss: [] },
  "ces-bowel": { tier: "emergency", alone: ["bowelIncontinence"], fire: [], miss: [] },
  "ces-saddle": { tier: "emergency", alone: ["saddleNumbness"], fire: [], miss: [] },
  "ces-bilateral-legs": { tier: "emergency", alone: ["bilateralLegSymptoms"], fire: [], miss: [] },
  "ces-sexual": { tier: "emergency", alone: ["newSexualDysfunction"], fire: [], miss: [] },
  "progressive-leg-weakness": { tier: "emergency", alone: ["progressiveLegWeakness"], fire: [], miss: [] },
  "fever-with-new-deficit": {
    tier: "emergency",
    alone: [],
    fire: [yes("feverOrChills", "numbnessOrTingling"), yes("feverOrChills", "gaitDisturbance")],
    miss: [yes("feverOrChills", "minorTraumaOrLifting"), yes("recentInfection", "numbnessOrTingling")],
  },
  "cancer-with-new-deficit": {
    tier: "emergency",
    alone: [],
    fire: [yes("cancerHistory", "numbnessOrTingling"), yes("cancerHistory", "gaitDisturbance")],
    miss: [yes("cancerHistory", "unexplainedWeightLoss"), yes("unexplainedWeightLoss", "gaitDisturbance")],
  },
  "spinal-infection": {
    tier: "emergency",
    alone: [],
    fire: [
      yes("feverOrChills", "recentSpinalProcedure"),
      yes("feverOrChills", "ivDrugUse"),
      yes("feverOrChills", "immunosuppressed"),
      yes("feverOrChills", "recentInfection"),
    ],
    miss: [yes("recentSpinalProcedure", "ivDrugUse", "immunosuppressed", "recentInfection")],
  },
  "pulsatile-abdominal-mass": { tier: "emergency", alone: ["pulsatileAbdominalMass"], fire: [], miss: [] },
  "new-gait-disturbance": { tier: "urgent", alone: ["gaitDisturbance"], fire: [], miss: [] },
  "cancer-history": { tier: "urgent", alone: ["cancerHistory"], fire: [], miss: [] },
  fever: { tier: "urgent", alone: ["feverOrChills"], fire: [], miss: [] },
  "post-procedure-worsening": {
    tier: "urgent",
    alone: [],
    fire: [yes("recentSpinalProcedure", "worseningPainDespiteTreatment")],
    miss: [yes("recentSpinalProcedure", "nightPainAtRest"), yes("feverOrChills", "significantTrauma")],
  },
  "major-trauma": { tier: "urgent", alone: ["significantTrauma"], fire: [], miss: [] },
  "minor-trauma-fragile-bone": {
    tier: "urgent",
    alone: [],
    fire: [yes("minorTraumaOrLifting", "osteoporosis"), yes("minorTraumaOrLifting", "longTermSteroids")],
    miss: [{ ...yes("minorTraumaOrLifting"), age: 69 }, yes("osteoporosis", "longTermSteroids")],
  },
  "older-minor-trauma": {
    tier: "urgent",
    alone: [],
    fire: [
      { ...yes("minorTraumaOrLifting"), age: 70 },
      { ...yes("minorTraumaOrLifting"), age: 84 },
    ],
    miss: [{ ...yes("minorTraumaOrLifting"), age: 69 }, { age: 84 }, { ...yes("osteoporosis"), age: 90 }],
  },
  "long-term-steroids": { tier: "urgent", alone: ["longTermSteroids"], fire: [], miss: [] },
  "weight-loss-with-other-signs": {
    tier: "urgent",
    alone: [],
    fire: [
      yes("unexplainedWeightLoss", "nightPainAtRest"),
      yes("unexplainedWeightLoss", "thoracicPain"),
      yes("unexplainedWeightLoss", "worseningPainDespiteTreatment"),
      { ...yes("unexplainedWeightLoss"), age: 51 },
    ],
    miss: [{ ...yes("unexplainedWeightLoss"), age: 50 }, yes("nightPainAtRest", "thoracicPain")],
  },
  "weight-loss": { tier: "soon", alone: ["unexplainedWeightLoss"], fire: [], miss: [] },
  "new-pain-over-50": {
    tier: "soon",
    alone: [],
    fire: [
      { age: 51, painDurationWeeks: 11 },
      { age: 90, painDurationWeeks: 0 },
    ],
    miss: [
      { age: 50, painDurationWeeks: 11 },
      { age: 51, painDurationWeeks: 12 },
      { age: 80, painDurationWeeks: 300 },
    ],
  },
  "under-20": {
    tier: "soon",
    alone: [],
    fire: [{ age: 19 }, { age: 0, painDurationWeeks: 0 }],
    miss: [{ age: 20 }],
  },
  "night-pain": { tier: "soon", alone: ["nightPainAtRest"], fire: [], miss: [] },
  "thoracic-pain": { tier: "soon", alone: ["thoracicPain"], fire: [], miss: [] },
  "not-improving": { tier: "soon", alone: ["worseningPainDespiteTreatment"], fire: [], miss: [] },
  "new-numbness": { tier: "soon", alone: ["numbnessOrTingling"], fire: [], miss: [] },
  "inflammatory-pattern": {
    tier: "soon",
    alone: [],
    fire: [yes("morningStiffnessOver30Min", "improvesWithExercise")],
    miss: [yes("morningStiffnessOver30Min", "nightPainAtRest")],
  },
  "fragile-bone": { tier: "soon", alone: ["osteoporosis"], fire: [], miss: [] },
  "infection-risk-factor": {
    tier: "soon",
    alone: ["ivDrugUse", "immunosuppressed", "recentInfection"],
    fire: [],
    miss: [],
  },
};

describe("triage rules", () => {
  it("has a test case for every rule, and every rule has a unique id and a source", () => {
    expect(triageRules.map((r) => r.id).sort()).toEqual(Object.keys(cases).sort());
    expect(new Set(triageRules.map((r) => r.id)).size).toBe(triageRules.length);
    for (const r of triageRules) {
      expect(r.source.length, r.id).toBeGreaterThan(0);
      for (const key of r.source) expect(citations[key], `${r.id}: ${key}`).toBeDefined();
    }
  });

  describe.each(Object.entries(cases))("%s", (id, c) => {
    it(`is ${c.tier}`, () => {
      expect(rule(id).tier).toBe(c.tier);
    });

    it("fires on its trigger", () => {
      for (const extra of [...c.alone.map((b) => yes(b)), ...c.fire]) {
        const result = evaluateTriage(answers(extra));
        expect(
          result.flags.find((f) => f.id === id),
          JSON.stringify(extra),
        ).toMatchObject({ tier: c.tier });
        expect(tierRank(result.tier)).toBeGreaterThanOrEqual(tierRank(c.tier));
      }
    });

    it("does not fire on any other single yes answer, or on its near misses", () => {
      for (const b of booleanAnswerIds) {
        expect(fires(rule(id), answers(yes(b))), b).toBe(c.alone.includes(b));
      }
      for (const extra of c.miss) expect(fires(rule(id), answers(extra)), JSON.stringify(extra)).toBe(false);
      expect(fires(rule(id), answers())).toBe(false);
    });
  });

  it("describes each trigger in words", () => {
    expect(describeTrigger(rule("ces-bladder"))).toBe("bladderDysfunction");
    expect(describeTrigger(rule("fever-with-new-deficit"))).toBe(
      "feverOrChills and (numbnessOrTingling or gaitDisturbance)",
    );
    expect(describeTrigger(rule("new-pain-over-50"))).toBe("age > 50 and painDurationWeeks < 12");
    expect(describeTrigger(rule("infection-risk-factor"))).toBe(
      "(ivDrugUse or immunosuppressed or recentInfection)",
    );
  });
});

describe("evaluateTriage", () => {
  it("finds no red flags in a 40-year-old with six months of pain who answered no to everything", () => {
    expect(evaluateTriage(answers())).toEqual({
      tier: "none",
      flags: [],
      rulesVersion: triageRulesVersion,
      taskDueWithinHours: null,
    });
  });

  it("takes the highest tier and orders flags by tier, then by rule order", () => {
    const r = evaluateTriage(
      answers(yes("feverOrChills", "nightPainAtRest", "cancerHistory", "bladderDysfunction")),
    );
    expect(r.tier).toBe("emergency");
    expect(r.flags.map((f) => [f.id, f.tier])).toEqual([
      ["ces-bladder", "emergency"],
      ["cancer-history", "urgent"],
      ["fever", "urgent"],
      ["night-pain", "soon"],
    ]);
  });

  it("lets one urgent flag outrank several soon flags", () => {
    const r = evaluateTriage(answers(yes("thoracicPain", "osteoporosis", "ivDrugUse", "significantTrauma")));
    expect(r.tier).toBe("urgent");
    expect(r.flags[0]?.id).toBe("major-trauma");
  });

  it("makes fever with an infection risk an emergency, fever alone urgent the same day, a risk factor alone soon", () => {
    for (const risk of [
      "recentSpinalProcedure",
      "ivDrugUse",
      "immunosuppressed",
      "recentInfection",
    ] as const) {
      const r = evaluateTriage(answers(yes("feverOrChills", risk)));
      expect(r.tier, risk).toBe("emergency");
      expect(r.taskDueWithinHours, risk).toBe(0);
    }
    const fever = evaluateTriage(answers(yes("feverOrChills")));
    expect(fever).toMatchObject({ tier: "urgent", taskDueWithinHours: SAME_DAY_HOURS });
    expect(SAME_DAY_HOURS).toBe(4);
    expect(evaluateTriage(answers(yes("ivDrugUse")))).toMatchObject({
      tier: "soon",
      taskDueWithinHours: null,
    });
  });

  it("makes an 84-year-old's minor fall urgent without an osteoporosis diagnosis, and new numbness alone soon", () => {
    expect(evaluateTriage(answers({ ...yes("minorTraumaOrLifting"), age: 84 }))).toMatchObject({
      tier: "urgent",
      taskDueWithinHours: 24,
    });
    expect(evaluateTriage(answers(yes("numbnessOrTingling"))).tier).toBe("soon");
  });

  it("carries each flag's suggestion, action, sources and the answer that raised it from its rule", () => {
    const [flag] = evaluateTriage(answers(yes("saddleNumbness"))).flags;
    expect(flag).toEqual({
      id: "ces-saddle",
      suggests: rule("ces-saddle").suggests,
      action: rule("ces-saddle").action,
      source: ["niceCks", "glosRedFlags"],
      tier: "emergency",
      answer: [{ id: "saddleNumbness", value: true }],
      dueWithinHours: null,
    });
  });

  it("names every answer that held for a multi-answer rule, numbers included", () => {
    const r = evaluateTriage(answers({ ...yes("feverOrChills", "ivDrugUse", "immunosuppressed") }));
    expect(r.flags.find((f) => f.id === "spinal-infection")?.answer).toEqual([
      { id: "feverOrChills", value: true },
      { id: "ivDrugUse", value: true },
      { id: "immunosuppressed", value: true },
    ]);
    const older = evaluateTriage(answers({ ...yes("minorTraumaOrLifting"), age: 72 }));
    expect(older.flags.find((f) => f.id === "older-minor-trauma")?.answer).toEqual([
      { id: "minorTraumaOrLifting", value: true },
      { id: "age", value: 72 },
    ]);
  });

  it("gives every tier a clinician action, holding procedures at every flagged tier", () => {
    expect(clinicianActions.emergency).toMatchObject({ notifyNow: true, taskDueWithinHours: 0 });
    expect(clinicianActions.urgent).toMatchObject({ createTask: true, taskDueWithinHours: 24 });
    expect(clinicianActions.soon).toMatchObject({ createTask: true, holdsDecisionAid: true });
    for (const t of triageTiers) expect(clinicianActions[t].blocksElectiveProcedures).toBe(t !== "none");
  });

  it("names every yes/no answer in at least one rule, so a 'not sure' always has something to ask about", () => {
    for (const id of booleanAnswerIds)
      expect(
        triageRules.some((r) => mentions(r, id)),
        id,
      ).toBe(true);
  });
});

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

describe("parseIntakeAnswers", () => {
  const refusal = (raw: unknown) => {
    try {
      parseIntakeAnswers(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(EvidentError);
      return e as EvidentError;
    }
    throw new Error("expected a refusal");
  };
  const issuesOf = (raw: unknown) => refusal(raw).issues;

  it("accepts complete answers: true, false or unsure for every yes/no question", () => {
    const complete = { ...base, saddleNumbness: true, osteoporosis: "unsure" };
    expect(parseIntakeAnswers(complete)).toEqual(complete);
  });

  it("refuses with 422 an intake missing any yes/no answer, naming each one", () => {
    const e = refusal({ age: 40, painDurationWeeks: 0 });
    expect(e.status).toBe(422);
    expect(e.issues.map((i) => i.path)).toEqual([...booleanAnswerIds]);
    expect(e.issues[0]?.message).toBe('is required: answer true, false or "unsure"');
  });

  it("refuses with 422 a null answer, as if it were missing", () => {
    const e = refusal({ ...base, bladderDysfunction: null, cancerHistory: undefined });
    expect(e.status).toBe(422);
    expect(e.issues).toEqual([
      { path: "bladderDysfunction", message: 'is required: answer true, false or "unsure"' },
      { path: "cancerHistory", message: 'is required: answer true, false or "unsure"' },
    ]);
  });

  it("refuses with 400 a malformed answer, naming each malformed field (missing ones wait for the 422)", () => {
    const e = refusal({ age: 121, painDurationWeeks: -1, saddleNumbness: "yes", fever: true });
    expect(e.status).toBe(400);
    expect(e.issues).toEqual([
      { path: "age", message: "must be at most 120 years" },
      { path: "painDurationWeeks", message: "must not be negative" },
      { path: "saddleNumbness", message: 'must be true, false or "unsure"' },
      { path: "fever", message: "is not an intake question" },
    ]);
    expect(issuesOf({ ...base, age: -1, painDurationWeeks: 1.5 })).toEqual([
      { path: "age", message: "must be 0 to 120 years" },
      { path: "painDurationWeeks", message: "must be a whole number of weeks" },
    ]);
  });

  it("requires age and duration, and an object", () => {
    const e = refusal({ ...allNo });
    expect(e.status).toBe(422);
    expect(e.issues).toEqual([
      { path: "age", message: "is required" },
      { path: "painDurationWeeks", message: "is required" },
    ]);
    expect(issuesOf([])).toEqual([{ path: "", message: expect.any(String) }]);
    expect(issuesOf("{}")).toEqual([{ path: "", message: expect.any(String) }]);
  });

  it("triageIntake validates and evaluates in one step", () => {
    expect(triageIntake({ ...base, pulsatileAbdominalMass: true }).tier).toBe("emergency");
    expect(() => triageIntake({ age: "40" })).toThrow(EvidentError);
  });
});

describe("checkIntakeAnswers with the age on record", () => {
  const { age: _typed, ...noAge } = base;

  it("takes the age from the record when it is left out, and accepts a typed age that matches", () => {
    expect(checkIntakeAnswers(noAge, { ageOnRecord: 76 }).age).toBe(76);
    expect(checkIntakeAnswers({ ...noAge, age: 76 }, { ageOnRecord: 76 }).age).toBe(76);
  });

  it("refuses with 422 a typed age that contradicts the birth date, naming age under the prefix", () => {
    try {
      checkIntakeAnswers({ ...noAge, age: 45 }, { ageOnRecord: 76, at: "answers." });
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as EvidentError).status).toBe(422);
      expect((e as EvidentError).issues).toEqual([
        {
          path: "answers.age",
          message: expect.stringMatching(/does not match the birth date on record \(76 years/),
        },
      ]);
    }
  });
});
