/**
 * The outcomes report for a cohort, by the direct SQL (docs/architecture/outcomes.md, "Cohort filters on the
 * outcomes views"): the cohort's patients are chosen by the export's own cohort SQL
 * (research-export/cohort-sql.ts, so a cohort means the same patients in a figure and in an
 * export), then each view's SQL runs over those patients' episodes, counting only the treatments
 * of the cohort's kinds and dates (./cohort-restriction: the report's tallies, survival, the
 * comparison's and the benchmark's candidates). Patient ids stay inside this function's
 * transaction; only tallies come out.
 */

import type { OutcomeTallies } from "@evident/domain/outcomes";
import type { CohortFilter } from "@evident/domain/research";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { type CohortQuery, cohortQuery } from "../research-export/cohort-sql";
import type { CohortRestriction } from "./cohort-restriction";
import { outcomeTallies, type TallyFilter } from "./outcomes";

/** A numbered-parameter query ($1, $2 …) as a drizzle SQL fragment, each value one parameter. */
export function numberedSql(q: CohortQuery): SQL {
  const parts = q.text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(q.values[Number(part) - 1])}`);
  });
  return sql.join(chunks, sql``);
}

/** The ids of the cohort's patients in the clinic (or every clinic, `clinicId` null). */
export async function cohortPatientIds(
  db: Executor,
  clinicId: string | null,
  filter: CohortFilter,
): Promise<string[]> {
  const clinics =
    clinicId !== null
      ? [clinicId]
      : (await db.execute<{ id: string }>(sql`select id from clinics`)).rows.map((r) => r.id);
  const { rows } = await db.execute<{ id: string }>(
    sql`${numberedSql(cohortQuery(clinics, filter, clinicId === null))} select id from cohort`,
  );
  return rows.map((r) => r.id);
}

/** The restriction (./cohort-restriction) of the cohort in the clinic (or every clinic, `clinicId` null). */
export async function cohortRestriction(
  db: Executor,
  clinicId: string | null,
  cohort: CohortFilter,
): Promise<CohortRestriction> {
  return {
    patientIds: await cohortPatientIds(db, clinicId, cohort),
    kinds: cohort.treatmentKinds,
    treatedFrom: cohort.treatedFrom,
    treatedTo: cohort.treatedTo,
  };
}

/** As `outcomeTallies`, for the cohort's patients and treatments. */
export async function cohortOutcomeTallies(
  db: Executor,
  clinicId: string | null,
  cohort: CohortFilter,
  filter: TallyFilter,
): Promise<OutcomeTallies & { patients: number }> {
  return outcomeTallies(db, clinicId, filter, await cohortRestriction(db, clinicId, cohort));
}
