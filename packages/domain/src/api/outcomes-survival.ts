/** Surgery-free survival per treatment kind (Kaplan–Meier), with its funnel. */
import { z } from "zod";
import { CohortCaption, dataAsOf, FunnelStep } from "./outcomes-shared";

export const SurvivalPoint = z.object({
  day: z.number(),
  survival: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  atRisk: z.number().int(),
  events: z.number().int(),
});
export type SurvivalPoint = z.infer<typeof SurvivalPoint>;

const MedianDays = z.object({
  estimate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

export const SurvivalGroup = z.object({
  treatmentKind: z.string(),
  n: z.number().int(),
  events: z.number().int(),
  censored: z.number().int(),
  suppressed: z.boolean(),
  /** The curve from day 0, one point per day with a surgery, ending where fewer than the minimum remain at risk. */
  curve: z.array(SurvivalPoint),
  /** Median time to surgery in days; estimate null = not reached. */
  median: MedianDays.nullable(),
  /** Surgery-free at 12 months, with its 95% interval; null when the curve does not reach 12 months. */
  at12Months: z
    .object({ survival: z.number(), lower: z.number().nullable(), upper: z.number().nullable() })
    .nullable(),
  /** Numbers still at risk (surgery-free and followed) at these months. */
  atRisk: z.array(z.object({ month: z.number().int(), n: z.number().int() })),
  /** Median follow-up in days (reverse Kaplan–Meier); null when suppressed or not reached. */
  medianFollowUpDays: z.number().nullable(),
});
export type SurvivalGroup = z.infer<typeof SurvivalGroup>;

export const SurvivalReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  definition: z.string(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  minimumCell: z.number().int(),
  funnel: z.array(FunnelStep),
  groups: z.array(SurvivalGroup),
  logRank: z
    .object({
      chiSquare: z.number(),
      df: z.number().int(),
      p: z.number(),
      groups: z.array(
        z.object({
          treatmentKind: z.string(),
          n: z.number().int(),
          observed: z.number(),
          expected: z.number(),
        }),
      ),
    })
    .nullable(),
  notes: z.array(z.string()),
});
export type SurvivalReport = z.infer<typeof SurvivalReport>;
