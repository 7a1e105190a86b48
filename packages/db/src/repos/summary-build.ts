/**
 * Computes the outcome summaries (schema/summaries.ts) of a set of (clinic, kind) slices — or of
 * everything — from the same SQL fragments and rules as the direct computation (./outcome-sql,
 * ./outcomes, ./outcome-cohorts, ./registry-cases), grouped by clinic and kind instead of pooled.
 * A slice's rows depend only on the episodes holding a treatment of its kind, so recomputing the
 * slices a write queued gives what a full rebuild gives: incremental equals rebuild by
 * construction, and `checkSummaries` (./summaries) proves it on the live data.
 */
import { tallyCases } from "@evident/domain/evidence";
import { outcomeMeasures } from "@evident/domain/outcomes";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { firstTreatments, followUpMeasureAnswers, measureBaselines } from "./outcome-sql";
import { registryCases } from "./registry-cases";
import { pooledPatient } from "./research-consent-sql";

export type Slice = { clinicId: string; kind: string };

/** The decision aid's timepoints and instrument ("people like you"). */
export const REGISTRY_TIMEPOINTS = ["3m", "6m", "12m"] as const;
export const REGISTRY_INSTRUMENT = "nrs_back";

/** registry_summary's count columns, per timepoint: due_3m, n_3m, responders_3m, due_6m, … */
export const registryCountColumns = REGISTRY_TIMEPOINTS.flatMap((tp) => [
  `due_${tp}`,
  `n_${tp}`,
  `responders_${tp}`,
]);

/** The slices as a relation of (clinic_id, kind); null: every slice. */
const sliceRelation = (slices: readonly Slice[]): SQL =>
  sql`select s.clinic_id, s.kind from jsonb_to_recordset(${JSON.stringify(
    slices.map((s) => ({ clinic_id: s.clinicId, kind: s.kind })),
  )}::jsonb) as s(clinic_id uuid, kind text)`;

const inSlices = (alias: string, slices: readonly Slice[] | null): SQL =>
  slices === null
    ? sql`true`
    : sql`(${sql.raw(alias)}.clinic_id, ${sql.raw(alias)}.kind) in (${sliceRelation(slices)})`;

/** Treatments `t` of the episodes that hold a treatment of one of the slices. */
const inEpisodesOf = (slices: readonly Slice[] | null): SQL =>
  slices === null
    ? sql`true`
    : sql`t.episode_id in (select s2.episode_id from treatments s2 where ${inSlices("s2", slices)})`;

/**
 * Every treatment of the episodes that hold a treatment of one of the slices, with its next
 * treatment's date and its place in the episode (as ./outcome-sql's treatmentsInScope).
 */
const episodeTreatments = (slices: readonly Slice[] | null): SQL => sql`
  select t.id, t.clinic_id, t.patient_id, t.episode_id, t.kind, t.treatment_date,
         ${pooledPatient("t.patient_id")} as pooled,
         lead(t.treatment_date) over episode as next_date,
         row_number() over episode as position
  from treatments t
  where ${inEpisodesOf(slices)}
  window episode as (partition by t.episode_id order by t.treatment_date, t.id)`;

/** Deletes the slices' rows from every summary table (all rows when `slices` is null). */
export async function clearSlices(db: Executor, slices: readonly Slice[] | null): Promise<void> {
  for (const table of [
    "outcome_follow_up_summary",
    "outcome_answer_summary",
    "survival_summary",
    "registry_summary",
  ])
    await db.execute(sql`delete from ${sql.raw(table)} x where ${inSlices("x", slices)}`);
  if (slices === null) await db.execute(sql`delete from summary_slices`);
}

/**
 * The outcome measures in two parts of about equal work, for a full rebuild on two connections
 * (./summaries): PROMIS-29's eight domains read eight values from each of its answer sets, about as
 * many as every other measure together (counted on the demo's plan, which asks six instruments at
 * every follow-up).
 */
export const measureParts: readonly [readonly string[], readonly string[]] = [
  outcomeMeasures.filter((m) => m.instrument === "promis29").map((m) => m.id),
  outcomeMeasures.filter((m) => m.instrument !== "promis29").map((m) => m.id),
];

/** The report's follow-up and answer tallies per (clinic, kind), every outcome measure (./outcomes). */
export async function buildOutcomeTallies(db: Executor, slices: readonly Slice[] | null): Promise<void> {
  await buildFollowUpTallies(db, slices);
  await buildAnswerTallies(db, slices, null);
}

/** The tallies' CTEs: the slices' treatments (`tr`) and their follow-ups before the next (`fu`). */
const talliesFrom = (slices: readonly Slice[] | null): SQL => sql`
    with tr as materialized (select * from (${episodeTreatments(slices)}) x where ${inSlices("x", slices)}),
    fu as materialized (
      select f.id, f.treatment_id, tr.clinic_id, tr.kind, f.timepoint, f.window_start, f.window_end,
             f.completed_at, f.cancelled_at, tr.next_date, tr.pooled
      from follow_ups f
      join tr on tr.id = f.treatment_id
      where tr.next_date is null or f.due_date < tr.next_date
    )`;

/** Follow-ups due, answered and missed per (clinic, kind, timepoint, window). */
export async function buildFollowUpTallies(db: Executor, slices: readonly Slice[] | null): Promise<void> {
  await db.execute(sql`${talliesFrom(slices)}
    insert into outcome_follow_up_summary
      (clinic_id, kind, timepoint, window_start, window_end, completed, cancelled, completed_at, cancelled_at, n, pooled)
    select fu.clinic_id, fu.kind, fu.timepoint, fu.window_start, fu.window_end,
           fu.completed_at is not null, fu.cancelled_at is not null,
           min(fu.completed_at), min(fu.cancelled_at), count(*)::int, fu.pooled
    from fu
    group by fu.clinic_id, fu.kind, fu.timepoint, fu.window_start, fu.window_end,
             fu.completed_at is not null, fu.cancelled_at is not null, fu.pooled`);
}

/** (baseline, follow-up) value pairs per (clinic, kind, timepoint, measure); `measures` null: all. */
export async function buildAnswerTallies(
  db: Executor,
  slices: readonly Slice[] | null,
  measures: readonly string[] | null,
): Promise<void> {
  await db.execute(sql`${talliesFrom(slices)},
    answer as (${followUpMeasureAnswers(measures, sql`fu.treatment_id, fu.clinic_id, fu.kind, fu.timepoint, fu.pooled`)}),
    base as (${measureBaselines(measures, "tr", true)})
    insert into outcome_answer_summary (clinic_id, kind, timepoint, instrument, baseline, follow_up, n, pooled)
    select a.clinic_id, a.kind, a.timepoint, a.instrument, b.score, a.score, count(*)::int, a.pooled
    from answer a
    left join base b on b.treatment_id = a.treatment_id and b.instrument = a.instrument
    group by a.clinic_id, a.kind, a.timepoint, a.instrument, b.score, a.score, a.pooled`);
}

/** Surgery-free survival tallies per (clinic, first treatment's kind) on `today` (./outcome-cohorts). */
export async function buildSurvival(
  db: Executor,
  slices: readonly Slice[] | null,
  surgeryKinds: readonly string[],
  today: string,
): Promise<void> {
  const surgical = sql`array[${sql.join(
    surgeryKinds.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  await db.execute(sql`
    with tr as materialized (${episodeTreatments(slices)}),
    first as materialized (
      select f.* from (${firstTreatments(inEpisodesOf(slices), today)}) f where ${inSlices("f", slices)}
    ),
    later as (
      select tr.episode_id,
             min(tr.treatment_date) filter (where tr.kind = any(${surgical})) as surgery_day,
             max(tr.treatment_date) as last_treatment
      from tr where tr.position > 1 and tr.treatment_date <= ${today}::date
      group by tr.episode_id
    ),
    answered as (
      select r.episode_id, max(r.completed_at) as last_answer
      from questionnaire_responses r
      join first on first.episode_id = r.episode_id and first.clinic_id = r.clinic_id
      group by r.episode_id
    ),
    cohort as (
      select first.clinic_id, first.kind, ${pooledPatient("first.patient_id")} as pooled,
             l.surgery_day - first.treatment_date as surgery_days,
             greatest(0, least(${today}::date,
                               greatest(first.treatment_date, l.last_treatment,
                                        (a.last_answer at time zone 'UTC')::date))
                         - first.treatment_date) as contact_days
      from first
      left join later l on l.episode_id = first.episode_id
      left join answered a on a.episode_id = first.episode_id
      where not (first.kind = any(${surgical}))
    )
    insert into survival_summary (clinic_id, kind, days, surgery, n, pooled)
    select clinic_id, kind, coalesce(surgery_days, contact_days), surgery_days is not null, count(*)::int, pooled
    from cohort group by 1, 2, 3, 4, 6`);
}

/** The slice rows: first treatments per (clinic, kind) on `today`, and a new version for each. */
export async function writeSliceRows(
  db: Executor,
  slices: readonly Slice[] | null,
  today: string,
  now: Date,
): Promise<void> {
  if (slices !== null) await db.execute(sql`delete from summary_slices x where ${inSlices("x", slices)}`);
  await db.execute(sql`
    with tr as materialized (${episodeTreatments(slices)}),
    present as (select distinct tr.clinic_id, tr.kind from tr where ${inSlices("tr", slices)})
    insert into summary_slices (clinic_id, kind, as_of, refreshed_at, version, first_treatments, pooled_first_treatments)
    select p.clinic_id, p.kind, ${today}::date, ${now}, nextval('summary_version_seq'), f.n, f.pooled
    from present p
    cross join lateral (
      select count(*)::int as n, (count(*) filter (where tr.pooled))::int as pooled from tr
      where tr.clinic_id = p.clinic_id and tr.kind = p.kind and tr.position = 1
        and tr.treatment_date <= ${today}::date) f`);
}

/**
 * Patients with a treatment, per clinic (`clinicIds` null: every clinic), and a new version for
 * each clinic refreshed — a row even for a clinic with none, so the version never goes back.
 */
export async function writeClinicCounts(
  db: Executor,
  clinicIds: readonly string[] | null,
  now: Date,
): Promise<void> {
  const ids =
    clinicIds === null
      ? sql`select id from clinics`
      : sql`select jsonb_array_elements_text(${JSON.stringify(clinicIds)}::jsonb)::uuid`;
  await db.execute(sql`delete from summary_clinics c where c.clinic_id in (${ids})`);
  await db.execute(sql`
    insert into summary_clinics (clinic_id, patients, pooled_patients, refreshed_at, version)
    select c.id, p.n, p.pooled, ${now}, nextval('summary_version_seq')
    from (${ids}) c(id)
    cross join lateral (
      select count(distinct t.patient_id)::int as n,
             (count(distinct t.patient_id) filter (where ${pooledPatient("t.patient_id")}))::int as pooled
      from treatments t where t.clinic_id = c.id) p`);
}

/** "People like you" counts per (clinic, kind) on `today`, from the decision aid's own case rows. */
export async function buildRegistry(
  db: Executor,
  slices: readonly Slice[] | null,
  today: string,
): Promise<void> {
  const byClinic = new Map<string, string[] | undefined>();
  if (slices === null) {
    const { rows } = await db.execute<{ id: string }>(sql`select distinct clinic_id as id from treatments`);
    for (const r of rows) byClinic.set(r.id, undefined);
  } else {
    for (const s of slices) byClinic.set(s.clinicId, [...(byClinic.get(s.clinicId) ?? []), s.kind]);
  }
  for (const [clinicId, kinds] of byClinic) {
    const cases = await registryCases(db, clinicId, {
      today,
      timepoints: REGISTRY_TIMEPOINTS,
      kinds,
      instrument: REGISTRY_INSTRUMENT,
    });
    const rows = tallyCases(cases, REGISTRY_TIMEPOINTS, REGISTRY_INSTRUMENT).map((t) => ({
      clinic_id: clinicId,
      kind: t.treatmentKind,
      odi: t.baseline.odi,
      start_back: t.baseline.startBack,
      weeks: t.baseline.symptomWeeks,
      age: t.baseline.age,
      treated: t.treated,
      ...Object.fromEntries(
        REGISTRY_TIMEPOINTS.flatMap((tp) => {
          const cell = t.at[tp] ?? { due: 0, n: 0, responders: 0 };
          return [
            [`due_${tp}`, cell.due],
            [`n_${tp}`, cell.n],
            [`responders_${tp}`, cell.responders],
          ];
        }),
      ),
    }));
    const columns = registryCountColumns.join(", ");
    const typed = registryCountColumns.map((c) => `${c} int`).join(", ");
    for (let i = 0; i < rows.length; i += 5000) {
      await db.execute(sql`
        insert into registry_summary (clinic_id, kind, odi, start_back, weeks, age, treated, ${sql.raw(columns)})
        select * from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
          as x(clinic_id uuid, kind text, odi float8, start_back text, weeks int, age int, treated int, ${sql.raw(typed)})`);
    }
  }
}
