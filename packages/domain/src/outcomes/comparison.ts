/**
 * The adjusted comparison of two treatments (target-trial emulation with inverse-probability-of-
 * treatment weighting; Hernán & Robins, "Causal Inference: What If", ch. 12):
 *
 * 1. who enters and the covariates: ./comparison-population;
 * 2. propensity score: logistic regression of "got the treatment" on the covariates;
 * 3. stabilised weights, truncated at the chosen percentiles (Cole & Hernán 2008);
 * 4. balance: standardized mean differences before and after weighting (|SMD| < 0.1 is the usual
 *    mark of adequate balance; Austin 2009);
 * 5. effects: weighted difference in mean change and in responder share (treatment − comparator)
 *    with robust sandwich 95% intervals, next to the unweighted ones;
 * 6. E-values (VanderWeele & Ding 2017): how strong an unmeasured confounder would have to be.
 *
 * Every statistic is the library's (stats/), checked against R. This module decides only what
 * enters, refuses what cannot be estimated, and says in plain words what the result cannot show.
 */
import type {
  ComparisonArm,
  ComparisonReport,
  Effect,
  MissingRange,
  TruncationChoice,
} from "../api/outcomes";
import { treatmentKind } from "../catalogue/treatments";
import { badRequest, isEvidentError } from "../errors";
import { timepointLabel } from "../pathway/schedule";
import {
  eValueForRiskRatio,
  eValueForStandardizedDifference,
  inverseProbabilityWeights,
  mean,
  propensityScores,
  standardizedMeanDifferences,
  weightedMeanDifference,
  weightedResponderEffect,
} from "../stats";
import { type AnalysedSet, analysedSet, type ComparisonCandidate } from "./comparison-population";
import { findMeasure, measureShortTitle } from "./measures";
import { missingDataRange } from "./missing-data";
import { isResponse, responderRule } from "./summary";

/** Fewest analysed patients per arm: below this a propensity model with ~8 covariates is not credible. */
export const MINIMUM_PER_ARM = 20;

export type ComparisonRequest = {
  treatment: string;
  comparator: string;
  instrument: string;
  timepoint: string;
  truncate: TruncationChoice;
  /** A filtered view (a cohort): a refusal does not say counts of 1 to 10 (./small-cells). */
  cohort?: boolean;
};

/**
 * Why a measure cannot be compared, or null: the comparison reports responder shares beside the
 * mean change, so it needs a change measure with a cited responder threshold.
 */
export function uncomparableMeasure(measureId: string): string | null {
  const m = findMeasure(measureId);
  if (m?.analysis !== "change") return "is not a change measure";
  if (m.responder === null)
    return `${m.title} has no cited responder threshold, so responder shares cannot be compared; choose a measure with one`;
  return null;
}

const truncation: Record<TruncationChoice, { lower: number; upper: number } | undefined> = {
  none: undefined,
  "p1-p99": { lower: 0.01, upper: 0.99 },
  "p5-p95": { lower: 0.05, upper: 0.95 },
};

const label = (kind: string) => treatmentKind(kind)?.label ?? kind;

function effectOf(e: { estimate: number; se: number; lower: number; upper: number }): Effect {
  return { estimate: e.estimate, se: e.se, lower: e.lower, upper: e.upper };
}

/** Kish's effective sample size of one arm. */
function effectiveN(weights: readonly number[], treated: readonly boolean[], arm: boolean): number {
  let sum = 0;
  let squares = 0;
  weights.forEach((w, i) => {
    if (treated[i] !== arm) return;
    sum += w;
    squares += w * w;
  });
  return squares > 0 ? (sum * sum) / squares : 0;
}

function refuseSmallArms(set: AnalysedSet, request: ComparisonRequest): void {
  const issues = (["treatment", "comparator"] as const).flatMap((arm) => {
    const n = set.treated.filter((t) => t === (arm === "treatment")).length;
    if (n >= MINIMUM_PER_ARM) return [];
    const kind = request[arm];
    const treated = set.funnels[arm][0]?.n ?? 0;
    const answer = `${timepointLabel(request.timepoint)} ${measureShortTitle(request.instrument)}`;
    const how = request.cohort
      ? `fewer than ${MINIMUM_PER_ARM} patients of this cohort whose first treatment was ${label(kind)} can be analysed`
      : `only ${n} of the ${treated} patients whose first treatment was ${label(kind)} can be analysed`;
    return [
      {
        path: arm,
        message: `${how} (a condition in which both treatments were given, a baseline and a ${answer} answer); at least ${MINIMUM_PER_ARM} are needed`,
      },
    ];
  });
  if (issues.length > 0) throw badRequest(issues);
}

function fitWeights(set: AnalysedSet, request: ComparisonRequest): { weights: number[]; converged: boolean } {
  const covariates = Object.fromEntries(set.covariates.map((c) => [c.name, c.values]));
  try {
    const { scores, model } = propensityScores(set.treated, covariates);
    const weights = inverseProbabilityWeights(set.treated, scores, {
      truncate: truncation[request.truncate],
    });
    return { weights, converged: model.converged };
  } catch (e) {
    if (!isEvidentError(e)) throw e;
    throw badRequest(
      `the propensity model could not be fitted (${e.message}): the patients given ${label(request.treatment)} and ${label(request.comparator)} barely overlap in their baseline characteristics`,
      "comparator",
    );
  }
}

export function compareTreatments(
  candidates: readonly ComparisonCandidate[],
  request: ComparisonRequest,
  today: string,
): Omit<ComparisonReport, "generatedAt" | "asOf" | "dataAsOf" | "cohort"> {
  const { instrument } = request;
  const uncomparable = uncomparableMeasure(instrument);
  if (uncomparable) throw badRequest(uncomparable, "instrument");
  const set = analysedSet(candidates, instrument, today);
  refuseSmallArms(set, request);
  const { treated } = set;
  const change = set.followUp.map((a, i) => a - (set.baseline[i] as number));
  const responded = set.followUp.map((a, i) => isResponse(instrument, set.baseline[i] as number, a));
  const { weights, converged } = fitWeights(set, request);
  const ones = treated.map(() => 1);

  const covariates = Object.fromEntries(set.covariates.map((c) => [c.name, c.values]));
  const smd = standardizedMeanDifferences(treated, covariates, weights);
  const balance = set.covariates.map((c, j) => {
    const row = smd[j] as { before: number; after: number | null };
    const armMean = (arm: boolean) => mean(c.values.filter((_, i) => treated[i] === arm));
    return {
      covariate: c.name,
      label: c.label,
      treatmentMean: armMean(true),
      comparatorMean: armMean(false),
      before: row.before,
      after: row.after as number,
    };
  });

  if (balance.some((b) => !Number.isFinite(b.before) || !Number.isFinite(b.after))) {
    throw badRequest(
      `a baseline characteristic separates the patients given ${label(request.treatment)} from those given ${label(request.comparator)} completely, so they cannot be compared`,
      "comparator",
    );
  }

  const crude = weightedMeanDifference(change, treated, ones);
  const adjusted = weightedMeanDifference(change, treated, weights);
  const crudeResponders = weightedResponderEffect(responded, treated, ones);
  const adjustedResponders = weightedResponderEffect(responded, treated, weights);
  const rr = adjustedResponders.riskRatio;

  const arm = (which: boolean): ComparisonArm => {
    const kind = which ? request.treatment : request.comparator;
    const n = treated.filter((t) => t === which).length;
    const responders = responded.filter((r, i) => r && treated[i] === which).length;
    const key = which ? "treatment" : "comparator";
    return {
      treatmentKind: kind,
      n,
      effectiveN: effectiveN(weights, treated, which),
      meanChange: mean(change.filter((_, i) => treated[i] === which)),
      weightedMeanChange: which ? adjusted.treatedMean : adjusted.untreatedMean,
      responders,
      responderShare: responders / n,
      responderRange: missingDataRange(
        responders,
        n,
        set.funnels[key].find((f) => f.step === "due")?.n ?? n,
      ) as MissingRange,
      weightedResponderShare: which ? adjustedResponders.treatedRisk : adjustedResponders.untreatedRisk,
      funnel: set.funnels[key],
      completeness: set.completeness[key],
    };
  };

  const imbalanced = balance.filter((b) => Math.abs(b.after) >= 0.1).map((b) => b.label);
  return {
    treatment: request.treatment,
    comparator: request.comparator,
    instrument,
    timepoint: request.timepoint,
    responderRule: responderRule(instrument),
    population: populationText(request, set.conditions),
    minimumPerArm: MINIMUM_PER_ARM,
    weights: {
      method: "stabilised inverse probability of treatment weights from a logistic propensity model",
      truncate: request.truncate,
      min: Math.min(...weights),
      max: Math.max(...weights),
    },
    arms: [arm(true), arm(false)],
    balance,
    meanDifference: {
      unadjusted: effectOf(crude.difference),
      adjusted: effectOf(adjusted.difference),
      standardized: adjusted.standardized,
      eValue: eValueForStandardizedDifference(adjusted.standardized.estimate, adjusted.standardized),
    },
    responderDifference: {
      unadjusted: effectOf(crudeResponders.riskDifference),
      adjusted: effectOf(adjustedResponders.riskDifference),
      riskRatio: rr,
      eValue: rr ? eValueForRiskRatio(rr.estimate, rr) : null,
    },
    notes: comparisonNotes(request, set, { converged, imbalanced }),
  };
}

function populationText(request: ComparisonRequest, conditions: readonly string[]): string {
  return `Episodes whose first recorded treatment was ${label(request.treatment)} or ${label(request.comparator)} (time zero: that treatment's date), in the ${conditions.length} condition${conditions.length === 1 ? "" : "s"} where both were given, with a baseline and a ${timepointLabel(request.timepoint)} answer given before any later treatment.`;
}

function comparisonNotes(
  request: ComparisonRequest,
  set: AnalysedSet,
  fit: { converged: boolean; imbalanced: string[] },
): string[] {
  const a = label(request.treatment);
  const b = label(request.comparator);
  const notes = [
    `Patients given ${a} are compared with patients given ${b} after weighting them so that the measured baseline characteristics balance: ${set.covariates.map((c) => c.label.toLowerCase()).join(", ")}.`,
    "This cannot adjust for what was not measured, such as imaging findings, expectations or why a treatment was chosen. The E-value says how strongly an unmeasured factor would have to be linked to both the treatment and the outcome to explain the difference away.",
    "Only patients who answered at this timepoint are compared. Missed follow-ups, and follow-ups ended by a later treatment such as surgery, are left out (see each funnel): if people who did badly drop out more from one group, the comparison flatters that group.",
    "Intervals are 95% robust (sandwich) intervals that treat the weights as known, which for these weights errs on the wide side.",
  ];
  for (const kind of [request.treatment, request.comparator]) {
    const note = treatmentKind(kind)?.regulatoryNote;
    if (note) notes.push(`${label(kind)}: ${note}`);
  }
  if (fit.imbalanced.length > 0)
    notes.push(
      `Still imbalanced after weighting (|SMD| ≥ 0.1): ${fit.imbalanced.join(", ")}. The adjusted difference is less trustworthy.`,
    );
  if (!fit.converged)
    notes.push(
      "The propensity model did not converge: the two groups barely overlap, so the weights are unstable.",
    );
  return notes;
}
