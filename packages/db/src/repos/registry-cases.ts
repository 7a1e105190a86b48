/**
 * The rows behind "people like you" (domain/evidence/comparable) and the typical course
 * (domain/evidence/typical-course): every treatment with the patient before it — back pain and
 * Oswestry score (the latest in the 180 days up to the treatment, as in the outcomes report),
 * STarT Back group, weeks of pain at the treatment (from the episode's onset) and age — and each
 * of its follow-ups at the given time points that has fallen due by `today`, with the back-pain
 * answer given there (null: none). The matching itself is pure and lives in the domain.
 *
 * Same rules as the outcomes report (./outcomes): a follow-up has fallen due when its window has
 * opened (or it was answered) and it was not cancelled; only current answers count, and a later
 * treatment in the episode ends the earlier one's follow-up. One row per (treatment, due
 * follow-up), grouped here: a few per treated patient.
 */
import type { BaselineProfile, RegistryCase, StartBackGroup } from "@evident/domain/evidence";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import {
  analyticMemory,
  baselineStartBack,
  baselines,
  currentScored,
  treatmentsInScope,
} from "./outcome-sql";

type CaseRow = {
  id: string;
  kind: string;
  before: number | null;
  odi: number | null;
  grp: StartBackGroup | null;
  weeks: number | null;
  age: number | null;
  timepoint: string | null;
  after: number | null;
};

const list = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export type RegistryFilter = {
  /** The day the follow-ups' status is judged on (YYYY-MM-DD). */
  today: string;
  /** Follow-up time points to read (default: 3, 6 and 12 months, as the decision aid uses). */
  timepoints?: readonly string[];
  /** Only these treatment kinds (default: all). */
  kinds?: readonly string[];
  instrument?: string;
};

export async function registryCases(
  db: Executor,
  clinicId: string,
  filter: RegistryFilter,
): Promise<RegistryCase[]> {
  const { today, timepoints = ["3m", "6m", "12m"], kinds, instrument = "nrs_back" } = filter;
  const ofKind = kinds ? sql`where x.kind in (${list(kinds)})` : sql``;
  await analyticMemory(db);
  const result = await db.execute<CaseRow>(sql`
    with tr as materialized (select * from (${treatmentsInScope(clinicId)}) x ${ofKind}),
    fu as materialized (
      select f.id, f.treatment_id, f.timepoint, tr.next_date
      from follow_ups f
      join tr on tr.id = f.treatment_id
      where (tr.next_date is null or f.due_date < tr.next_date) and f.timepoint in (${list(timepoints)})
        and (f.completed_at is not null or (f.cancelled_at is null and f.window_start <= ${today}::date))
    ),
    answer as (
      select distinct on (r.follow_up_id) r.follow_up_id, r.score::float8 as score
      from questionnaire_responses r
      join fu on fu.id = r.follow_up_id
      where ${currentScored} and r.instrument = ${instrument}
        and (fu.next_date is null or r.completed_at < fu.next_date::timestamp at time zone 'UTC')
      order by r.follow_up_id, r.completed_at desc
    ),
    base as (${baselines([instrument, "odi"])}),
    sb as (${baselineStartBack()})
    select t.id, t.kind, b.score as before, o.score as odi, sb.grp,
           ((t.treatment_date - e.onset_date) / 7)::int as weeks,
           extract(year from age(t.treatment_date, p.birth_date))::int as age,
           fu.timepoint, a.score as after
    from tr t
    join episodes e on e.id = t.episode_id
    join patients p on p.id = t.patient_id
    left join base b on b.treatment_id = t.id and b.instrument = ${instrument}
    left join base o on o.treatment_id = t.id and o.instrument = 'odi'
    left join sb on sb.treatment_id = t.id
    left join fu on fu.treatment_id = t.id
    left join answer a on a.follow_up_id = fu.id`);
  const cases = new Map<
    string,
    RegistryCase & { followUps: { timepoint: string; after: number | null }[] }
  >();
  for (const r of result.rows) {
    let c = cases.get(r.id);
    if (!c) {
      c = {
        treatmentId: r.id,
        treatmentKind: r.kind,
        before: r.before,
        baseline: { odi: r.odi, startBack: r.grp, symptomWeeks: r.weeks, age: r.age },
        followUps: [],
      };
      cases.set(r.id, c);
    }
    if (r.timepoint) c.followUps.push({ timepoint: r.timepoint, after: r.after });
  }
  return [...cases.values()];
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
