import { describe, expect, it } from "vitest";
import { isEvidentError } from "../errors";
import {
  eValueForStandardizedDifference,
  inverseProbabilityWeights,
  propensityScores,
  seededRandom,
  weightedMeanDifference,
} from "../stats";
import { type ComparisonRequest, compareTreatments, MINIMUM_PER_ARM } from "./comparison";
import { analysedSet, type ComparisonCandidate } from "./comparison-population";

const TODAY = "2026-06-01";
const request: ComparisonRequest = {
  treatment: "bone_marrow_concentrate",
  comparator: "exercise_physiotherapy",
  instrument: "odi",
  timepoint: "12m",
  truncate: "p1-p99",
};

const answered = {
  windowStart: "2026-01-01",
  windowEnd: "2026-02-12",
  completedAt: "2026-01-20",
  cancelledAt: null,
  ended: false,
};

function candidate(p: Partial<ComparisonCandidate>): ComparisonCandidate {
  return {
    arm: "treatment",
    treatmentDate: "2025-01-01",
    birthDate: "1975-06-01",
    sex: "female",
    condition: "degenerative_disc_disease",
    onsetDate: "2022-01-01",
    baseline: 40,
    followUp: answered,
    score: 30,
    ...p,
  };
}

/**
 * A registry with confounding and no treatment effect: older patients are more often given the
 * injection, and every year of age costs 0.4 points of improvement, whatever the treatment.
 */
function confounded(n: number, seed: number): ComparisonCandidate[] {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const age = 30 + Math.floor(rng.next() * 45);
    const treated = rng.next() < 1 / (1 + Math.exp(-(age - 52) / 6));
    const baseline = 30 + Math.round(rng.next() * 30);
    const change = -15 + 0.4 * (age - 30) + (rng.next() - 0.5) * 16;
    return candidate({
      arm: treated ? "treatment" : "comparator",
      birthDate: `${2024 - age}-0${1 + (i % 9)}-15`,
      sex: rng.next() < 0.55 ? "female" : "male",
      condition: rng.next() < 0.6 ? "degenerative_disc_disease" : "facet_arthropathy",
      onsetDate: rng.next() < 0.1 ? null : `20${10 + Math.floor(rng.next() * 14)}-03-01`,
      baseline,
      score: Math.max(0, Math.min(100, baseline + change)),
    });
  });
}

describe("adjusted comparison of two treatments", () => {
  const data = confounded(400, 11);
  const result = compareTreatments(data, request, TODAY);

  it("removes most of the confounding by age that the crude difference carries", () => {
    const crude = result.meanDifference.unadjusted.estimate;
    const adjusted = result.meanDifference.adjusted;
    expect(Math.abs(crude)).toBeGreaterThan(3);
    expect(Math.abs(adjusted.estimate)).toBeLessThan(Math.abs(crude) / 3);
    expect(adjusted.lower).toBeLessThan(0);
    expect(adjusted.upper).toBeGreaterThan(0);
    const age = result.balance.find((b) => b.covariate === "age")!;
    expect(Math.abs(age.before)).toBeGreaterThan(0.5);
    expect(Math.abs(age.after)).toBeLessThan(0.1);
  });

  it("computes the weights and effects with the library's functions, on the covariates it lists", () => {
    const set = analysedSet(data, "odi", TODAY);
    const covariates = Object.fromEntries(set.covariates.map((c) => [c.name, c.values]));
    expect(Object.keys(covariates)).toEqual([
      "age",
      "female",
      "baseline",
      "duration",
      "durationUnknown",
      "condition:facet_arthropathy",
    ]);
    const { scores } = propensityScores(set.treated, covariates);
    const weights = inverseProbabilityWeights(set.treated, scores, {
      truncate: { lower: 0.01, upper: 0.99 },
    });
    const change = set.followUp.map((a, i) => a - (set.baseline[i] as number));
    const expected = weightedMeanDifference(change, set.treated, weights);
    expect(result.meanDifference.adjusted).toEqual(expected.difference);
    expect(result.meanDifference.eValue).toEqual(
      eValueForStandardizedDifference(expected.standardized.estimate, expected.standardized),
    );
    expect(result.weights).toMatchObject({ min: Math.min(...weights), max: Math.max(...weights) });
    const [a, b] = result.arms;
    expect(a.n + b.n).toBe(400);
    expect(a.effectiveN).toBeLessThanOrEqual(a.n);
  });

  it("gives each arm's responder share with the range its missing patients could move it over", () => {
    // Ten more injections due at 12 months without an answer: missing from the analysis, not from the range.
    const missed = Array.from({ length: 10 }, () =>
      candidate({ score: null, followUp: { ...answered, completedAt: null } }),
    );
    const [arm] = compareTreatments([...data, ...missed], request, TODAY).arms;
    const due = arm.funnel.find((f) => f.step === "due")!.n;
    expect(due).toBe(arm.n + 10);
    expect(arm.responderRange).toEqual({
      due,
      missing: 10,
      lower: arm.responders / due,
      upper: (arm.responders + 10) / due,
    });
  });

  it("says what it cannot show, and that a cell therapy is investigational", () => {
    expect(result.notes.join(" ")).toMatch(/cannot adjust for what was not measured/);
    expect(result.notes.join(" ")).toMatch(/Bone-marrow concentrate injection: Investigational/);
    expect(result.notes.join(" ")).toMatch(/Missed follow-ups, and follow-ups ended by a later treatment/);
  });

  it("refuses, naming the arm and the minimum, when too few patients can be analysed", () => {
    const few = [
      ...Array.from({ length: 30 }, () => candidate({ arm: "comparator" })),
      ...Array.from({ length: 12 }, () => candidate({ arm: "treatment" })),
    ];
    let error: unknown;
    try {
      compareTreatments(few, request, TODAY);
    } catch (e) {
      error = e;
    }
    expect(isEvidentError(error) && error.issues).toEqual([
      {
        path: "treatment",
        message: `only 12 of the 12 patients whose first treatment was Bone-marrow concentrate injection can be analysed (a condition in which both treatments were given, a baseline and a 12 months ODI answer); at least ${MINIMUM_PER_ARM} are needed`,
      },
    ]);
  });
});

describe("who enters the comparison", () => {
  it("counts each arm down the funnel and keeps only conditions where both treatments were given", () => {
    const five = (p: Partial<ComparisonCandidate>) => Array.from({ length: 5 }, () => candidate(p));
    const set = analysedSet(
      [
        ...five({ arm: "treatment" }),
        ...five({ arm: "comparator" }),
        ...five({ arm: "comparator", condition: "spinal_stenosis" }), // nobody got the treatment for this
        candidate({ arm: "treatment", followUp: { ...answered, ended: true } }), // surgery first
        candidate({ arm: "treatment", followUp: { ...answered, completedAt: null } }), // missed
        candidate({
          arm: "treatment",
          followUp: { ...answered, windowEnd: "2026-07-01", completedAt: null },
        }),
        candidate({ arm: "treatment", score: null }), // answered, but not this questionnaire
        candidate({ arm: "treatment", baseline: null }),
      ],
      "odi",
      TODAY,
    );
    expect(set.conditions).toEqual(["degenerative_disc_disease"]);
    expect(set.funnels.treatment.map((s) => [s.step, s.n])).toEqual([
      ["treated", 10],
      ["eligible", 10],
      ["due", 8],
      ["responded", 6],
      ["analysed", 5],
    ]);
    expect(set.funnels.comparator.map((s) => s.n)).toEqual([10, 5, 5, 5, 5]);
    // Completeness counts closed windows only: 7 answered (5 + no-ODI + no-baseline), 1 missed.
    expect(set.completeness.treatment).toMatchObject({ closed: 8, responded: 7 });
    expect(set.treated.filter(Boolean)).toHaveLength(5);
  });
});
