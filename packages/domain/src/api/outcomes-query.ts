/** Query parameters of the outcomes views: a cohort, and the measure, timepoint and treatments asked for. */
import { z } from "zod";
import { treatmentKindIds } from "../catalogue/treatments";
import { uncomparableMeasure } from "../outcomes/comparison";
import { outcomeMeasures } from "../outcomes/measures";
import { defaultInstruments, timepoints } from "../pathway/schedule";
import { CohortQuery } from "./cohort-query";

const timepointIdList = timepoints.map((t) => t.id) as [string, ...string[]];
const instrumentIdList = [...defaultInstruments] as [string, ...string[]];
const oneOf = (ids: readonly string[]) => ({ error: `must be one of: ${ids.join(", ")}` });

export const outcomeInstrument = z.enum(instrumentIdList, oneOf(instrumentIdList));
/** The measures with a change from baseline (domain/outcomes/measures): what a distribution or comparison is drawn for. */
export const changeMeasureIds = outcomeMeasures.filter((m) => m.analysis === "change").map((m) => m.id) as [
  string,
  ...string[],
];
/** Query parameter `instrument` (its public name) of the distribution and the comparison: any change measure. */
export const changeMeasure = z
  .enum(changeMeasureIds, oneOf(changeMeasureIds))
  .describe(
    "An outcome measure with a change from baseline: an instrument's score (odi, nrs_back, nrs_leg, rmdq, peg, eq5d5l) or a sub-score (promis29.pain_interference, eq5d5l.index_us, …).",
  );
export const outcomeTimepoint = z.enum(timepointIdList, oneOf(timepointIdList));
export const outcomeTreatment = z.enum(treatmentKindIds, oneOf(treatmentKindIds));

const measureIdList = outcomeMeasures.map((m) => m.id);

/** A comma-separated list of outcome measure ids (domain/outcomes/measures); absent: back pain and ODI. */
export const OutcomesReportQuery = CohortQuery.extend({
  measures: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const ids = value.split(",");
      for (const id of ids)
        if (!measureIdList.includes(id))
          ctx.addIssue({ code: "custom", message: `"${id}" ${oneOf(measureIdList).error}` });
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: "custom", message: "names a measure twice" });
    })
    .describe(
      `Comma-separated outcome measures, in the order wanted (e.g. nrs_back,odi,promis29.pain_interference,eq5d5l.index_us,pgic); default ${defaultInstruments.join(",")}.`,
    ),
});
export type OutcomesReportQuery = z.infer<typeof OutcomesReportQuery>;

/** The measures a report query asks for, in its order. */
export const reportMeasures = (q: OutcomesReportQuery): readonly string[] =>
  q.measures === undefined ? defaultInstruments : q.measures.split(",");

export const DistributionQuery = CohortQuery.extend({
  instrument: changeMeasure.default("odi"),
  timepoint: outcomeTimepoint.default("12m"),
});
export type DistributionQuery = z.infer<typeof DistributionQuery>;

export const TruncationChoice = z.enum(["none", "p1-p99", "p5-p95"], oneOf(["none", "p1-p99", "p5-p95"]));
export type TruncationChoice = z.infer<typeof TruncationChoice>;

export const ComparisonQuery = CohortQuery.extend({
  treatment: outcomeTreatment,
  comparator: outcomeTreatment,
  instrument: changeMeasure.default("odi"),
  timepoint: outcomeTimepoint.default("12m"),
  truncate: TruncationChoice.default("p1-p99"),
}).superRefine((q, ctx) => {
  if (q.treatment === q.comparator)
    ctx.addIssue({ code: "custom", path: ["comparator"], message: "must differ from the treatment" });
  const uncomparable = uncomparableMeasure(q.instrument);
  if (uncomparable) ctx.addIssue({ code: "custom", path: ["instrument"], message: uncomparable });
});
export type ComparisonQuery = z.infer<typeof ComparisonQuery>;

/** Surgery-free survival takes only a cohort. */
export const SurvivalQuery = CohortQuery;
export type SurvivalQuery = CohortQuery;
