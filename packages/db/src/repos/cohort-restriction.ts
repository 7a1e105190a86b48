/**
 * A cohort's restriction of the outcomes SQL (./cohort-outcomes), one fragment for every view:
 * only the cohort's patients, their episodes whole (so a later treatment still ends an earlier
 * one's follow-up, and a later operation still counts as surgery), and of their treatments only
 * those of the cohort's kinds and dates are the treatments analysed.
 */
import { type SQL, sql } from "drizzle-orm";
import { treatmentsInScope } from "./outcome-sql";

export type CohortRestriction = {
  patientIds: readonly string[];
  kinds?: readonly string[];
  treatedFrom?: string;
  treatedTo?: string;
};

/** `treatmentsInScope`, of the cohort's patients only (every patient in scope without a restriction). */
export const restrictedTreatments = (clinicId: string | null, r: CohortRestriction | undefined): SQL =>
  r
    ? sql`select * from (${treatmentsInScope(clinicId)}) x where x.patient_id = any(${sql.param([...r.patientIds])}::uuid[])`
    : treatmentsInScope(clinicId);

/** Treatment `alias` is one the cohort analyses: of its kinds and dates (true without a restriction). */
export const analysedTreatment = (r: CohortRestriction | undefined, alias = "tr"): SQL => {
  if (r === undefined) return sql`true`;
  const t = sql.raw(alias);
  return sql.join(
    [
      sql`true`,
      ...(r.kinds ? [sql`${t}.kind = any(${sql.param([...r.kinds])}::text[])`] : []),
      ...(r.treatedFrom ? [sql`${t}.treatment_date >= ${r.treatedFrom}::date`] : []),
      ...(r.treatedTo ? [sql`${t}.treatment_date <= ${r.treatedTo}::date`] : []),
    ],
    sql` and `,
  );
};

/** The patient ids of `t` (treatments) are the cohort's (true without a restriction). */
export const ofCohortPatients = (r: CohortRestriction | undefined, alias = "t"): SQL =>
  r ? sql`${sql.raw(alias)}.patient_id = any(${sql.param([...r.patientIds])}::uuid[])` : sql`true`;
