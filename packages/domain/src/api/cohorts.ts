/**
 * Saved cohorts over the API: save a name and filter (a new version when the name exists), list
 * the latest version of each cohort the caller can use, and read every version of one. Each
 * cohort comes with the one line printed on figures and exports made from it.
 */
import { z } from "zod";
import { cohortScopes, saveCohortSchema } from "../research/saved-cohort";

export const SaveCohortRequest = saveCohortSchema;
export type SaveCohortRequest = z.input<typeof SaveCohortRequest>;

export const SavedCohortView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  scope: z.enum(cohortScopes),
  filter: z.record(z.string(), z.unknown()),
  /** The definition in one line ("Cohort 'X' v2: …"), as figures and exports print it. */
  line: z.string(),
  /** Whether the caller's clinic owns it (only the owner saves new versions). */
  own: z.boolean(),
  createdAt: z.string(),
});
export type SavedCohortView = z.infer<typeof SavedCohortView>;

export const SavedCohortList = z.object({ items: z.array(SavedCohortView) });
export type SavedCohortList = z.infer<typeof SavedCohortList>;

/**
 * A clinic a cohort may pick. To a researcher every clinic of the network, by the coded label the
 * benchmarking funnel gives it ("Clinic C"), named only where the clinic agreed to be named; to
 * clinic staff their own clinic.
 */
export const CohortClinic = z.object({
  id: z.string(),
  label: z.string(),
  name: z.string().nullable(),
  own: z.boolean(),
});
export type CohortClinic = z.infer<typeof CohortClinic>;
export const CohortClinicList = z.object({ items: z.array(CohortClinic) });
export type CohortClinicList = z.infer<typeof CohortClinicList>;
