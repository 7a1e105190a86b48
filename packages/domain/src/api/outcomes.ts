import { z } from "zod";

const Interval = z.tuple([z.number(), z.number()]).nullable();

export const MeasureSummary = z.object({
  instrument: z.string(),
  /** Patients with both a baseline and this timepoint. */
  n: z.number().int(),
  baselineMean: z.number().nullable(),
  followUpMean: z.number().nullable(),
  /** Follow-up minus baseline: negative means improvement for pain and disability. */
  meanChange: z.number().nullable(),
  meanChangeCI: Interval,
  responders: z.number().int(),
  responderShare: z.number().nullable(),
  responderShareCI: Interval,
  responderRule: z.string(),
});
export type MeasureSummary = z.infer<typeof MeasureSummary>;

export const OutcomeRow = z.object({
  treatmentKind: z.string(),
  timepoint: z.string(),
  /** Follow-ups whose window has opened. */
  due: z.number().int(),
  responded: z.number().int(),
  /** Due, window closed, no answer. */
  missed: z.number().int(),
  /** Due, window still open, no answer yet. */
  pending: z.number().int(),
  measures: z.array(MeasureSummary),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

export const OutcomesReport = z.object({
  generatedAt: z.string(),
  asOf: z.string(),
  patients: z.number().int(),
  rows: z.array(OutcomeRow),
  notes: z.array(z.string()),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;
