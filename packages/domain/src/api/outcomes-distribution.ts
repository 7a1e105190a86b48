/** The distribution of change per treatment kind: quantiles, ECDF, improved and worsened shares. */
import { z } from "zod";
import {
  CohortCaption,
  Completeness,
  dataAsOf,
  FunnelStep,
  MissingRange,
  Proportion,
} from "./outcomes-shared";

export const ChangeDistribution = z.object({
  treatmentKind: z.string(),
  n: z.number().int(),
  suppressed: z.boolean(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Type-7 quantiles (R's default) of the change; null when suppressed. */
  quantiles: z
    .object({ p10: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p90: z.number() })
    .nullable(),
  /**
   * Share of patients whose change is at most `change`, at points of a fixed grid where it rose by
   * at least `minimumCell` patients (smaller steps merged), from below the scale's lowest change
   * (share 0) to its highest (share 1); empty when suppressed.
   */
  ecdf: z.array(z.object({ change: z.number(), share: z.number() })),
  improved: Proportion,
  /** The improved share if every missing patient had not improved, and if every one had; null when suppressed. */
  improvedRange: MissingRange.nullable(),
  worsened: Proportion,
  funnel: z.array(FunnelStep),
  completeness: Completeness,
});
export type ChangeDistribution = z.infer<typeof ChangeDistribution>;

export const DistributionReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  dataAsOf,
  instrument: z.string(),
  timepoint: z.string(),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  improvedRule: z.string(),
  worsenedRule: z.string(),
  minimumCell: z.number().int(),
  groups: z.array(ChangeDistribution),
  notes: z.array(z.string()),
});
export type DistributionReport = z.infer<typeof DistributionReport>;
