/**
 * The SQL behind the two cohort analyses of the outcomes page (rules as in ./outcomes):
 *
 * - surgery-free survival: per episode whose first treatment was not an operation, the days to
 *   the first later discectomy or fusion in the episode, or to the last contact (the later of the
 *   last answer and the last treatment, at most today); tallied per (kind, days, event);
 * - the comparison of two treatments: one row per episode whose first treatment was one of them,
 *   with the baseline covariates, the baseline score, the follow-up at the timepoint and its
 *   answer. These rows stay in the server: the route returns only the comparison's aggregates.
 */
import type { ComparisonCandidate, SurvivalCounts, SurvivalTally } from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import {
  analysedTreatment,
  type CohortRestriction,
  ofCohortPatients,
  restrictedTreatments,
} from "./cohort-restriction";
import {
  analyticMemory,
  firstTreatments,
  followUpMeasureAnswers,
  measureBaselines,
  pooledScope,
} from "./outcome-sql";

type SurvivalRow = {
  part: "t" | "c";
  kind: string;
  days: number;
  surgery: boolean;
  n: number;
  surgical: number;
};

/** `restrict`: a cohort's (./cohort-restriction): its patients' episodes whose first treatment it analyses. */
export async function survivalTallies(
  db: Executor,
  clinicId: string | null,
  surgeryKinds: readonly string[],
  today: string,
  restrict?: CohortRestriction,
): Promise<{ tallies: SurvivalTally[]; counts: SurvivalCounts }> {
  await analyticMemory(db);
  const surgical = sql`array[${sql.join(
    surgeryKinds.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;
  const result = await db.execute<SurvivalRow>(sql`
    with tr as materialized (${restrictedTreatments(clinicId, restrict)}),
    first as materialized (${cohortFirstTreatments(clinicId, today, restrict)}),
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
      select first.kind, l.surgery_day - first.treatment_date as surgery_days,
             -- greatest() skips nulls: without any later contact, the treatment day itself.
             greatest(0, least(${today}::date,
                               greatest(first.treatment_date, l.last_treatment,
                                        (a.last_answer at time zone 'UTC')::date))
                         - first.treatment_date) as contact_days
      from first
      left join later l on l.episode_id = first.episode_id
      left join answered a on a.episode_id = first.episode_id
      where not (first.kind = any(${surgical}))
    )
    select 't' as part, kind, coalesce(surgery_days, contact_days) as days,
           surgery_days is not null as surgery, count(*)::int as n, 0 as surgical
    from cohort group by 1, 2, 3, 4
    union all
    select 'c', null, null, null, count(*)::int, (count(*) filter (where kind = any(${surgical})))::int
    from first`);
  const counts = result.rows.find((r) => r.part === "c");
  return {
    tallies: result.rows
      .filter((r) => r.part === "t")
      .map((r) => ({ treatmentKind: r.kind, days: r.days, surgery: r.surgery, count: r.n })),
    counts: { episodes: counts?.n ?? 0, firstSurgical: counts?.surgical ?? 0 },
  };
}

/** The first treatments of the episodes in scope (./outcome-sql), of the cohort's patients, kinds and dates. */
const cohortFirstTreatments = (clinicId: string | null, today: string, r: CohortRestriction | undefined) =>
  r
    ? sql`select * from (${firstTreatments(sql`${pooledScope(clinicId)} and ${ofCohortPatients(r)}`, today)}) f0
          where ${analysedTreatment(r, "f0")}`
    : firstTreatments(pooledScope(clinicId), today);

/** A follow-up's columns as the cohort queries select them (null window: none scheduled). */
export type FollowUpColumns = {
  window_start: string | null;
  window_end: string | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  ended: boolean | null;
};

/** The treatment's follow-up at the timepoint, as the domain takes it; null when none was scheduled. */
export function followUpOf(r: FollowUpColumns): ComparisonCandidate["followUp"] {
  return r.window_start === null || r.window_end === null
    ? null
    : {
        windowStart: r.window_start,
        windowEnd: r.window_end,
        completedAt: r.completed_at,
        cancelledAt: r.cancelled_at,
        ended: r.ended === true,
      };
}

type CandidateRow = FollowUpColumns & {
  kind: string;
  treatment_date: string;
  birth_date: string;
  sex: string;
  condition: string;
  onset_date: string | null;
  baseline: number | null;
  score: number | null;
};

export type CandidateFilter = {
  treatment: string;
  comparator: string;
  instrument: string;
  timepoint: string;
  today: string;
};

/**
 * `instrument` is an outcome measure (domain/outcomes/measures: a score or a sub-score), read as
 * the report reads it; `restrict`: a cohort's (./cohort-restriction).
 */
export async function comparisonCandidates(
  db: Executor,
  clinicId: string | null,
  filter: CandidateFilter,
  restrict?: CohortRestriction,
): Promise<ComparisonCandidate[]> {
  await analyticMemory(db);
  const { treatment, comparator, instrument, timepoint, today } = filter;
  const result = await db.execute<CandidateRow>(sql`
    with tr as materialized (${restrictedTreatments(clinicId, restrict)}),
    first as materialized (
      select * from tr
      where tr.position = 1 and tr.kind in (${treatment}, ${comparator}) and tr.treatment_date <= ${today}::date
        and ${analysedTreatment(restrict)}
    ),
    base as (${measureBaselines([instrument], "first")}),
    fu as (
      select f.id, f.treatment_id, f.window_start, f.window_end, f.completed_at, f.cancelled_at,
             (first.next_date is not null and f.due_date >= first.next_date) as ended, first.next_date
      from follow_ups f
      join first on first.id = f.treatment_id
      where f.timepoint = ${timepoint}
    ),
    answer as (${followUpMeasureAnswers([instrument], sql`r.follow_up_id`)})
    select first.kind, first.treatment_date::text, p.birth_date::text, p.sex, e.condition,
           e.onset_date::text, b.score as baseline, fu.window_start::text, fu.window_end::text,
           fu.completed_at, fu.cancelled_at, fu.ended, a.score
    from first
    join patients p on p.id = first.patient_id
    join episodes e on e.id = first.episode_id
    left join base b on b.treatment_id = first.id
    left join fu on fu.treatment_id = first.id
    left join answer a on a.follow_up_id = fu.id`);
  return result.rows.map((r) => ({
    arm: r.kind === treatment ? "treatment" : "comparator",
    treatmentDate: r.treatment_date,
    birthDate: r.birth_date,
    sex: r.sex,
    condition: r.condition,
    onsetDate: r.onset_date,
    baseline: r.baseline,
    followUp: followUpOf(r),
    score: r.score,
  }));
}
