/**
 * The rows behind clinic benchmarking (domain/outcomes/benchmarking.ts): one per episode's first
 * treatment in every clinic, with the baseline ODI, back-pain rating and STarT Back group (the
 * rules of ./outcome-sql `baselines`), the first treatment's 12-month follow-up and its answers
 * before any later treatment (as the comparison reads them, ./outcome-cohorts), and the days to the
 * first later operation in the episode. Patients who withdrew research consent are left out, as
 * from every pooled read (./outcome-sql `pooledScope`). Read only by the system role, as maintenance: the route
 * caches the funnel's aggregates, and the rows never leave the server.
 */

import type { StartBackGroup } from "@evident/domain/evidence";
import type { BenchmarkCandidate } from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { analysedTreatment, type CohortRestriction, restrictedTreatments } from "./cohort-restriction";
import { type FollowUpColumns, followUpOf } from "./outcome-cohorts";
import { analyticMemory, baselineStartBack, baselines, currentScored } from "./outcome-sql";

type Row = FollowUpColumns & {
  clinic_id: string;
  kind: string;
  treatment_date: string;
  birth_date: string;
  sex: string;
  condition: string;
  start_back: StartBackGroup | null;
  base_odi: number | null;
  base_nrs: number | null;
  odi: number | null;
  nrs: number | null;
  surgery_days: number | null;
};

/** `restrict`: a cohort's (./cohort-restriction): its patients' episodes whose first treatment it analyses. */
export async function benchmarkCandidates(
  db: Executor,
  surgeryKinds: readonly string[],
  today: string,
  restrict?: CohortRestriction,
): Promise<BenchmarkCandidate[]> {
  await analyticMemory(db);
  const surgical = sql`array[${sql.join(
    surgeryKinds.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const result = await db.execute<Row>(sql`
    with tr as materialized (${restrictedTreatments(null, restrict)}),
    first as materialized (
      select * from tr where tr.position = 1 and tr.treatment_date <= ${today}::date and ${analysedTreatment(restrict)}
    ),
    base as (${baselines(["odi", "nrs_back"], "first")}),
    sb as (${baselineStartBack("first")}),
    fu as (
      select f.id, f.treatment_id, f.window_start, f.window_end, f.completed_at, f.cancelled_at,
             (first.next_date is not null and f.due_date >= first.next_date) as ended, first.next_date
      from follow_ups f
      join first on first.id = f.treatment_id
      where f.timepoint = '12m'
    ),
    answer as (
      select distinct on (r.follow_up_id, r.instrument) r.follow_up_id, r.instrument, r.score::float8 as score
      from questionnaire_responses r
      join fu on fu.id = r.follow_up_id
      where ${currentScored} and r.instrument in ('odi', 'nrs_back')
        and (fu.next_date is null or r.completed_at < fu.next_date::timestamp at time zone 'UTC')
      order by r.follow_up_id, r.instrument, r.completed_at desc
    ),
    surgery as (
      select first.id as treatment_id, min(tr.treatment_date) - first.treatment_date as days
      from first
      join tr on tr.episode_id = first.episode_id and tr.position > 1 and tr.kind = any(${surgical})
        and tr.treatment_date <= ${today}::date
      group by first.id, first.treatment_date
    )
    select first.clinic_id, first.kind, first.treatment_date::text, p.birth_date::text, p.sex, e.condition,
           sb.grp as start_back, bo.score as base_odi, bn.score as base_nrs,
           fu.window_start::text, fu.window_end::text, fu.completed_at, fu.cancelled_at, fu.ended,
           ao.score as odi, an.score as nrs, s.days as surgery_days
    from first
    join patients p on p.id = first.patient_id
    join episodes e on e.id = first.episode_id
    left join sb on sb.treatment_id = first.id
    left join base bo on bo.treatment_id = first.id and bo.instrument = 'odi'
    left join base bn on bn.treatment_id = first.id and bn.instrument = 'nrs_back'
    left join fu on fu.treatment_id = first.id
    left join answer ao on ao.follow_up_id = fu.id and ao.instrument = 'odi'
    left join answer an on an.follow_up_id = fu.id and an.instrument = 'nrs_back'
    left join surgery s on s.treatment_id = first.id`);
  return result.rows.map((r) => ({
    clinicId: r.clinic_id,
    kind: r.kind,
    treatmentDate: r.treatment_date,
    birthDate: r.birth_date,
    sex: r.sex,
    condition: r.condition,
    startBack:
      r.start_back === "low" || r.start_back === "medium" || r.start_back === "high" ? r.start_back : null,
    baseline: { odi: r.base_odi, nrs_back: r.base_nrs },
    followUp: followUpOf(r),
    score: { odi: r.odi, nrs_back: r.nrs },
    surgeryDays: r.surgery_days,
  }));
}

/**
 * Every clinic, in the order its benchmarking label is given ("Clinic A", "Clinic B", …): by a
 * hash of its id, so the order says nothing about its name, size or age, and stays the same from
 * day to day. With whether researchers may see its name (its administrators agreed).
 */
export async function benchmarkClinics(
  db: Executor,
): Promise<{ id: string; name: string; named: boolean }[]> {
  const { rows } = await db.execute<{ id: string; name: string; named: boolean }>(sql`
    select c.id, c.name, c.benchmark_named as named from clinics c order by md5('benchmark:' || c.id::text), c.id`);
  return rows;
}
