/** The outcomes report: change and responders per treatment and timepoint, for each measure asked for. */
import { z } from "zod";
import { CohortCaption, dataAsOf, OutcomeRow } from "./outcomes-shared";

export const OutcomesReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  /** Null in a filtered view whose cohort has 1 to 10 patients (not shown). */
  patients: z.number().int().nullable(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  /** No estimate is given from fewer patients than this (outcomes/small-cells.ts). */
  minimumCell: z.number().int(),
  rows: z.array(OutcomeRow),
  notes: z.array(z.string()),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;
