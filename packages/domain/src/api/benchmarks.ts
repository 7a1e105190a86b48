/**
 * The clinic benchmarking API (outcomes/benchmarking.ts): one measure's funnel plot over the
 * network. Aggregates only: per clinic its analysed n, observed and expected counts and limits,
 * under a stable label; a name only where the viewer may see it (their own clinic, or a clinic
 * whose administrators agreed to be named to researchers).
 */
import { z } from "zod";
import { CohortQuery } from "./cohort-query";
import { CohortCaption } from "./outcomes";

export const benchmarkMeasures = ["odi", "nrs_back", "surgery"] as const;

/**
 * A cohort narrows every clinic's patients; `clinicIds` picks which clinics are shown, while the
 * model and the limits still come from every clinic's patients of the cohort.
 */
export const BenchmarkQuery = CohortQuery.extend({
  measure: z
    .enum(benchmarkMeasures, { error: `must be one of: ${benchmarkMeasures.join(", ")}` })
    .default("odi"),
});
export type BenchmarkQuery = z.infer<typeof BenchmarkQuery>;

const Limits = {
  lower95: z.number(),
  upper95: z.number(),
  lower998: z.number(),
  upper998: z.number(),
};

export const BenchmarkClinic = z.object({
  /** "Clinic C": stable, given by a fixed random order of the clinics (not by name or size). */
  label: z.string(),
  /** The clinic's name where the viewer may see it; otherwise null. */
  name: z.string().nullable(),
  /** The viewer's own clinic. */
  own: z.boolean(),
  n: z.number().int(),
  observed: z.number().int(),
  expected: z.number(),
  ratio: z.number(),
  ...Limits,
  outside95: z.boolean(),
  outside998: z.boolean(),
});
export type BenchmarkClinic = z.infer<typeof BenchmarkClinic>;

export const BenchmarkReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  measure: z.enum(benchmarkMeasures),
  /** Null: unfiltered. */
  cohort: CohortCaption.nullable(),
  label: z.string(),
  definition: z.string(),
  adjustment: z.string(),
  /** Clinics with fewer analysed patients are in the model and counted, not plotted. */
  minimumPerClinic: z.number().int(),
  analysed: z.number().int(),
  /** Share with the outcome over the network; null under the small-cell minimum. */
  networkRate: z.number().nullable(),
  clinicsInModel: z.number().int(),
  clinicsBelowMinimum: z.number().int(),
  /** Who the names are shown for: the viewer's clinic, or researchers. */
  viewer: z.enum(["clinic", "researcher"]),
  /** Which clinics are named for this viewer, in words. */
  namingRule: z.string(),
  model: z
    .array(
      z.object({ name: z.string(), label: z.string(), estimate: z.number(), se: z.number(), p: z.number() }),
    )
    .nullable(),
  clinics: z.array(BenchmarkClinic),
  /** The control limits as curves over the expected count (for drawing). */
  curve: z.array(z.object({ expected: z.number(), ...Limits })),
  notes: z.array(z.string()),
});
export type BenchmarkReport = z.infer<typeof BenchmarkReport>;
