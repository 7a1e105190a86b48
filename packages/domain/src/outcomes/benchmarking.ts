/**
 * Clinic benchmarking: each clinic's outcome beside what its own case mix predicts, on a funnel
 * plot (Spiegelhalter 2005, Stat Med 24:1185; stats/funnel.ts), as spine registries publish them.
 *
 * - Unit: an episode's first recorded treatment (time zero), in the clinic that gave it.
 * - Measures, with the outcomes report's own definitions (no new thresholds):
 *   - responder at 12 months on the ODI, and on back pain (NRS): the first treatment's 12-month
 *     follow-up answered with the instrument before any later treatment, with a baseline score
 *     for the treatment; a responder by the instrument's rule (./summary `isResponse`: ODI ≥ 10
 *     points or ≥ 30 %, NRS ≥ 2 points or ≥ 30 %; Ostelo 2008). Follow-ups missed or ended by a
 *     later treatment are not imputed (as in the comparison, ./comparison-population);
 *   - surgery within 12 months: first treatments that were not an operation, given at least 365
 *     days before today, with a baseline ODI; the event is a discectomy or fusion recorded later
 *     in the same episode within 365 days (the survival analysis's event, ./survival).
 * - Risk model, fitted on every clinic's patients pooled: age, sex, baseline severity (the
 *   measure's instrument; the ODI for surgery), condition (indicators against the commonest) and
 *   STarT Back group (medium, high and "not answered" against low). Columns that do not vary are
 *   left out.
 * - Clinics with fewer than MINIMUM_PER_CLINIC analysed patients are in the model and counted,
 *   but not plotted.
 *
 * What it cannot show: case mix beyond these covariates, and patients who were not followed up.
 * A point outside the limits is a reason to look, not a verdict.
 */

import type { benchmarkMeasures } from "../api/benchmarks";
import { conditionLabel } from "../catalogue/conditions";
import { isSurgery } from "../catalogue/treatments";
import { ageOn, daysBetween, type IsoDate } from "../dates";
import { isEvidentError } from "../errors";
import type { StartBackGroup } from "../instruments/startback";
import { followUpStatus } from "../pathway/schedule";
import { type Covariates, FUNNEL_Z95, FUNNEL_Z998, funnelLimits, funnelPlot } from "../stats";
import type { ComparisonCandidate } from "./comparison-population";
import { MINIMUM_CELL } from "./small-cells";
import { isResponse, responderRule } from "./summary";

/**
 * Fewest analysed patients for a clinic to be plotted: 20. Never under the small-cell rule's 11
 * (./small-cells). Above it because the limits are the normal approximation, which is poor when
 * the expected count is small (Spiegelhalter 2005 points to exact limits there): at 11 patients
 * and a 70% responder rate the 95% limits already span about 0.6 to 1.4, so a point could hardly
 * fall outside them and the plot would only show noise.
 */
export const MINIMUM_PER_CLINIC = 20;

/** Clinics that must be plotted for a comparison to mean anything. */
export const MINIMUM_CLINICS = 2;

export type BenchmarkMeasure = (typeof benchmarkMeasures)[number];

export type BenchmarkCandidate = {
  clinicId: string;
  kind: string;
  treatmentDate: IsoDate;
  birthDate: IsoDate;
  sex: string;
  condition: string;
  startBack: StartBackGroup | null;
  /** Latest scores in the 180 days up to the first treatment (never a late baseline). */
  baseline: { odi: number | null; nrs_back: number | null };
  /** The first treatment's 12-month follow-up; null when none was scheduled. */
  followUp: ComparisonCandidate["followUp"];
  /** Answers at that follow-up, before any later treatment. */
  score: { odi: number | null; nrs_back: number | null };
  /** Days from the first treatment to the first later operation in the episode; null: none. */
  surgeryDays: number | null;
};

export const benchmarkDefinitions: Record<BenchmarkMeasure, { label: string; definition: string }> = {
  odi: {
    label: "Responders at 12 months (ODI)",
    definition: `First treatments of an episode whose 12-month follow-up was answered with the ODI before any later treatment, with a baseline ODI; a responder ${responderRule("odi")}.`,
  },
  nrs_back: {
    label: "Responders at 12 months (back pain)",
    definition: `First treatments of an episode whose 12-month follow-up was answered with the back-pain rating before any later treatment, with a baseline rating; a responder ${responderRule("nrs_back")}.`,
  },
  surgery: {
    label: "Surgery within 12 months",
    definition:
      "First treatments that were not an operation, given at least 365 days ago, with a baseline ODI; the event is a discectomy or fusion recorded later in the same episode within 365 days. Operations elsewhere are not seen.",
  },
};

export const BENCHMARK_ADJUSTMENT =
  "Expected counts come from one logistic model fitted on every clinic's patients: age, sex, baseline severity (the measure's own score; the ODI for surgery), condition and STarT Back group.";

export type BenchmarkRow = { clinicId: string; outcome: 0 | 1; covariates: Record<string, number> };

/** Who is analysed for a measure, and their outcome; the covariates before columns are chosen. */
export function benchmarkRows(
  candidates: readonly BenchmarkCandidate[],
  measure: BenchmarkMeasure,
  today: IsoDate,
): { rows: BenchmarkCandidate[]; outcome: (0 | 1)[]; severity: number[] } {
  const rows: BenchmarkCandidate[] = [];
  const outcome: (0 | 1)[] = [];
  const severity: number[] = [];
  for (const c of candidates) {
    if (measure === "surgery") {
      if (isSurgery(c.kind) || daysBetween(c.treatmentDate, today) < 365 || c.baseline.odi === null) continue;
      rows.push(c);
      outcome.push(c.surgeryDays !== null && c.surgeryDays <= 365 ? 1 : 0);
      severity.push(c.baseline.odi);
      continue;
    }
    const f = c.followUp;
    const before = c.baseline[measure];
    const after = c.score[measure];
    if (f === null || f.ended || followUpStatus(f, today) !== "completed") continue;
    if (before === null || after === null) continue;
    rows.push(c);
    outcome.push(isResponse(measure, before, after) ? 1 : 0);
    severity.push(before);
  }
  return { rows, outcome, severity };
}

export type BenchmarkCovariate = { name: string; label: string };

/** The risk model's columns for these rows, with their labels; constant columns left out. */
export function benchmarkCovariates(
  rows: readonly BenchmarkCandidate[],
  severity: readonly number[],
  measure: BenchmarkMeasure,
): { covariates: Covariates; labels: BenchmarkCovariate[] } {
  const byCondition = new Map<string, number>();
  for (const c of rows) byCondition.set(c.condition, (byCondition.get(c.condition) ?? 0) + 1);
  const reference = [...byCondition.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
  const severityName = measure === "nrs_back" ? "back pain" : "ODI";
  const all: (BenchmarkCovariate & { values: number[] })[] = [
    { name: "age", label: "Age (years)", values: rows.map((c) => ageOn(c.birthDate, c.treatmentDate)) },
    { name: "female", label: "Female", values: rows.map((c) => (c.sex === "female" ? 1 : 0)) },
    { name: "baseline", label: `Baseline ${severityName}`, values: [...severity] },
    ...(["medium", "high"] as const).map((g) => ({
      name: `startback:${g}`,
      label: `STarT Back ${g} risk (against low)`,
      values: rows.map((c) => (c.startBack === g ? 1 : 0)),
    })),
    {
      name: "startback:unknown",
      label: "STarT Back not answered",
      values: rows.map((c) => (c.startBack === null ? 1 : 0)),
    },
    ...[...byCondition.keys()]
      .filter((k) => k !== reference)
      .sort()
      .map((k) => ({
        name: `condition:${k}`,
        label: `Condition: ${conditionLabel(k)}`,
        values: rows.map((c) => (c.condition === k ? 1 : 0)),
      })),
  ];
  const kept = all.filter((cov) => cov.values.some((v) => v !== cov.values[0]));
  return {
    covariates: Object.fromEntries(kept.map((c) => [c.name, c.values])),
    labels: kept.map(({ name, label }) => ({ name, label })),
  };
}

export type BenchmarkPoint = {
  clinicId: string;
  n: number;
  observed: number;
  expected: number;
  ratio: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  outside95: boolean;
  outside998: boolean;
};

export type BenchmarkCurvePoint = {
  expected: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
};

export type Benchmark = {
  measure: BenchmarkMeasure;
  label: string;
  definition: string;
  minimumPerClinic: number;
  /** Patients analysed over every clinic (in the model), and the share with the outcome. */
  analysed: number;
  networkRate: number | null;
  clinicsInModel: number;
  /** Clinics with 1 to MINIMUM_PER_CLINIC − 1 analysed patients: in the model, not plotted. */
  clinicsBelowMinimum: number;
  /** Null when too few clinics reach the minimum to plot (then `points` is empty). */
  model: { name: string; label: string; estimate: number; se: number; p: number }[] | null;
  points: BenchmarkPoint[];
  /** The limits drawn as curves: for an expected count E, V taken as E·(1 − network rate). */
  curve: BenchmarkCurvePoint[];
};

/** The funnel's limits as curves over the expected counts the plot spans. */
export function benchmarkCurve(rate: number, maxExpected: number, steps = 60): BenchmarkCurvePoint[] {
  const top = Math.max(maxExpected * 1.1, 1);
  const from = Math.min(2, top / steps);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const expected = from + ((top - from) * i) / steps;
    const variance = expected * (1 - rate);
    const l95 = funnelLimits(expected, variance, FUNNEL_Z95);
    const l998 = funnelLimits(expected, variance, FUNNEL_Z998);
    return { expected, lower95: l95.lower, upper95: l95.upper, lower998: l998.lower, upper998: l998.upper };
  });
}

/**
 * The funnel, leaving out a column that is collinear with the others (as R's glm reports it NA,
 * "aliased"): with few patients a condition can coincide with another column.
 */
function fitDroppingAliased(units: string[], outcome: number[], covariates: Covariates) {
  const columns: Record<string, readonly number[]> = { ...covariates };
  for (;;) {
    try {
      return funnelPlot(units, outcome, columns);
    } catch (e) {
      const path = isEvidentError(e) ? e.issues[0]?.path : undefined;
      const name = path?.startsWith("covariates.") ? path.slice("covariates.".length) : undefined;
      if (name === undefined || !(name in columns) || !/collinear/.test(e instanceof Error ? e.message : ""))
        throw e;
      delete columns[name];
    }
  }
}

/** One measure's funnel over the network: the pooled model, and the clinics that reach the minimum. */
export function clinicBenchmark(
  candidates: readonly BenchmarkCandidate[],
  measure: BenchmarkMeasure,
  today: IsoDate,
): Benchmark {
  const { rows, outcome, severity } = benchmarkRows(candidates, measure, today);
  const perClinic = new Map<string, number>();
  for (const r of rows) perClinic.set(r.clinicId, (perClinic.get(r.clinicId) ?? 0) + 1);
  const plotted = [...perClinic.values()].filter((n) => n >= MINIMUM_PER_CLINIC).length;
  const events = outcome.reduce<number>((s, y) => s + y, 0);
  const base = {
    measure,
    ...benchmarkDefinitions[measure],
    minimumPerClinic: MINIMUM_PER_CLINIC,
    analysed: rows.length,
    networkRate: rows.length >= MINIMUM_CELL ? events / rows.length : null,
    clinicsInModel: perClinic.size,
    clinicsBelowMinimum: perClinic.size - plotted,
  };
  if (plotted < MINIMUM_CLINICS || events === 0 || events === rows.length)
    return { ...base, model: null, points: [], curve: [] };
  const { covariates, labels } = benchmarkCovariates(rows, severity, measure);
  const fit = fitDroppingAliased(
    rows.map((r) => r.clinicId),
    outcome,
    covariates,
  );
  const label = (name: string) => labels.find((l) => l.name === name)?.label ?? "Intercept";
  const points = fit.units
    .filter((u) => u.n >= MINIMUM_PER_CLINIC)
    .map(({ name, variance: _, ...u }) => ({ clinicId: name, ...u }));
  return {
    ...base,
    model: fit.model.coefficients.map((c) => ({
      name: c.name,
      label: label(c.name),
      estimate: c.estimate,
      se: c.se,
      p: c.p,
    })),
    points,
    curve: benchmarkCurve(events / rows.length, Math.max(...points.map((p) => p.expected))),
  };
}
