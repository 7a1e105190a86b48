/** GET /outcomes/comparison: an adjusted (IPTW) comparison of two first treatments. */
import {
  cacheComparison,
  cachedComparison,
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
import { readOutcomes, StaleCache, untilFresh } from "./read";

const comparison = createRoute({
  method: "get",
  path: "/outcomes/comparison",
  tags: ["Outcomes"],
  summary: "Adjusted comparison of two treatments (propensity-score weighting)",
  description: `Target-trial-style: episodes whose first treatment was \`treatment\` or \`comparator\`, in conditions where both were given; baseline covariates age, sex, baseline score, symptom duration and condition; a logistic propensity model, stabilised inverse-probability weights (optionally truncated), a balance table (SMD before and after), the weighted differences in mean change and responder share with robust 95% intervals, and E-values. 400 naming the field when a kind is unknown, both are the same, or fewer than ${MINIMUM_PER_ARM} patients per arm can be analysed.`,
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: ComparisonQuery },
  responses: { 200: json(ComparisonReport, "The comparison"), ...problems(400, 401, 403) },
});

type Result = ReturnType<typeof compareTreatments>;

export function comparisonRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(comparison, async (c) => {
    const query = c.req.valid("query");
    const question = JSON.stringify([
      query.treatment,
      query.comparator,
      query.instrument,
      query.timepoint,
      query.truncate,
    ]);
    // Cached per scope, question, day and data version (the summaries' version moves with every
    // write that can change an outcome): only aggregates are stored.
    const keyOf = async (tx: Executor, clinicId: string | null, asOf: string) => ({
      clinicId,
      question,
      asOf,
      version: await summaryVersion(tx, clinicId),
    });
    const compute = async (tx: Executor, clinicId: string | null, asOf: string): Promise<Result> => {
      const key = await keyOf(tx, clinicId, asOf);
      const cached = await cachedComparison<Result>(tx, key);
      if (cached) return cached;
      const candidates = await comparisonCandidates(tx, clinicId, { ...query, today: asOf });
      // Computed before the read is audited, so a refusal (400) is not audited as a read of results.
      const result = compareTreatments(candidates, query, asOf);
      await cacheComparison(tx, key, result);
      return result;
    };
    const attempt = () =>
      readOutcomes(
        c,
        "outcomes-comparison",
        async (tx, clinicId, asOf) => {
          if (clinicId !== null) return compute(tx, clinicId, asOf);
          // Pooled: the research role reads what the system role has just computed and cached.
          const cached = await cachedComparison<Result>(tx, await keyOf(tx, null, asOf));
          if (!cached) throw new StaleCache();
          return cached;
        },
        (d) => ({ ...query, analysed: d.arms[0].n + d.arms[1].n }),
        // Computing a pooled comparison reads patients' rows: maintenance, as the system role does it.
        (system, asOf) => inTx(system, (tx) => compute(tx, null, asOf)).then(() => undefined),
      );
    // A write landing between the two steps of a pooled read: compute again (a few times at most).
    const read = await untilFresh(attempt);
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        ...read.data,
        notes: [...read.scopeNotes.slice(0, 1), ...read.data.notes, ...read.scopeNotes.slice(1)],
      },
      200,
    );
  });
}
