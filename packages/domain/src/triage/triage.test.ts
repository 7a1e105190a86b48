import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { EvidentError } from "../errors";
import { describeTrigger, evaluateTriage, fires, triageIntake } from "./evaluate";
import { type BooleanAnswerId, booleanAnswerIds, type IntakeAnswers, parseIntakeAnswers } from "./intake";
import { triageRules, triageRulesVersion } from "./rules";
import { clinicianActions, type TriageTier, tierRank, triageTiers } from "./tiers";

/** A 40-year-old with six months of pain and no red flags. */
const base = { age: 40, painDurationWeeks: 26 } as const;
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
  "pulsatile-abdominal-mass": { tier: "emergency", alone: ["pulsatileAbdominalMass"], fire: [], miss: [] },
  "new-gait-disturbance": { tier: "urgent", alone: ["gaitDisturbance"], fire: [], miss: [] },
  "cancer-history": { tier: "urgent", alone: ["cancerHistory"], fire: [], miss: [] },
  fever: { tier: "urgent", alone: ["feverOrChills"], fire: [], miss: [] },
  "post-procedure-fever-or-worsening": {
    tier: "urgent",
    alone: [],
    fire: [
      yes("recentSpinalProcedure", "feverOrChills"),
      yes("recentSpinalProcedure", "worseningPainDespiteTreatment"),
    ],
    miss: [yes("recentSpinalProcedure", "nightPainAtRest"), yes("feverOrChills", "significantTrauma")],
  },
  "major-trauma": { tier: "urgent", alone: ["significantTrauma"], fire: [], miss: [] },
  "minor-trauma-fragile-bone": {
    tier: "urgent",
    alone: [],
    fire: [yes("minorTraumaOrLifting", "osteoporosis"), yes("minorTraumaOrLifting", "longTermSteroids")],
    miss: [{ ...yes("minorTraumaOrLifting"), age: 85 }, yes("osteoporosis", "longTermSteroids")],
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
  it("finds no red flags in a 40-year-old with six months of pain and nothing else", () => {
    expect(evaluateTriage(answers())).toEqual({ tier: "none", flags: [], rulesVersion: triageRulesVersion });
  });

  it("treats an absent, false or null yes/no answer alike: as no", () => {
    const allFalse = Object.fromEntries(booleanAnswerIds.map((id) => [id, false]));
    const allNull = Object.fromEntries(booleanAnswerIds.map((id) => [id, null]));
    expect(evaluateTriage(answers(allFalse))).toEqual(evaluateTriage(answers()));
    expect(evaluateTriage(answers(allNull))).toEqual(evaluateTriage(answers()));
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

  it("makes fever with an infection risk urgent, and a risk factor without fever soon", () => {
    expect(evaluateTriage(answers(yes("feverOrChills", "ivDrugUse"))).tier).toBe("urgent");
    expect(evaluateTriage(answers(yes("ivDrugUse"))).tier).toBe("soon");
  });

  it("carries each flag's suggestion, action and sources from its rule", () => {
    const [flag] = evaluateTriage(answers(yes("saddleNumbness"))).flags;
    expect(flag).toEqual({
      id: "ces-saddle",
      suggests: rule("ces-saddle").suggests,
      action: rule("ces-saddle").action,
      source: ["niceCks", "glosRedFlags"],
      tier: "emergency",
    });
  });

  it("gives every tier a clinician action, holding procedures at every flagged tier", () => {
    expect(clinicianActions.emergency).toMatchObject({ notifyNow: true, taskDueWithinHours: 0 });
    expect(clinicianActions.urgent).toMatchObject({ createTask: true, taskDueWithinHours: 24 });
    expect(clinicianActions.soon).toMatchObject({ createTask: true, holdsDecisionAid: true });
    for (const t of triageTiers) expect(clinicianActions[t].blocksElectiveProcedures).toBe(t !== "none");
  });
});

const arbitraryAnswers: fc.Arbitrary<IntakeAnswers> = fc.record({
  age: fc.integer({ min: 0, max: 120 }),
  painDurationWeeks: fc.integer({ min: 0, max: 6240 }),
  ...(Object.fromEntries(
    booleanAnswerIds.map((id) => [id, fc.constantFrom(true, false, null, undefined)]),
  ) as Record<BooleanAnswerId, fc.Arbitrary<boolean | null | undefined>>),
});

describe("triage properties", () => {
  it("never lowers the tier when a yes answer is added", () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...booleanAnswerIds), (a, id) => {
        const before = evaluateTriage(a).tier;
        const after = evaluateTriage({ ...a, [id]: true }).tier;
        expect(tierRank(after)).toBeGreaterThanOrEqual(tierRank(before));
      }),
    );
  });

  it("never drops a flag when a yes answer is added", () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...booleanAnswerIds), (a, id) => {
        const before = evaluateTriage(a).flags.map((f) => f.id);
        const after = new Set(evaluateTriage({ ...a, [id]: true }).flags.map((f) => f.id));
        for (const f of before) expect(after.has(f)).toBe(true);
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
});

describe("parseIntakeAnswers", () => {
  const issuesOf = (raw: unknown) => {
    try {
      parseIntakeAnswers(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(EvidentError);
      return (e as EvidentError).issues;
    }
    throw new Error("expected a refusal");
  };

  it("accepts the minimum (age and duration) and any yes/no answers", () => {
    expect(parseIntakeAnswers({ age: 40, painDurationWeeks: 0 })).toEqual({ age: 40, painDurationWeeks: 0 });
    expect(parseIntakeAnswers({ ...base, saddleNumbness: true, osteoporosis: null })).toEqual({
      ...base,
      saddleNumbness: true,
      osteoporosis: null,
    });
  });

  it("names an unknown field, a wrong type, an age out of 0–120 and a negative duration, all at once", () => {
    expect(issuesOf({ age: 121, painDurationWeeks: -1, saddleNumbness: "yes", fever: true })).toEqual([
      { path: "age", message: "must be at most 120 years" },
      { path: "painDurationWeeks", message: "must not be negative" },
      { path: "saddleNumbness", message: "must be true or false (or null)" },
      { path: "fever", message: "is not an intake question" },
    ]);
    expect(issuesOf({ age: -1, painDurationWeeks: 1.5 })).toEqual([
      { path: "age", message: "must be 0 to 120 years" },
      { path: "painDurationWeeks", message: "must be a whole number of weeks" },
    ]);
  });

  it("requires age and duration, and an object", () => {
    expect(issuesOf({})).toEqual([
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
