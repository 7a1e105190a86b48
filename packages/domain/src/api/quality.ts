/**
 * The data-quality report (domain/quality): each rule with what it checks and its count, from the
 * newest stored run. Staff get the records each rule found (ids, with the patient to open);
 * researchers get the counts of every clinic summed, never a record.
 */
import { z } from "zod";
import { qualityRuleIds } from "../quality/rules";
import { uuid } from "./common";

export const QualityQuery = z
  .object({
    /** One rule only. */
    rule: z.enum(qualityRuleIds, { error: `must be one of ${qualityRuleIds.join(", ")}` }).optional(),
  })
  .strict();
export type QualityQuery = z.infer<typeof QualityQuery>;

export const QualityRecord = z.object({
  type: z.enum(["patient", "treatment", "follow-up", "response"]),
  id: uuid,
  /** The patient whose record holds it: the page links to /patients/{patientId}. */
  patientId: uuid,
  /** What is wrong, in a few words (dates, questionnaire, scores). */
  note: z.string(),
});
export type QualityRecord = z.infer<typeof QualityRecord>;

export const QualityRuleResult = z.object({
  id: z.enum(qualityRuleIds),
  title: z.string(),
  description: z.string(),
  count: z.number().int(),
  /** Staff only: the records found. Absent for researchers. */
  records: z.array(QualityRecord).optional(),
});
export type QualityRuleResult = z.infer<typeof QualityRuleResult>;

export const QualityReport = z.object({
  /** clinic: the signed-in staff member's clinic; pooled: every clinic's newest counts summed. */
  scope: z.enum(["clinic", "pooled"]),
  /**
   * When the records were read (the newest run; pooled: the oldest of the clinics' newest runs);
   * null only when no clinic has been checked yet (pooled).
   */
  asOf: z.string().nullable(),
  /** Pooled: the newest of the clinics' newest runs. */
  newestAsOf: z.string().nullable().optional(),
  /** Clinic: what started the run (nightly, on-demand, command-line) and how many patients it read. */
  trigger: z.enum(["nightly", "on-demand", "command-line"]).optional(),
  patientsChecked: z.number().int().optional(),
  /** Pooled: how many clinics' counts are summed. */
  clinics: z.number().int().optional(),
  rules: z.array(QualityRuleResult),
});
export type QualityReport = z.infer<typeof QualityReport>;
