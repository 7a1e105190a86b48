/**
 * Reads of the outcome summaries, in the shapes the direct computation returns (./outcomes,
 * ./outcome-cohorts), so the domain's statistics run on the same input either way. A clinic's
 * figures sum its own rows; the pooled figures (`clinicId` null) sum every clinic's. Call
 * `refreshSummaries` (./summaries) for the scope first.
 */
import type { BaselineProfile, CaseTally, StartBackGroup } from "@evident/domain/evidence";
import type { OutcomeTallies, SurvivalCounts, SurvivalTally } from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { instrumentIn } from "./outcome-sql";
import { REGISTRY_TIMEPOINTS } from "./summary-build";

/**
 * A clinic's own rows; pooled (`clinicId` null), every clinic's rows of patients who have not
 * withdrawn research consent (the `pooled` dimension, ./research-consent-sql).
 */
const scoped = (clinicId: string | null, alias = "x") =>
  clinicId === null ? sql`${sql.raw(alias)}.pooled` : sql`${sql.raw(alias)}.clinic_id = ${clinicId}`;

/** For the per-clinic count tables, which keep the pooled count as a column of its own. */
const anyClinic = (clinicId: string | null) =>
  clinicId === null ? sql`true` : sql`x.clinic_id = ${clinicId}`;

/** Of the scope, only these clinics (a cohort that picks clinics: summaries are keyed by clinic). */
const ofClinics = (clinicIds: readonly string[] | undefined) =>
  clinicIds === undefined ? sql`` : sql`and x.clinic_id = any(${sql.param([...clinicIds])}::uuid[])`;

/**
 * What the report makes of a follow-up on `today` (domain/pathway/schedule's followUpStatus, and
 * whether an answered one's window has closed). Follow-ups of one class are read as one tally
 * whose earliest window start and end stand for all: each has the class's status on `today`
 * (answered and cancelled whatever the window; upcoming, open and missed by the window, which the
 * earliest start and end of the class keep), so the counts are the direct computation's while a
 * read returns a few rows per kind and timepoint instead of one per window.
 */
const followUpClass = (today: string) => sql`case
    when x.completed then case when x.window_end < ${today}::date then 'answered, closed' else 'answered' end
    when x.cancelled then 'cancelled'
    when ${today}::date < x.window_start then 'upcoming'
    when ${today}::date <= x.window_end then 'open'
    else 'missed' end`;

/** As `outcomeTallies` for the day `today`, from the summaries (follow-ups tallied by class on that day). */
export async function summaryOutcomeTallies(
  db: Executor,
  clinicId: string | null,
  filter: {
    instruments: readonly string[];
    timepoint?: string;
    today: string;
    clinicIds?: readonly string[];
  },
): Promise<OutcomeTallies & { patients: number }> {
  const timepoint = sql`${filter.timepoint ? sql`and x.timepoint = ${filter.timepoint}` : sql``} ${ofClinics(filter.clinicIds)}`;
  const followUps = await db.execute<{
    kind: string;
    timepoint: string;
    window_start: string;
    window_end: string;
    completed_at: Date | null;
    cancelled_at: Date | null;
    n: number;
  }>(sql`
    select x.kind, x.timepoint, min(x.window_start)::text as window_start, min(x.window_end)::text as window_end,
           min(x.completed_at) as completed_at, min(x.cancelled_at) as cancelled_at, sum(x.n)::int as n
    from outcome_follow_up_summary x
    where ${scoped(clinicId)} ${timepoint}
    group by x.kind, x.timepoint, ${followUpClass(filter.today)}`);
  const answers = await db.execute<{
    kind: string;
    timepoint: string;
    instrument: string;
    baseline: number | null;
    follow_up: number;
    n: number;
  }>(sql`
    select x.kind, x.timepoint, x.instrument, x.baseline, x.follow_up, sum(x.n)::int as n
    from outcome_answer_summary x
    where ${scoped(clinicId)} ${timepoint} and ${instrumentIn(filter.instruments, "x")}
    group by x.kind, x.timepoint, x.instrument, x.baseline, x.follow_up`);
  const patients = await db.execute<{ n: number }>(
    sql`select coalesce(sum(${clinicId === null ? sql`x.pooled_patients` : sql`x.patients`}), 0)::int as n
        from summary_clinics x where ${anyClinic(clinicId)} ${ofClinics(filter.clinicIds)}`,
  );
  return {
    patients: patients.rows[0]?.n ?? 0,
    followUps: followUps.rows.map((r) => ({
      treatmentKind: r.kind,
      timepoint: r.timepoint,
      windowStart: r.window_start,
      windowEnd: r.window_end,
      completedAt: r.completed_at,
      cancelledAt: r.cancelled_at,
      count: r.n,
    })),
    answers: answers.rows.map((r) => ({
      treatmentKind: r.kind,
      timepoint: r.timepoint,
      instrument: r.instrument,
      baseline: r.baseline,
      followUp: r.follow_up,
      count: r.n,
    })),
  };
}

/**
 * As `survivalTallies`, from the summaries (computed for the slices' `as_of` day); `clinicIds`:
 * of the scope, only these clinics.
 */
export async function summarySurvival(
  db: Executor,
  clinicId: string | null,
  surgeryKinds: readonly string[],
  clinicIds?: readonly string[],
): Promise<{ tallies: SurvivalTally[]; counts: SurvivalCounts }> {
  const tallies = await db.execute<{ kind: string; days: number; surgery: boolean; n: number }>(sql`
    select x.kind, x.days, x.surgery, sum(x.n)::int as n from survival_summary x
    where ${scoped(clinicId)} ${ofClinics(clinicIds)} group by x.kind, x.days, x.surgery`);
  const first = clinicId === null ? sql`x.pooled_first_treatments` : sql`x.first_treatments`;
  const counts = await db.execute<{ episodes: number; surgical: number }>(sql`
    select coalesce(sum(${first}), 0)::int as episodes,
           coalesce(sum(${first}) filter (where x.kind in (${sql.join(
             surgeryKinds.map((k) => sql`${k}`),
             sql`, `,
           )})), 0)::int as surgical
    from summary_slices x where ${anyClinic(clinicId)} ${ofClinics(clinicIds)}`);
  return {
    tallies: tallies.rows.map((r) => ({
      treatmentKind: r.kind,
      days: r.days,
      surgery: r.surgery,
      count: r.n,
    })),
    counts: { episodes: counts.rows[0]?.episodes ?? 0, firstSurgical: counts.rows[0]?.surgical ?? 0 },
  };
}

/**
 * The clinic's "people like you" tallies. Without a profile, one per kind (nothing is matched);
 * with one, only those whose Oswestry score is within `odiWindow` of the patient's (the one
 * criterion never widened), grouped by the other matching dimensions.
 */
export async function summaryRegistryTallies(
  db: Executor,
  clinicId: string,
  profile: BaselineProfile | null,
  odiWindow: number,
): Promise<CaseTally[]> {
  const sums = sql.join(
    REGISTRY_TIMEPOINTS.map(
      (tp) => sql`${tp}::text, jsonb_build_object(
        'due', sum(${sql.raw(`x.due_${tp}`)}), 'n', sum(${sql.raw(`x.n_${tp}`)}),
        'responders', sum(${sql.raw(`x.responders_${tp}`)}))`,
    ),
    sql`, `,
  );
  const matched = profile !== null && profile.odi !== null;
  const rows = await db.execute<{
    kind: string;
    start_back: StartBackGroup | null;
    weeks: number | null;
    age: number | null;
    treated: number;
    at: CaseTally["at"];
  }>(
    matched
      ? sql`
        select x.kind, x.start_back, x.weeks, x.age, sum(x.treated)::int as treated, jsonb_build_object(${sums}) as at
        from registry_summary x
        where x.clinic_id = ${clinicId} and x.odi is not null and abs(x.odi - ${profile.odi}::float8) <= ${odiWindow}
        group by x.kind, x.start_back, x.weeks, x.age`
      : sql`
        select x.kind, null as start_back, null::int as weeks, null::int as age,
               sum(x.treated)::int as treated, jsonb_build_object(${sums}) as at
        from registry_summary x where x.clinic_id = ${clinicId} group by x.kind`,
  );
  return rows.rows.map((r) => ({
    treatmentKind: r.kind,
    // Every tally read here is within the Oswestry window: the patient's own score stands for it.
    baseline: {
      odi: matched ? profile.odi : null,
      startBack: r.start_back,
      symptomWeeks: r.weeks,
      age: r.age,
    },
    treated: r.treated,
    at: r.at,
  }));
}

/** The newest summary version in scope: a cached result made from an older one is out of date. */
export async function summaryVersion(db: Executor, clinicId: string | null): Promise<number> {
  const { rows } = await db.execute<{ v: string | null }>(
    sql`select max(x.version)::text as v from summary_clinics x where ${anyClinic(clinicId)}`,
  );
  return Number(rows[0]?.v ?? 0);
}

/** A cached comparison for this scope, question, day and data version (null: none). */
export async function cachedComparison<T>(
  db: Executor,
  key: { clinicId: string | null; question: string; asOf: string; version: number },
): Promise<T | null> {
  const { rows } = await db.execute<{ result: T }>(sql`
    select c.result from comparison_cache c
    where c.question = ${key.question} and c.as_of = ${key.asOf}::date and c.version = ${key.version}
      and ${key.clinicId === null ? sql`c.clinic_id is null` : sql`c.clinic_id = ${key.clinicId}`}
    limit 1`);
  return rows[0]?.result ?? null;
}

/** Stores a comparison's result, replacing older ones for the same scope and question. */
export async function cacheComparison(
  db: Executor,
  key: { clinicId: string | null; question: string; asOf: string; version: number },
  result: unknown,
): Promise<void> {
  const scope = key.clinicId === null ? sql`c.clinic_id is null` : sql`c.clinic_id = ${key.clinicId}`;
  await db.execute(sql`delete from comparison_cache c where c.question = ${key.question} and ${scope}`);
  await db.execute(sql`
    insert into comparison_cache (clinic_id, question, as_of, version, result)
    values (${key.clinicId}, ${key.question}, ${key.asOf}::date, ${key.version}, ${JSON.stringify(result)}::jsonb)`);
}
