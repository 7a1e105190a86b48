/**
 * GET /outcomes/comparison: an adjusted (IPTW) comparison of two first treatments, for the scope or
 * a cohort (./cohort.ts): always from the direct SQL, restricted to the cohort's patients and to
 * first treatments of its kinds and dates (db/repos/cohort-restriction.ts).
 */
import {
  cacheComparison,
  cachedComparison,
  cohortRestriction,
  comparisonCandidates,
  type Executor,
  inTx,
  summaryVersion,
} from "@evident/db";
import { ComparisonQuery, ComparisonReport } from "@evident/domain/api";
import { compareTreatments, MINIMUM_PER_ARM } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { viewCohort } from "./cohort";
import { cohortCaption, cohortDetail } from "./cohort-read";
import { readOutcomes, StaleCache, untilFresh } from "./read";

const comparison = createRoute({
  method: "get",
  path: "/outcomes/comparison",
  tags: ["Outcomes"],
  summary: "Adjusted comparison of two treatments (propensity-score weighting)",
  description: `Target-trial-style: episodes whose first treatment was \`treatment\` or \`comparator\`, in conditions where both were given; baseline covariates age, sex, baseline score, symptom duration and condition; a logistic propensity model, stabilised inverse-probability weights (optionally truncated), a balance table (SMD before and after), the weighted differences in mean change and responder share with robust 95% intervals, and E-values. \`instrument\` is any outcome measure with a change from baseline and a cited responder threshold (an instrument's score or a sub-score such as \`promis29.pain_interference\`). 400 naming the field when a kind is unknown, both are the same, the measure has no threshold (PEG, EQ VAS), or fewer than ${MINIMUM_PER_ARM} patients per arm can be analysed. A cohort narrows it exactly as for GET /outcomes (\`cohort\`, or the filters; not both): its patients' episodes whose first treatment is of its kinds and dates; the cohort's line is in \`cohort\`.`,
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: ComparisonQuery },
  responses: { 200: json(ComparisonReport, "The comparison"), ...problems(400, 401, 403, 404) },
});

type Result = ReturnType<typeof compareTreatments>;
type Found = {
  result: Result;
  key: Parameters<typeof cachedComparison>[1];
  computed: boolean;
};

export function comparisonRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(comparison, async (c) => {
    const query = c.req.valid("query");
    const cohort = await viewCohort(c, query);
    const request = {
      treatment: query.treatment,
      comparator: query.comparator,
      instrument: query.instrument,
      timepoint: query.timepoint,
      truncate: query.truncate,
      cohort: cohort !== null,
    };
    const question = JSON.stringify([
      query.treatment,
      query.comparator,
      query.instrument,
      query.timepoint,
      query.truncate,
      ...(cohort ? [cohort.filter] : []),
    ]);
    // Cached per scope, question, day and data version (the summaries' version moves with every
    // write that can change an outcome): only aggregates are stored. The version is the one of the
    // data read (a lagging replica's included), so a result is never filed as newer than its data.
    const keyOf = async (tx: Executor, clinicId: string | null, asOf: string) => ({
      clinicId,
      question,
      asOf,
      version: await summaryVersion(tx, clinicId),
    });
    /** The cached result, or one computed now (not yet stored: the caller stores it on the primary). */
    const lookUp = async (tx: Executor, clinicId: string | null, asOf: string): Promise<Found> => {
      const key = await keyOf(tx, clinicId, asOf);
      const cached = await cachedComparison<Result>(tx, key);
      if (cached) return { result: cached, key, computed: false };
      const restrict = cohort ? await cohortRestriction(tx, clinicId, cohort.filter) : undefined;
      const candidates = await comparisonCandidates(tx, clinicId, { ...request, today: asOf }, restrict);
      // Computed before the read is audited, so a refusal (400) is not audited as a read of results.
      return { result: compareTreatments(candidates, request, asOf), key, computed: true };
    };
    const store = async (tx: Executor, d: Found) => {
      if (d.computed) await cacheComparison(tx, d.key, d.result);
    };
    const attempt = () =>
      readOutcomes(
        c,
        "outcomes-comparison",
        async (tx, clinicId, asOf): Promise<Found> => {
          if (clinicId !== null) return lookUp(tx, clinicId, asOf);
          // Pooled: the research role reads what the system role has just computed and cached. A
          // replica that has not replayed it yet leaves the read to the primary (StaleCache is a StaleRead).
          const key = await keyOf(tx, null, asOf);
          const cached = await cachedComparison<Result>(tx, key);
          if (!cached) throw new StaleCache();
          return { result: cached, key, computed: false };
        },
        (d) => ({
          treatment: query.treatment,
          comparator: query.comparator,
          instrument: query.instrument,
          timepoint: query.timepoint,
          truncate: query.truncate,
          analysed: d.result.arms[0].n + d.result.arms[1].n,
          ...cohortDetail(cohort),
        }),
        {
          // A clinic's result, computed wherever it was read, is stored on the primary.
          keep: (tx, _clinicId, d) => store(tx, d),
          // Computing a pooled comparison reads patients' rows: maintenance, as the system role
          // does it, on the primary.
          preparePooled: (system, asOf) =>
            inTx(system, async (tx) => store(tx, await lookUp(tx, null, asOf))),
        },
      );
    // A write landing between the two steps of a pooled read, seen on the primary too: compute
    // again (a few times at most).
    const read = await untilFresh(attempt);
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        ...read.data.result,
        cohort: cohortCaption(cohort, 0),
        notes: [...read.scopeNotes.slice(0, 1), ...read.data.result.notes, ...read.scopeNotes.slice(1)],
      },
      200,
    );
  });
}
