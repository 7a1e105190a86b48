/**
 * The cohort an export (and later every outcomes view) is made from: filters that all hold at
 * once, each optional. Saved, named cohorts will store exactly this object (with a version), and
 * every export prints it in its audit event, so what a file holds can always be traced back.
 *
 * Meanings: clinic, condition (of the index treatment's episode), treatment kind (any treatment
 * of the patient), age band and sex (as exported), STarT Back group (the latest baseline answer),
 * baseline severity (ODI band of the latest baseline ODI, Fairbank's bands), and a treatment date
 * range (any treatment on or between the dates).
 */
import { z } from "zod";
import { conditionIds } from "../catalogue/conditions";
import { treatmentKinds } from "../catalogue/treatments";
import { isIsoDate } from "../dates";
import { ageBandIds } from "./deidentify";

export const severityBands = [
  { id: "minimal", max: 20 },
  { id: "moderate", max: 40 },
  { id: "severe", max: 60 },
  { id: "crippled", max: 80 },
  { id: "bed-bound", max: 100 },
] as const;
export const severityBandIds = severityBands.map((b) => b.id) as [string, ...string[]];

const kindIds = treatmentKinds.map((k) => k.id) as [string, ...string[]];
const day = z.string().refine(isIsoDate, "a date as YYYY-MM-DD");
const some = <T extends z.ZodTypeAny>(t: T) => z.array(t).min(1).optional();

/** The filters, without the cross-field rule (for schemas that pick from them). */
export const cohortFilterFields = z
  .object({
    clinicIds: some(z.string().uuid()),
    conditions: some(z.enum(conditionIds)),
    treatmentKinds: some(z.enum(kindIds)),
    ageBands: some(z.enum(ageBandIds)),
    sexes: some(z.enum(["female", "male", "other", "unknown"])),
    startBackGroups: some(z.enum(["low", "medium", "high"])),
    baselineSeverity: some(z.enum(severityBandIds)),
    treatedFrom: day.optional(),
    treatedTo: day.optional(),
  })
  .strict();
export const datesInOrder = (f: { treatedFrom?: string; treatedTo?: string }) =>
  !f.treatedFrom || !f.treatedTo || f.treatedFrom <= f.treatedTo;
const inOrder = { message: "must not be after treatedTo", path: ["treatedFrom"] };
export const cohortFilterSchema = cohortFilterFields.refine(datesInOrder, inOrder);
export type CohortFilter = z.infer<typeof cohortFilterSchema>;

/** The filter in words, for the export's audit event and its README line. */
export function describeCohort(f: CohortFilter): string {
  const parts = Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("|") : v}`);
  return parts.length ? parts.join("; ") : "every patient";
}
