/** GET /outcomes/comparison: an adjusted (IPTW) comparison of two first treatments. */
import { cacheComparison, cachedComparison, comparisonCandidates, summaryVersion } from "@evident/db";
import { ComparisonQuery, ComparisonReport } from "@evident/domain/api";
import { compareTreatments, MINIMUM_PER_ARM } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { readOutcomes } from "./read";

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

export function comparisonRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(comparison, async (c) => {
    const query = c.req.valid("query");
    const read = await readOutcomes(
      c,
      "outcomes-comparison",
      async (tx, clinicId, asOf) => {
        // Cached per scope, question, day and data version (the summaries' version moves with
        // every write that can change an outcome): only aggregates are stored. The version is the
        // one of the data read (a lagging replica's included), so a result is never filed as newer.
        const key = {
          clinicId,
          question: JSON.stringify([
            query.treatment,
            query.comparator,
            query.instrument,
            query.timepoint,
            query.truncate,
          ]),
          asOf,
          version: await summaryVersion(tx, clinicId),
        };
        const cached = await cachedComparison<ReturnType<typeof compareTreatments>>(tx, key);
        if (cached) return { result: cached, key, computed: false };
        const candidates = await comparisonCandidates(tx, clinicId, { ...query, today: asOf });
        // Computed before the audit event, so a refusal (400) is not audited as a read of results.
        return { result: compareTreatments(candidates, query, asOf), key, computed: true };
      },
      (d) => ({ ...query, analysed: d.result.arms[0].n + d.result.arms[1].n }),
      // Stored on the primary, whichever database was read.
      async (tx, _clinicId, d) => {
        if (d.computed) await cacheComparison(tx, d.key, d.result);
      },
    );
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        ...read.data.result,
        notes: [...read.scopeNotes.slice(0, 1), ...read.data.result.notes, ...read.scopeNotes.slice(1)],
      },
      200,
    );
  });
}
