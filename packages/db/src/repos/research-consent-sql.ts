/**
 * Whether a patient's data may be pooled: not when their latest research consent is withdrawn
 * (schema/consent.ts). Patients who never signed one stay in, as the registry always counted
 * them; withdrawal takes them out of the researcher's pooled figures, the research export and the
 * benchmarks from then on, while their clinic's own figures and care go on. One fragment, used by
 * the summaries' build (a `pooled` dimension), the cohort SQL (export and pooled cohorts) and the
 * benchmark funnel.
 */
import { type SQL, sql } from "drizzle-orm";

/** SQL text: true when the patient whose id is the column `patientId` has withdrawn research consent. */
export const researchWithdrawnText = (patientId: string): string => `coalesce((
  select c.withdrawn_at is not null from consents c
  where c.patient_id = ${patientId} and c.purpose = 'research'
  order by c.signed_at desc limit 1), false)`;

/** The patient in column `patientId` ("t.patient_id") may be counted in pooled figures. */
export const pooledPatient = (patientId: string): SQL => sql.raw(`not ${researchWithdrawnText(patientId)}`);
