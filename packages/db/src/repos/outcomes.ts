/**
 * Rows for the outcomes report: one per scheduled follow-up of a treatment, with the latest score
 * per instrument answered for that follow-up and the latest score per instrument before the
 * treatment (its baseline: for a first treatment the baseline questionnaire, for a later one
 * such as surgery after an injection, the most recent answer in the 180 days before it; answers
 * on the treatment day count, as baselines are often taken just before the procedure). The
 * summary statistics are computed by the pure functions in @evident/domain/outcomes.
 *
 * A later treatment in the same episode ends the earlier one's follow-up: its follow-ups due on
 * or after the later treatment's date are left out, and answers given from that date on are not
 * credited to it (after an injection and then a fusion, the 12-month result belongs to neither
 * alone). The later treatment itself is the outcome that the surgery-free analyses count.
 *
 * `clinicId: null` pools all clinics; only aggregates ever leave this function's caller.
 */
import type { OutcomeObservation } from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";

type Row = {
  treatment_kind: string;
  timepoint: string;
  window_start: string;
  window_end: string;
  completed_at: Date | null;
  cancelled_at: Date | null;
  baseline: Record<string, number | null> | null;
  follow_up: Record<string, number | null> | null;
};

export async function outcomeObservations(
  db: Executor,
  clinicId: string | null,
): Promise<{ observations: OutcomeObservation[]; patients: number }> {
  const clinicFilter = clinicId ? sql`t.clinic_id = ${clinicId}` : sql`true`;
  const result = await db.execute<Row>(sql`
    with tr as (
      select t.id, t.clinic_id, t.episode_id, t.kind, t.treatment_date,
             (select min(n.treatment_date) from treatments n
               where n.episode_id = t.episode_id and n.clinic_id = t.clinic_id
                 and (n.treatment_date > t.treatment_date
                      or (n.treatment_date = t.treatment_date and n.id > t.id))) as next_date
      from treatments t
      where ${clinicFilter}
    ),
    base as (
      select tr.id as treatment_id, b.scores
      from tr
      left join lateral (
        select jsonb_object_agg(x.instrument, x.score) as scores
        from (
          select distinct on (r.instrument) r.instrument, r.score
          from questionnaire_responses r
          where r.clinic_id = tr.clinic_id and r.episode_id = tr.episode_id
            and r.completed_at < (tr.treatment_date + 1)::timestamp at time zone 'UTC'
            and r.completed_at >= (tr.treatment_date - 180)::timestamp at time zone 'UTC'
            and r.score is not null and jsonb_typeof(r.score) = 'number'
            and r.superseded_at is null
          order by r.instrument, r.completed_at desc
        ) x
      ) b on true
    )
    select tr.kind as treatment_kind, f.timepoint, f.window_start, f.window_end, f.completed_at, f.cancelled_at,
           base.scores as baseline, fs.scores as follow_up
    from follow_ups f
    join tr on tr.id = f.treatment_id
    join base on base.treatment_id = tr.id
    left join lateral (
      select jsonb_object_agg(x.instrument, x.score) as scores
      from (
        select distinct on (r.instrument) r.instrument, r.score
        from questionnaire_responses r
        where r.follow_up_id = f.id and jsonb_typeof(r.score) = 'number'
          and r.superseded_at is null
          and (tr.next_date is null or r.completed_at < tr.next_date::timestamp at time zone 'UTC')
        order by r.instrument, r.completed_at desc
      ) x
    ) fs on true
    where tr.next_date is null or f.due_date < tr.next_date
  `);
  const [count] = (
    await db.execute<{ n: number }>(
      sql`select count(distinct t.patient_id)::int as n from treatments t where ${clinicFilter}`,
    )
  ).rows;
  return {
    patients: count?.n ?? 0,
    observations: result.rows.map((r) => ({
      treatmentKind: r.treatment_kind,
      timepoint: r.timepoint,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      completedAt: r.completed_at,
      cancelledAt: r.cancelled_at,
      baseline: r.baseline ?? {},
      followUp: r.follow_up ?? {},
    })),
  };
}
