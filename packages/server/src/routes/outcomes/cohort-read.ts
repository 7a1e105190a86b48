/**
 * How an outcomes view reads for a cohort (./cohort.ts). Unfiltered, or filtered by clinic alone,
 * the view's summaries answer (keyed by clinic). Any other filter is computed by the direct SQL
 * over the cohort's patients (db/repos/cohort-outcomes.ts): a clinic's in its own read, a
 * researcher's pooled view by the system role first — it reads patients' rows, which the research
 * role cannot — with only the view's aggregates cached for the research role to read.
 */
import {
  cacheComparison,
  cachedComparison,
  type Db,
  type Executor,
  inTx,
  type OutcomesQuery,
  summaryVersion,
} from "@evident/db";
import type { CohortCaption } from "@evident/domain/api";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { bySummaries, type ViewCohort } from "./cohort";
import { type OutcomesRead, readOutcomes, StaleCache, untilFresh } from "./read";

/**
 * A query computed by the direct SQL: `query` for the read (a pooled one reads the cache, or is
 * stale), `prepare` to compute and cache the pooled result as the system role. `question` keys the
 * cache with the scope, day and data version.
 */
export function directRead<T>(question: unknown, compute: OutcomesQuery<T>) {
  const text = JSON.stringify(question);
  const keyOf = async (tx: Executor, clinicId: string | null, asOf: string) => ({
    clinicId,
    question: text,
    asOf,
    version: await summaryVersion(tx, clinicId),
  });
  return {
    query: async (tx: Executor, clinicId: string | null, asOf: string): Promise<T> => {
      if (clinicId !== null) return compute(tx, clinicId, asOf);
      const cached = await cachedComparison<T>(tx, await keyOf(tx, null, asOf));
      if (!cached) throw new StaleCache();
      return cached;
    },
    prepare: (system: Db, asOf: string) =>
      inTx(system, async (tx) => {
        const key = await keyOf(tx, null, asOf);
        if (!(await cachedComparison(tx, key))) await cacheComparison(tx, key, await compute(tx, null, asOf));
      }),
  };
}

/**
 * Reads a view for the scope, or for `cohort`: `summaries` when they can answer it (no cohort, or
 * clinics only), else `direct` over the cohort's filter. Both return the view's aggregates.
 */
export function readView<T>(
  c: Context<AppEnv>,
  entityType: string,
  cohort: ViewCohort | null,
  view: {
    question: unknown[];
    summaries: OutcomesQuery<T>;
    direct: (cohort: ViewCohort) => OutcomesQuery<T>;
    detail: (data: T) => Record<string, unknown>;
  },
): Promise<OutcomesRead<T>> {
  const detail = (d: T) => ({ ...view.detail(d), ...cohortDetail(cohort) });
  if (!cohort || bySummaries(cohort.filter)) return readOutcomes(c, entityType, view.summaries, detail);
  const direct = directRead([entityType, cohort.filter, ...view.question], view.direct(cohort));
  return untilFresh(() =>
    readOutcomes(c, entityType, direct.query, detail, { preparePooled: direct.prepare }),
  );
}

/** The cohort in the audit event of a read. */
export const cohortDetail = (cohort: ViewCohort | null) =>
  cohort ? { cohort: { id: cohort.id, version: cohort.version, filter: cohort.filter } } : {};

/** The cohort as a response prints it; null unfiltered. */
export const cohortCaption = (cohort: ViewCohort | null, suppressedRows: number): CohortCaption | null =>
  cohort ? { line: cohort.line, id: cohort.id, version: cohort.version, suppressedRows } : null;

/** The note that says what a filtered view left out, if anything. */
export function leftOutNote(left: number, what: [string, string], why: string): string[] {
  return left > 0
    ? [`${left} ${left === 1 ? what[0] : what[1]} left out of this filtered view because ${why}.`]
    : [];
}
