/**
 * A cohort on the outcomes views' query string: a saved cohort (`cohort`, one version's id), or
 * the filters themselves, lists comma-separated (`?sexes=female&ageBands=40-49,50-59`) — not
 * both. The query schema keeps each as text (so the API description lists them); `cohortFromQuery`
 * turns them into the shared filter (research/cohort.ts), naming each bad field.
 */
import { z } from "zod";
import { badRequest, issuesFromZod } from "../errors";
import { type CohortFilter, cohortFilterSchema } from "../research/cohort";

/** The list filters' query keys (comma-separated), in the order a filter panel shows them. */
export const cohortListKeys = [
  "clinicIds",
  "conditions",
  "treatmentKinds",
  "ageBands",
  "sexes",
  "startBackGroups",
  "baselineSeverity",
] as const;
/** The date filters' query keys (YYYY-MM-DD, inclusive). */
export const cohortDateKeys = ["treatedFrom", "treatedTo"] as const;
const text = z.string().max(2000).optional();

export const CohortQuery = z.object({
  cohort: z.string().uuid("must be a saved cohort's id").optional(),
  ...(Object.fromEntries([...cohortListKeys, ...cohortDateKeys].map((k) => [k, text])) as Record<
    (typeof cohortListKeys)[number] | (typeof cohortDateKeys)[number],
    typeof text
  >),
});
export type CohortQuery = z.infer<typeof CohortQuery>;

/** The ad hoc filter of the query (null: none given); a 400 naming each bad field. */
export function cohortFromQuery(q: CohortQuery): CohortFilter | null {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(q)) {
    if (key === "cohort" || !(key in CohortQuery.shape) || value === undefined || value === "") continue;
    raw[key] = (cohortListKeys as readonly string[]).includes(key)
      ? value
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : value;
  }
  if (Object.keys(raw).length === 0) return null;
  if (q.cohort !== undefined) throw badRequest("give a saved cohort or filters, not both", "cohort");
  const parsed = cohortFilterSchema.safeParse(raw);
  if (!parsed.success) throw badRequest(issuesFromZod(parsed.error));
  return parsed.data;
}
