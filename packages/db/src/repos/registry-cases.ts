/**
 * The rows behind "people like you" (domain/evidence/comparable): every treated patient's back-pain
 * answer at 3, 6 and 12 months with their baseline before that treatment — back pain and
 * Oswestry score (the latest in the 180 days up to the treatment, as in the outcomes report),
 * STarT Back group, weeks of pain at the treatment (from the episode's onset) and age — and one
 * patient's own baseline today. The matching itself is pure and lives in the domain.
 *
 * Same rules as the outcomes report (./outcomes): only current answers count, and a later
 * treatment in the episode ends the earlier one's follow-up. One row per follow-up answered:
 * about three per treated patient, a few hundred thousand at 100k patients (read once per view
 * of the decision aid).
 */
import type { BaselineProfile, RegistryCase, StartBackGroup } from "@evident/domain/evidence";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import {
  analyticMemory,
  baselineStartBack,
  baselines,
  currentScored,
  treatmentsInScope,
} from "./outcome-sql";

type CaseRow = {
  kind: string;
  timepoint: string;
  before: number;
  after: number;
  odi: number | null;
  grp: StartBackGroup | null;
  weeks: number | null;
  age: number | null;
};

export async function registryCases(
  db: Executor,
  clinicId: string,
  instrument = "nrs_back",
): Promise<RegistryCase[]> {
  await analyticMemory(db);
  const result = await db.execute<CaseRow>(sql`
    with tr as materialized (${treatmentsInScope(clinicId)}),
    fu as materialized (
      select f.id, f.treatment_id, tr.kind, f.timepoint, tr.next_date
      from follow_ups f
      join tr on tr.id = f.treatment_id
      where (tr.next_date is null or f.due_date < tr.next_date) and f.timepoint in ('3m', '6m', '12m')
    ),
    answer as (
      select distinct on (r.follow_up_id) fu.treatment_id, fu.kind, fu.timepoint, r.score::float8 as score
      from questionnaire_responses r
      join fu on fu.id = r.follow_up_id
      where ${currentScored} and r.instrument = ${instrument}
        and (fu.next_date is null or r.completed_at < fu.next_date::timestamp at time zone 'UTC')
      order by r.follow_up_id, r.completed_at desc
    ),
    base as (${baselines([instrument, "odi"])}),
    sb as (${baselineStartBack()})
    select a.kind, a.timepoint, b.score as before, a.score as after, o.score as odi, sb.grp,
           ((t.treatment_date - e.onset_date) / 7)::int as weeks,
           extract(year from age(t.treatment_date, p.birth_date))::int as age
    from answer a
    join tr t on t.id = a.treatment_id
    join episodes e on e.id = t.episode_id
    join patients p on p.id = t.patient_id
    join base b on b.treatment_id = a.treatment_id and b.instrument = ${instrument}
    left join base o on o.treatment_id = a.treatment_id and o.instrument = 'odi'
    left join sb on sb.treatment_id = a.treatment_id`);
  return result.rows.map((r) => ({
    treatmentKind: r.kind,
    timepoint: r.timepoint,
    before: r.before,
    after: r.after,
    baseline: { odi: r.odi, startBack: r.grp, symptomWeeks: r.weeks, age: r.age },
  }));
}

/**
 * One patient's baseline today: the latest Oswestry score and STarT Back group, the weeks since
 * the onset of their latest episode (or, without an onset date, the weeks of pain they gave at
 * intake plus the weeks since), and their age.
 */
export async function baselineProfile(
  db: Executor,
  clinicId: string,
  patientId: string,
  today: string,
): Promise<BaselineProfile> {
  const result = await db.execute<{
    odi: number | null;
    grp: StartBackGroup | null;
    weeks: number | null;
    age: number | null;
  }>(sql`
    select
      (select r.score::float8 from questionnaire_responses r
        where r.clinic_id = ${clinicId} and r.patient_id = ${patientId} and r.instrument = 'odi' and ${currentScored}
        order by r.completed_at desc limit 1) as odi,
      (select r.score_detail->>'group' from questionnaire_responses r
        where r.clinic_id = ${clinicId} and r.patient_id = ${patientId} and r.instrument = 'startback'
          and r.superseded_at is null
        order by r.completed_at desc limit 1) as grp,
      coalesce(
        (select ((${today}::date - e.onset_date) / 7)::int from episodes e
          where e.clinic_id = ${clinicId} and e.patient_id = ${patientId} and e.onset_date is not null
          order by e.created_at desc limit 1),
        (select ((i.answers->>'painDurationWeeks')::int + ((${today}::date - i.submitted_at::date) / 7))::int
          from intakes i where i.clinic_id = ${clinicId} and i.patient_id = ${patientId}
          order by i.submitted_at desc limit 1)
      ) as weeks,
      (select extract(year from age(${today}::date, p.birth_date))::int from patients p
        where p.clinic_id = ${clinicId} and p.id = ${patientId}) as age`);
  const r = result.rows[0];
  return {
    odi: r?.odi ?? null,
    startBack: r?.grp ?? null,
    symptomWeeks: r?.weeks ?? null,
    age: r?.age ?? null,
  };
}
