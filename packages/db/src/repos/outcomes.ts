/**
 * The SQL behind the outcomes report: follow-ups and answers per treatment kind and timepoint,
 * tallied (identical rows counted once) so that 100k patients come back as tens of thousands of
 * rows, not half a million; the statistics are computed by the pure functions in
 * @evident/domain/outcomes.
 *
 * Rules (shared with the cohorts in ./outcome-cohorts):
 * - A treatment's baseline for an instrument is the latest answer in the 180 days up to the
 *   treatment day (answers on the day count: baselines are often taken just before a procedure).
 *   For a first treatment that is the baseline questionnaire; for a later one such as surgery
 *   after an injection, the most recent answer before it.
 * - A later treatment in the same episode ends the earlier one's follow-up: its follow-ups due on
 *   or after the later treatment's date are left out, and answers given from that date on are not
 *   credited to it (after an injection and then a fusion, the 12-month result belongs to neither
 *   alone). The later treatment itself is the outcome that the surgery-free analysis counts.
 * - Only current answers count (a corrected answer is superseded by its correction).
 *
 * Performance: one pass per table with hash joins, not a subquery per follow-up (which took
 * ~9 s at 100k patients). `score` holds only numbers or null, so the filter is written as
 * `<> 'null'` where the planner can estimate it (jsonb_typeof() hid ~800k rows behind an estimate
 * of ~4k and led it into sorts and merge joins).
 *
 * `clinicId: null` pools all clinics; only aggregates ever leave this function's caller.
 */
import { defaultInstruments } from "@evident/domain";
import type {
  AnswerTally,
  FollowUpTally,
  OutcomeObservation,
  OutcomeTallies,
} from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { analysedTreatment, type CohortRestriction, restrictedTreatments } from "./cohort-restriction";
import {
  analyticMemory,
  baselines,
  currentScored,
  followUpMeasureAnswers,
  instrumentIn,
  measureBaselines,
  pooledScope,
  treatmentsInScope,
} from "./outcome-sql";

export * from "./outcome-cohorts";

/** One row of the tallies query: a follow-up tally (part "f"), an answer tally ("a") or the patient count ("p"). */
type TallyRow = {
  part: "f" | "a" | "p";
  kind: string;
  timepoint: string;
  window_start: string;
  window_end: string;
  completed_at: Date | null;
  cancelled_at: Date | null;
  instrument: string;
  baseline: number | null;
  follow_up: number;
  n: number;
};

/** The outcome measures to summarise (domain/outcomes/measures ids), and optionally one timepoint. */
export type TallyFilter = { instruments: readonly string[]; timepoint?: string };

/** A cohort's restriction of the tallies (./cohort-restriction). */
export type TallyRestriction = CohortRestriction;

export async function outcomeTallies(
  db: Executor,
  clinicId: string | null,
  filter: TallyFilter,
  restrict?: TallyRestriction,
): Promise<OutcomeTallies & { patients: number }> {
  const timepoint = filter.timepoint ? sql`and f.timepoint = ${filter.timepoint}` : sql``;
  await analyticMemory(db);
  // One statement, so the treatments and follow-ups are read once for all three parts.
  const result = await db.execute<TallyRow>(sql`
    with tr as materialized (${restrictedTreatments(clinicId, restrict)}),
    fu as materialized (
      select f.id, f.treatment_id, tr.kind, f.timepoint, f.window_start, f.window_end,
             f.completed_at, f.cancelled_at, tr.next_date
      from follow_ups f
      join tr on tr.id = f.treatment_id
      where (tr.next_date is null or f.due_date < tr.next_date) and ${analysedTreatment(restrict)} ${timepoint}
    ),
    answer as (${followUpMeasureAnswers(filter.instruments, sql`fu.treatment_id, fu.kind, fu.timepoint`)}),
    base as (${measureBaselines(filter.instruments)})
    select 'f' as part, fu.kind, fu.timepoint, fu.window_start::text, fu.window_end::text,
           min(fu.completed_at) as completed_at, min(fu.cancelled_at) as cancelled_at,
           null::text as instrument, null::float8 as baseline, null::float8 as follow_up, count(*)::int as n
    from fu
    group by fu.kind, fu.timepoint, fu.window_start, fu.window_end,
             fu.completed_at is null, fu.cancelled_at is null
    union all
    select 'a', a.kind, a.timepoint, null, null, null, null, a.instrument, b.score, a.score, count(*)::int
    from answer a
    left join base b on b.treatment_id = a.treatment_id and b.instrument = a.instrument
    group by a.kind, a.timepoint, a.instrument, b.score, a.score
    union all
    select 'p', null, null, null, null, null, null, null, null, null, count(distinct tr.patient_id)::int
    from tr where ${analysedTreatment(restrict)}`);
  const rows = result.rows;
  return {
    patients: rows.find((r) => r.part === "p")?.n ?? 0,
    followUps: rows
      .filter((r) => r.part === "f")
      .map(
        (r): FollowUpTally => ({
          treatmentKind: r.kind,
          timepoint: r.timepoint,
          windowStart: r.window_start,
          windowEnd: r.window_end,
          completedAt: r.completed_at,
          cancelledAt: r.cancelled_at,
          count: r.n,
        }),
      ),
    answers: rows
      .filter((r) => r.part === "a")
      .map(
        (r): AnswerTally => ({
          treatmentKind: r.kind,
          timepoint: r.timepoint,
          instrument: r.instrument,
          baseline: r.baseline,
          followUp: r.follow_up,
          count: r.n,
        }),
      ),
  };
}

type ObservationRow = {
  kind: string;
  timepoint: string;
  window_start: string;
  window_end: string;
  completed_at: Date | null;
  cancelled_at: Date | null;
  baseline: Record<string, number> | null;
  follow_up: Record<string, number> | null;
};

/**
 * One row per follow-up with its baseline and follow-up scores (the report's instruments), by the
 * same rules as outcomeTallies: for looking at single follow-ups (tests, exports). The report
 * uses the tallies, which are much cheaper on a large registry.
 */
export async function outcomeObservations(
  db: Executor,
  clinicId: string | null,
  instruments: readonly string[] = defaultInstruments,
): Promise<{ observations: OutcomeObservation[]; patients: number }> {
  await analyticMemory(db);
  const result = await db.execute<ObservationRow>(sql`
    with tr as materialized (${treatmentsInScope(clinicId)}),
    fu as materialized (
      select f.id, f.treatment_id, tr.kind, f.timepoint, f.window_start, f.window_end,
             f.completed_at, f.cancelled_at, tr.next_date
      from follow_ups f
      join tr on tr.id = f.treatment_id
      where tr.next_date is null or f.due_date < tr.next_date
    ),
    answer as (
      select distinct on (r.follow_up_id, r.instrument) r.follow_up_id, r.instrument, r.score::float8 as score
      from questionnaire_responses r
      join fu on fu.id = r.follow_up_id
      where ${currentScored} and ${instrumentIn(instruments)}
        and (fu.next_date is null or r.completed_at < fu.next_date::timestamp at time zone 'UTC')
      order by r.follow_up_id, r.instrument, r.completed_at desc
    ),
    base as (${baselines(instruments)})
    select fu.kind, fu.timepoint, fu.window_start::text, fu.window_end::text, fu.completed_at, fu.cancelled_at,
           (select jsonb_object_agg(b.instrument, b.score) from base b where b.treatment_id = fu.treatment_id) as baseline,
           (select jsonb_object_agg(a.instrument, a.score) from answer a where a.follow_up_id = fu.id) as follow_up
    from fu`);
  const [count] = (
    await db.execute<{ n: number }>(
      sql`select count(distinct t.patient_id)::int as n from treatments t where ${pooledScope(clinicId)}`,
    )
  ).rows;
  return {
    patients: count?.n ?? 0,
    observations: result.rows.map((r) => ({
      treatmentKind: r.kind,
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
