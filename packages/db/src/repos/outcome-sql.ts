/**
 * SQL fragments shared by the outcomes queries (./outcomes, ./outcome-cohorts): which answers
 * count, the treatments in scope with their place in the episode, and each treatment's baseline.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";

/** A response that counts: current (not superseded) and scored. Alias `r`. */
export const currentScored: SQL = sql`r.superseded_at is null and r.score is not null and r.score <> 'null'::jsonb`;

export const clinicScope = (clinicId: string | null, alias = "t"): SQL =>
  clinicId ? sql`${sql.raw(alias)}.clinic_id = ${clinicId}` : sql`true`;

/**
 * Treatments in scope with the date of the next treatment in the same episode (null if none) and
 * their order in the episode (1 = first). Ties on a date go by record id, as everywhere.
 */
export const treatmentsInScope = (clinicId: string | null): SQL => sql`
  select t.id, t.clinic_id, t.patient_id, t.episode_id, t.kind, t.treatment_date,
         lead(t.treatment_date) over episode as next_date,
         row_number() over episode as position
  from treatments t
  where ${clinicScope(clinicId)}
  window episode as (partition by t.episode_id order by t.treatment_date, t.id)`;

/** `r.instrument` is one of these (a plan asks many questionnaires; an analysis reads a few). */
export const instrumentIn = (instruments: readonly string[]): SQL =>
  instruments.length === 0
    ? sql`false`
    : sql`r.instrument in (${sql.join(
        instruments.map((i) => sql`${i}`),
        sql`, `,
      )})`;

/**
 * `r` (a questionnaire response) is a late baseline: a baseline answered after the local day of
 * its episode's first treatment, in the clinic's time zone. The one SQL form of the rule in
 * domain/pathway/late-baseline.ts: such answers are kept and shown marked "late", and left out of
 * every baseline below. Derived, not stored, so a corrected treatment date moves it.
 */
export const lateBaseline = (alias = "r"): SQL => {
  const r = sql.raw(alias);
  return sql`(${r}.timepoint = 'baseline' and exists (
    select 1 from treatments lt join clinics lc on lc.id = lt.clinic_id
    where lt.episode_id = ${r}.episode_id and lt.clinic_id = ${r}.clinic_id
      and ${r}.completed_at >= (lt.treatment_date + 1)::timestamp at time zone lc.time_zone))`;
};

/**
 * Latest current answer per (treatment, instrument) in the 180 days up to the treatment day (the
 * clinic's local days), for the treatments of CTE `from` (default `tr`) and the given
 * instruments; never a late baseline.
 */
export const baselines = (instruments: readonly string[], from = "tr"): SQL => sql`
  select distinct on (tr.id, r.instrument) tr.id as treatment_id, r.instrument, r.score::float8 as score
  from ${sql.raw(from)} tr
  join clinics c on c.id = tr.clinic_id
  join questionnaire_responses r on r.episode_id = tr.episode_id and r.clinic_id = tr.clinic_id
  where ${currentScored}
    and r.completed_at < (tr.treatment_date + 1)::timestamp at time zone c.time_zone
    and r.completed_at >= (tr.treatment_date - 180)::timestamp at time zone c.time_zone
    and ${instrumentIn(instruments)}
    and not ${lateBaseline()}
  order by tr.id, r.instrument, r.completed_at desc`;

/** Asks for more sort and hash memory for this transaction's analytic queries (no effect outside one). */
export async function analyticMemory(db: Executor): Promise<void> {
  await db.execute(sql`select set_config('work_mem', '64MB', true)`);
}
