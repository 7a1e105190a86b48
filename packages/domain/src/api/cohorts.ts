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
