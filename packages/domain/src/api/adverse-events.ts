/** Adverse events: the patient's problem report and the clinic's record with its reporting clock. */
import { z } from "zod";
import { problemSymptoms } from "../adverse-events/patient-report";
import { aeKinds, aeOutcomes, relatedness, seriousnessCriteria } from "../adverse-events/rules";
import { isoDate, optionalText, uuid } from "./common";
import { changeFields } from "./records";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => (iss.input === undefined ? "is required" : `must be one of ${values.join(", ")}`),
  });

export const ProblemReportCreate = z.strictObject({
  symptoms: z
    .array(oneOf(problemSymptoms), { error: "must be a list of symptoms" })
    .min(1, "choose at least one")
    .refine((l) => new Set(l).size === l.length, "lists a symptom twice"),
  details: optionalText(2000),
  onsetDate: isoDate,
});
export type ProblemReportCreate = z.input<typeof ProblemReportCreate>;

export const ProblemReportResult = z.object({
  id: z.string(),
  urgent: z.boolean(),
  advice: z.object({ title: z.string(), text: z.string(), certainty: z.string() }),
  taskId: z.string().nullable(),
});
export type ProblemReportResult = z.infer<typeof ProblemReportResult>;

export const ProblemReportView = z.object({
  id: z.string(),
  symptoms: z.array(z.string()),
  details: z.string().nullable(),
  onsetDate: z.string(),
  urgent: z.boolean(),
  reportedAt: z.string(),
  adverseEventId: z.string().nullable(),
});
export type ProblemReportView = z.infer<typeof ProblemReportView>;

export const AdverseEventCreate = z.strictObject({
  kind: oneOf(aeKinds),
  onsetDate: isoDate,
  /** CTCAE grade. */
  severity: z
    .number({
      error: (iss) => (iss.input === undefined ? "is required" : "must be a CTCAE grade from 1 to 5"),
    })
    .int("must be a CTCAE grade from 1 to 5")
    .min(1, "must be a CTCAE grade from 1 to 5")
    .max(5, "must be a CTCAE grade from 1 to 5"),
  seriousness: z
    .array(oneOf(seriousnessCriteria), { error: "must be a list of ICH E2A criteria (empty: not serious)" })
    .refine((l) => new Set(l).size === l.length, "lists a criterion twice"),
  relatedness: oneOf(relatedness).nullable(),
  expected: z.boolean({ error: "must be true, false or null (not yet assessed)" }).nullable(),
  outcome: oneOf(aeOutcomes),
  actions: optionalText(2000),
  description: optionalText(2000),
  treatmentId: uuid.optional(),
  /** The patient's report this event is recorded from. */
  problemReportId: uuid.optional(),
});
export type AdverseEventCreate = z.input<typeof AdverseEventCreate>;

/**
 * The whole event as it should now read (PUT), with the version it was edited from and why:
 * follow-up is incremental (outcome, grade, seriousness, relatedness, actions change).
 */
export const AdverseEventUpdate = AdverseEventCreate.omit({ problemReportId: true }).extend(changeFields);
export type AdverseEventUpdate = z.input<typeof AdverseEventUpdate>;

export const AdverseEventView = z.object({
  id: z.string(),
  patientId: z.string(),
  treatmentId: z.string().nullable(),
  kind: z.string(),
  onsetDate: z.string(),
  awareDate: z.string(),
  severity: z.number(),
  serious: z.boolean(),
  seriousness: z.array(z.string()),
  relatedness: z.string().nullable(),
  expected: z.boolean().nullable(),
  outcome: z.string(),
  actions: z.string().nullable(),
  description: z.string().nullable(),
  source: z.string(),
  clock: z.object({
    required: z.boolean(),
    days: z.number().nullable(),
    /** Day 0: the day the clinic learned the event qualified as it is now classified. */
    startDate: z.string(),
    dueDate: z.string().nullable(),
    reason: z.string(),
    status: z.enum(["not-required", "due", "overdue", "submitted"]),
    submittedAt: z.string().nullable(),
  }),
  createdAt: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type AdverseEventView = z.infer<typeof AdverseEventView>;

export const AdverseEventList = z.object({ items: z.array(AdverseEventView) });
export const PatientAdverseEvents = z.object({
  items: z.array(AdverseEventView),
  problemReports: z.array(ProblemReportView),
});
export type PatientAdverseEvents = z.infer<typeof PatientAdverseEvents>;
