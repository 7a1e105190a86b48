/**
 * The outcome measures read from the pain diary and the imaging studies, as the same rows the
 * questionnaire measures give (./outcome-sql): per follow-up `(columns, instrument, score)` and
 * per treatment `(treatment_id, instrument, score)`, the measure's id as `instrument`. The rules —
 * which days and studies make a baseline and a follow-up — are domain/outcomes/source-measures.ts;
 * both the direct computation and the summaries read them through these fragments.
 *
 * Conventions: the caller's CTE `tr` holds the treatments (with `patient_id`, `clinic_id`,
 * `treatment_date`) and `fu` the follow-ups (with `treatment_id`, `window_start`, `window_end`,
 * `cancelled_at`, `next_date`). A cancelled follow-up takes no diary or imaging value (it is not
 * due). Dates only: a diary entry's day is the patient's local day, a study's its date.
 *
 * The mean MME is summed as numeric and rounded: a float sum depends on the order rows arrive in,
 * and the summaries must equal the direct computation exactly.
 */
import {
  DIARY_BASELINE_DAYS,
  DIARY_MIN_ENTRIES,
  IMAGING_BASELINE_DAYS,
  outcomeMeasures,
} from "@evident/domain/outcomes";
import { type SQL, sql } from "drizzle-orm";

type Source = "diary" | "imaging";

/** The measures of `source` among `ids` (null: all) as a relation `m(id, value, level)`; null if none. */
function sourceRelation(source: Source, ids: readonly string[] | null): SQL | null {
  const rows = outcomeMeasures.flatMap((m): { id: string; value: string; level: string | null }[] => {
    if (ids !== null && !ids.includes(m.id)) return [];
    if (source === "diary" && m.value.from === "diary")
      return [{ id: m.id, value: m.value.value, level: null }];
    if (source === "imaging" && m.value.from === "imaging")
      return [{ id: m.id, value: m.value.finding, level: m.value.level }];
    return [];
  });
  if (rows.length === 0) return null;
  return sql`select m.id, m.value, m.level
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as m(id text, value text, level text)`;
}

/** A diary summary's value for measure `m`: the mean daily MME, or 1/0 for any opioid day. */
const diaryValue: SQL = sql`(case m.value when 'mme' then d.mme when 'on_opioids' then d.on_opioids end)`;

/** Mean daily MME (to 0.01) and any opioid day over the entries `e` of a group, with their count. */
const diaryAggregates: SQL = sql`round(avg(e.mme::numeric), 2)::float8 as mme,
  (bool_or(e.mme > 0))::int::float8 as on_opioids`;

/** Entries `e` of the patient of treatment `tr`, in its clinic. */
const entriesOf = sql`pain_diary_entries e on e.patient_id = tr.patient_id and e.clinic_id = tr.clinic_id`;
const studiesOf = sql`imaging_studies s on s.patient_id = tr.patient_id and s.clinic_id = tr.clinic_id`;

/** The level's finding of study `s` for measure `m` (lateral: one row per finding of the level that has it). */
const findingOf: SQL = sql`cross join lateral (
    select (f.x ->> m.value)::float8 as value from jsonb_array_elements(s.findings) f(x)
    where f.x ->> 'level' = m.level and (f.x ->> m.value) is not null
  ) v`;

/** Diary and imaging values per follow-up of `fu`, with `columns` of `fu`; null when `ids` names none. */
export function followUpSourceValues(ids: readonly string[] | null, columns: SQL): SQL | null {
  const arms: SQL[] = [];
  const diary = sourceRelation("diary", ids);
  if (diary)
    arms.push(sql`
      select ${columns}, m.id as instrument, ${diaryValue} as score
      from (
        select fu.id, ${diaryAggregates}
        from fu
        join tr on tr.id = fu.treatment_id
        join ${entriesOf} and e.entry_date between fu.window_start and fu.window_end
        where fu.cancelled_at is null and (fu.next_date is null or e.entry_date < fu.next_date)
        group by fu.id
        having count(*) >= ${DIARY_MIN_ENTRIES}
      ) d
      join fu on fu.id = d.id
      cross join (${diary}) m`);
  const imaging = sourceRelation("imaging", ids);
  if (imaging)
    arms.push(sql`
      select ${columns}, i.instrument, i.score from (
        select distinct on (fu.id, m.id) fu.id, m.id as instrument, v.value as score
        from fu
        join tr on tr.id = fu.treatment_id
        join ${studiesOf} and s.study_date between fu.window_start and fu.window_end
        cross join (${imaging}) m
        ${findingOf}
        where fu.cancelled_at is null and (fu.next_date is null or s.study_date < fu.next_date)
        order by fu.id, m.id, s.study_date, s.id
      ) i
      join fu on fu.id = i.id`);
  return arms.length === 0
    ? null
    : sql.join(
        arms.map((a) => sql`(${a})`),
        sql` union all `,
      );
}

/** Diary and imaging baselines per treatment of CTE `from`; null when `ids` names none. */
export function sourceBaselines(ids: readonly string[] | null, from = "tr"): SQL | null {
  const arms: SQL[] = [];
  const diary = sourceRelation("diary", ids);
  if (diary)
    arms.push(sql`
      select d.treatment_id, m.id as instrument, ${diaryValue} as score
      from (
        select tr.id as treatment_id, ${diaryAggregates}
        from ${sql.raw(from)} tr
        join ${entriesOf}
          and e.entry_date >= tr.treatment_date - ${DIARY_BASELINE_DAYS}::int and e.entry_date < tr.treatment_date
        group by tr.id
        having count(*) >= ${DIARY_MIN_ENTRIES}
      ) d
      cross join (${diary}) m`);
  const imaging = sourceRelation("imaging", ids);
  if (imaging)
    arms.push(sql`
      select distinct on (tr.id, m.id) tr.id as treatment_id, m.id as instrument, v.value as score
      from ${sql.raw(from)} tr
      join ${studiesOf}
        and s.study_date >= tr.treatment_date - ${IMAGING_BASELINE_DAYS}::int and s.study_date < tr.treatment_date
      cross join (${imaging}) m
      ${findingOf}
      order by tr.id, m.id, s.study_date desc, s.id desc`);
  return arms.length === 0
    ? null
    : sql.join(
        arms.map((a) => sql`(${a})`),
        sql` union all `,
      );
}
