/**
 * Saved cohorts: a name and a cohort filter (./cohort.ts), versioned — saving under a name that
 * exists makes the next version and keeps the old ones, so a figure or export made from "v2" can
 * always be traced to exactly what v2 said. A cohort belongs to a clinic, or (researchers) to the
 * network, where every clinic can read it.
 *
 * Its definition prints as one line of text for figures and exports:
 *   Cohort 'Older BMC' v2: Bone-marrow concentrate injection; age 40–49 or 50–59; female; …
 */
import { z } from "zod";
import { conditionLabel } from "../catalogue/conditions";
import { treatmentKinds } from "../catalogue/treatments";
import { type CohortFilter, cohortFilterFields, datesInOrder } from "./cohort";

export const cohortScopes = ["clinic", "network"] as const;
export type CohortScope = (typeof cohortScopes)[number];

/** A name people can say and type on a command line: printable, trimmed, 1–80 characters. */
export const cohortNameSchema = z
  .string()
  .trim()
  .min(1, "a name is required")
  .max(80, "at most 80 characters")
  .refine((s) => !/[\p{Cc}]/u.test(s), "no control characters");

/** What a save asks for (the body of the API's save, the CLI's definition file). */
export const saveCohortSchema = z
  .object({
    name: cohortNameSchema,
    scope: z.enum(cohortScopes).default("clinic"),
    filter: cohortFilterFields.refine(datesInOrder, {
      message: "must not be after treatedTo",
      path: ["treatedFrom"],
    }),
  })
  .strict();
export type SaveCohort = z.infer<typeof saveCohortSchema>;

export type SavedCohort = {
  id: string;
  clinicId: string;
  name: string;
  version: number;
  scope: CohortScope;
  filter: CohortFilter;
  createdAt: Date;
};

const or = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs.at(-1)}`;
const kindLabel = (id: string) => treatmentKinds.find((k) => k.id === id)?.label ?? id;
const ageLabel = (band: string) => band.replace("-", "–");

/**
 * The filter as readers say it, in a fixed order (clinic, condition, treatment, age, sex, STarT
 * Back, baseline ODI, dates). Clinics print by name when `clinicNames` knows every one of them,
 * else only as a count (a de-identified export codes its clinics, so its cohort.txt must not
 * name them).
 */
export function cohortClauses(f: CohortFilter, clinicNames: Record<string, string> = {}): string[] {
  const parts: string[] = [];
  if (f.clinicIds) {
    const named = f.clinicIds.every((id) => clinicNames[id] !== undefined);
    const n = f.clinicIds.length;
    parts.push(
      named
        ? `clinic ${or(f.clinicIds.map((id) => clinicNames[id]!))}`
        : `${n} chosen clinic${n === 1 ? "" : "s"}`,
    );
  }
  if (f.conditions) parts.push(or(f.conditions.map(conditionLabel)));
  if (f.treatmentKinds) parts.push(or(f.treatmentKinds.map(kindLabel)));
  if (f.ageBands) parts.push(`age ${or(f.ageBands.map(ageLabel))}`);
  if (f.sexes) parts.push(or(f.sexes));
  if (f.startBackGroups) parts.push(`STarT Back ${or(f.startBackGroups)} risk`);
  if (f.baselineSeverity) parts.push(`baseline ODI ${or(f.baselineSeverity)}`);
  if (f.treatedFrom && f.treatedTo) parts.push(`treated ${f.treatedFrom} to ${f.treatedTo}`);
  else if (f.treatedFrom) parts.push(`treated on or after ${f.treatedFrom}`);
  else if (f.treatedTo) parts.push(`treated on or before ${f.treatedTo}`);
  return parts;
}

/** One line for a figure's caption, an export's cohort.txt and its audit event. */
export function cohortLine(
  c: Pick<SavedCohort, "name" | "version" | "scope" | "filter">,
  clinicNames: Record<string, string> = {},
): string {
  const clauses = cohortClauses(c.filter, clinicNames);
  const where = c.scope === "network" ? " (network)" : "";
  return `Cohort '${c.name}' v${c.version}${where}: ${clauses.length ? clauses.join("; ") : "every patient"}`;
}

/** A saved cohort as an export records it (its row and audit event): which version, its line and filter. */
export type ExportedCohort = {
  name: string;
  version: number;
  id: string;
  line: string;
  filter: CohortFilter;
};

export const exportedCohort = (saved: SavedCohort): ExportedCohort => ({
  name: saved.name,
  version: saved.version,
  id: saved.id,
  line: cohortLine(saved),
  filter: saved.filter,
});

/**
 * An export's recorded cohort read back: a saved cohort's record (`exportedCohort`), or the
 * filter itself (an ad hoc cohort, as exports always recorded it).
 */
export function recordedCohort(stored: Record<string, unknown>): {
  filter: CohortFilter;
  saved: ExportedCohort | null;
} {
  const saved =
    typeof stored.line === "string" && typeof stored.filter === "object" && stored.filter !== null
      ? (stored as ExportedCohort)
      : null;
  return saved ? { filter: saved.filter, saved } : { filter: stored as CohortFilter, saved: null };
}
