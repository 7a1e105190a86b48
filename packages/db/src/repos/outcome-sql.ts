/**
 * SQL fragments shared by the outcomes queries (./outcomes, ./outcome-cohorts): which answers
 * count, the treatments in scope with their place in the episode, and each treatment's baseline.
 */
import { fromAnswers, outcomeMeasures } from "@evident/domain/outcomes";
import { BASELINE_LOOKBACK_DAYS } from "@evident/domain/pathway/late-baseline";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { followUpSourceValues, sourceBaselines } from "./outcome-sources";
import { pooledPatient } from "./research-consent-sql";

/** A response that counts: current (not superseded) and scored. Alias `r`. */
export const currentScored: SQL = sql`r.superseded_at is null and r.score is not null and r.score <> 'null'::jsonb`;

export const clinicScope = (clinicId: string | null, alias = "t"): SQL =>
  clinicId ? sql`${sql.raw(alias)}.clinic_id = ${clinicId}` : sql`true`;

/**
 * Rows (with a `patient_id`) of a clinic's own figures, or of pooled figures (`clinicId` null):
 * every clinic's, without patients who withdrew research consent (./research-consent-sql).
 */
export const pooledScope = (clinicId: string | null, alias = "t"): SQL =>
  clinicId ? clinicScope(clinicId, alias) : pooledPatient(`${alias}.patient_id`);

/**
 * Treatments in scope with the date of the next treatment in the same episode (null if none) and
 * their order in the episode (1 = first). Ties on a date go by record id, as everywhere.
 */
export const treatmentsInScope = (clinicId: string | null): SQL => sql`
  select t.id, t.clinic_id, t.patient_id, t.episode_id, t.kind, t.treatment_date,
         lead(t.treatment_date) over episode as next_date,
         row_number() over episode as position
  from treatments t
  where ${pooledScope(clinicId)}
  window episode as (partition by t.episode_id order by t.treatment_date, t.id)`;

/**
 * The first treatment of each episode whose treatments `where` keeps (alias `t`), given on or
 * before `today`: the rows of treatmentsInScope with position 1, read with DISTINCT ON so that
 * the planner estimates one row per episode. Filtering the window's `position = 1` instead is
 * estimated at 0.5% of the treatments (a window function's output has no statistics); at 10,000
 * patients survival then planned for 51 first treatments where there were 9,678, and looked up
 * each one's answers with a nested loop of 9,678 index scans.
 */
export const firstTreatments = (where: SQL, today: string): SQL => sql`
  select f.id, f.clinic_id, f.patient_id, f.episode_id, f.kind, f.treatment_date from (
    select distinct on (t.episode_id) t.id, t.clinic_id, t.patient_id, t.episode_id, t.kind, t.treatment_date
    from treatments t
    where ${where}
    order by t.episode_id, t.treatment_date, t.id
  ) f
  where f.treatment_date <= ${today}::date`;

/**
 * `r.instrument` is one of these (a plan asks many questionnaires; an analysis reads a few); null:
 * any (the summaries keep every instrument).
 */
export const instrumentIn = (instruments: readonly string[] | null, alias = "r"): SQL =>
  instruments === null
    ? sql`true`
    : instruments.length === 0
      ? sql`false`
      : sql`${sql.raw(alias)}.instrument in (${sql.join(
          instruments.map((i) => sql`${i}`),
          sql`, `,
        )})`;

/**
 * The first instant after the local day `date` in the time zone of clinic `clinicId` (both SQL
 * expressions). The zone is read by a scalar subquery, not a join: the clinics table is tiny and
 * seldom has planner statistics, and joining it made the planner expect a handful of baselines
 * where there are thousands, and pick nested loops that took "people like you" from 0.4 s to 7 s
 * on a 3,000-patient demo.
 */
const endOfLocalDay = (date: SQL, clinicId: SQL): SQL =>
  sql`((${date}) + 1)::timestamp at time zone (select z.time_zone from clinics z where z.id = ${clinicId})`;

/** The first treatment date of the episode of `row` (an alias with `episode_id`). */
const firstTreatmentDate = (row: string): SQL =>
  sql`(select min(ft.treatment_date) from treatments ft where ft.episode_id = ${sql.raw(row)}.episode_id)`;

/** `r` is a baseline answered at or after `firstDayEnd`, the end of its episode's first treatment day. */
const answeredLate = (r: string, firstDayEnd: SQL): SQL =>
  sql`(${sql.raw(r)}.timepoint = 'baseline' and coalesce(${sql.raw(r)}.completed_at >= ${firstDayEnd}, false))`;

/**
 * `r` (a questionnaire response) is a late baseline: a baseline answered after the local day of
 * its episode's first treatment, in the clinic's time zone. The one SQL form of the rule in
 * domain/pathway/late-baseline.ts: such answers are kept and shown marked "late", and left out of
 * every baseline below (which reads the same end of day once per treatment). Derived, not
 * stored, so a corrected treatment date moves it.
 */
export const lateBaseline = (alias = "r"): SQL =>
  answeredLate(alias, endOfLocalDay(firstTreatmentDate(alias), sql`${sql.raw(alias)}.clinic_id`));

/**
 * The treatments of CTE `from` with the bounds of their baseline window — the 180 local days up to
 * the treatment day — and the end of their episode's first treatment day. Not fenced with
 * `offset 0` by default: a caller's condition on the treatment must reach the CTE, or a
 * per-follow-up lookup of one treatment's baseline computes every treatment's. `fenced` is for
 * callers that want every treatment's baselines: unfenced, the planner moves the bounds into the
 * join with the answers, and the clinic's time zone and the episode's first treatment day are
 * looked up again for every answer of the episode instead of once per treatment.
 */
const withBaselineBounds = (from: string, fenced = false): SQL => sql`(
  select t.*, ${endOfLocalDay(sql`t.treatment_date`, sql`t.clinic_id`)} as day_end,
         ${endOfLocalDay(sql`t.treatment_date - ${sql.raw(String(BASELINE_LOOKBACK_DAYS + 1))}`, sql`t.clinic_id`)} as day_start,
         ${endOfLocalDay(firstTreatmentDate("t"), sql`t.clinic_id`)} as first_day_end
  from ${sql.raw(from)} t${fenced ? sql` offset 0` : sql``})`;

/**
 * Latest current answer per (treatment, instrument) in the 180 days up to the treatment day (the
 * clinic's local days), for the treatments of CTE `from` (default `tr`) and the given
 * instruments; never a late baseline. `fenced`: for all of `from`'s treatments at once (above).
 */
export const baselines = (instruments: readonly string[] | null, from = "tr", fenced = false): SQL => sql`
  select distinct on (tr.id, r.instrument) tr.id as treatment_id, r.instrument, r.score::float8 as score
  from ${withBaselineBounds(from, fenced)} tr
  join questionnaire_responses r on r.episode_id = tr.episode_id and r.clinic_id = tr.clinic_id
  where ${currentScored} and r.completed_at < tr.day_end and r.completed_at >= tr.day_start
    and ${instrumentIn(instruments)}
    and not ${answeredLate("r", sql`tr.first_day_end`)}
  order by tr.id, r.instrument, r.completed_at desc`;

/**
 * The latest STarT Back group per treatment of CTE `from` in its baseline window, never from a
 * late baseline (the same rules as `baselines`; the group is in the score detail).
 */
export const baselineStartBack = (from = "tr"): SQL => sql`
  select distinct on (tr.id) tr.id as treatment_id, r.score_detail->>'group' as grp
  from ${withBaselineBounds(from)} tr
  join questionnaire_responses r on r.episode_id = tr.episode_id and r.clinic_id = tr.clinic_id
  where r.superseded_at is null and r.instrument = 'startback'
    and r.completed_at < tr.day_end and r.completed_at >= tr.day_start
    and not ${answeredLate("r", sql`tr.first_day_end`)}
  order by tr.id, r.completed_at desc`;

/** Asks for more sort and hash memory for this transaction's analytic queries (no effect outside one). */
export async function analyticMemory(db: Executor): Promise<void> {
  await db.execute(sql`select set_config('work_mem', '64MB', true)`);
}

/**
 * The outcome measures read from answer sets (domain/outcomes/measures) as a relation
 * `m(id, instrument, path)`: path null reads the response's score, else that path in its score
 * detail. `ids` null: every such measure (the summaries keep them all); an id that names no such
 * measure reads nothing.
 */
export const measureRelation = (ids: readonly string[] | null): SQL => {
  const rows = outcomeMeasures
    .filter((m) => fromAnswers(m) && (ids === null || ids.includes(m.id)))
    .map((m) => ({
      id: m.id,
      instrument: m.instrument,
      path: m.value.from === "detail" ? m.value.path : null,
    }));
  return sql`select m.id, m.instrument, m.path
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as m(id text, instrument text, path text[])`;
};

/**
 * The value of measure `m` in response `r` (null: not scored there). A current answer only; a
 * score measure's value is non-null exactly when `currentScored` holds.
 */
export const measureValue: SQL = sql`(case
  when r.superseded_at is not null then null
  when m.path is null then (case when r.score is null or r.score = 'null'::jsonb then null else r.score::float8 end)
  else (r.score_detail #>> m.path)::float8 end)`;

/**
 * Each outcome measure's baseline per treatment of CTE `from`, the measure's id as `instrument`
 * and its value as `score`: for a questionnaire measure as `baselines`, per measure instead of per
 * instrument (the latest current answer in the baseline window that has the measure's value; for
 * a measure read from the score this is `baselines` exactly); for the diary and imaging measures
 * by their own rules (./outcome-sources). `fenced`: as for `baselines`.
 */
export const measureBaselines = (ids: readonly string[] | null, from = "tr", fenced = false): SQL =>
  unionOf(answersAsked(ids) ? answerBaselines(ids, from, fenced) : null, sourceBaselines(ids, from));

/** The arms given, each in parentheses (an arm may end in ORDER BY), joined by UNION ALL. */
const unionOf = (...arms: (SQL | null)[]): SQL => {
  const present = arms.filter((a): a is SQL => a !== null);
  if (present.length === 0)
    return sql`select null::uuid as treatment_id, null::text as instrument, null::float8 as score where false`;
  return sql.join(
    present.map((a) => sql`(${a})`),
    sql` union all `,
  );
};

/** Whether `ids` (null: all) names a measure read from answer sets. */
const answersAsked = (ids: readonly string[] | null): boolean =>
  outcomeMeasures.some((m) => fromAnswers(m) && (ids === null || ids.includes(m.id)));

const answerBaselines = (ids: readonly string[] | null, from: string, fenced: boolean): SQL => sql`
  select distinct on (tr.id, m.id) tr.id as treatment_id, m.id as instrument, v.value as score
  from ${withBaselineBounds(from, fenced)} tr
  join questionnaire_responses r on r.episode_id = tr.episode_id and r.clinic_id = tr.clinic_id
  join (${measureRelation(ids)}) m on m.instrument = r.instrument
  cross join lateral (select ${measureValue} as value) v
  where v.value is not null and r.completed_at < tr.day_end and r.completed_at >= tr.day_start
    and not ${answeredLate("r", sql`tr.first_day_end`)}
  order by tr.id, m.id, r.completed_at desc`;

/**
 * Each outcome measure's value per follow-up of CTE `fu`: the measure's id as `instrument`, its
 * value as `score`, and `columns` of `fu`. For a questionnaire measure the latest current answer
 * with a value, answered before the next treatment (for a measure read from the score, the
 * per-instrument answer the report always read); for the diary and imaging measures by their own
 * rules (./outcome-sources, which also reads the treatments' CTE `tr`).
 */
export const followUpMeasureAnswers = (ids: readonly string[] | null, columns: SQL): SQL => {
  const sources = followUpSourceValues(ids, columns);
  if (sources === null) return followUpAnswers(ids, columns);
  return unionOf(answersAsked(ids) ? followUpAnswers(ids, columns) : null, sources);
};

const followUpAnswers = (ids: readonly string[] | null, columns: SQL): SQL => {
  const instruments =
    ids === null
      ? null
      : [...new Set(outcomeMeasures.filter((m) => ids.includes(m.id)).map((m) => m.instrument))];
  return sql`
  select distinct on (r.follow_up_id, m.id) ${columns}, m.id as instrument, v.value as score
  from questionnaire_responses r
  join fu on fu.id = r.follow_up_id
  join (${measureRelation(ids)}) m on m.instrument = r.instrument
  cross join lateral (select ${measureValue} as value) v
  where v.value is not null and ${instrumentIn(instruments)}
    and (fu.next_date is null or r.completed_at < fu.next_date::timestamp at time zone 'UTC')
  order by r.follow_up_id, m.id, r.completed_at desc`;
};
