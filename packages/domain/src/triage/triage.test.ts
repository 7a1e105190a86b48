import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { describeTrigger, evaluateTriage, fires, mentions } from "./evaluate";
import { type BooleanAnswerId, booleanAnswerIds, type IntakeAnswers } from "./intake";
import { SAME_DAY_HOURS, triageRules, triageRulesVersion } from "./rules";
import { answers, yes } from "./test-answers";
import {
  adviceKind,
  adviceKinds,
  clinicianActions,
  patientAdvice,
  type TriageTier,
  tierRank,
  triageTiers,
} from "./tiers";

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
    for (const t of triageTiers)
      expect(clinicianActions[t].reviewNeedsNote, t).toBe(t === "emergency" || t === "urgent");
  });

  it("tells the patient to call now when not sure about an emergency sign, and to expect a call today for fever", () => {
    const kindOf = (a: IntakeAnswers) => {
      const r = evaluateTriage(a);
      return adviceKind(r.tier, r.flags);
    };
    expect(kindOf(answers({ saddleNumbness: "unsure" }))).toBe("call-now");
    expect(kindOf(answers({ ...yes("cancerHistory"), saddleNumbness: "unsure" }))).toBe("call-now");
    expect(kindOf(answers(yes("feverOrChills")))).toBe("today");
    expect(kindOf(answers(yes("cancerHistory")))).toBe("urgent");
    expect(kindOf(answers(yes("bladderDysfunction")))).toBe("emergency");
    expect(kindOf(answers({ osteoporosis: "unsure" }))).toBe("soon");
    for (const kind of adviceKinds) expect(patientAdvice[kind].kind).toBe(kind);
    expect(patientAdvice["call-now"].whatToDo).toMatch(
      /Call your clinic now.*emergency department now or call \{emergencyNumber\}/s,
    );
  });

  it("names every yes/no answer in at least one rule, so a 'not sure' always has something to ask about", () => {
    for (const id of booleanAnswerIds)
      expect(
        triageRules.some((r) => mentions(r, id)),
        id,
      ).toBe(true);
  });
});
