/** GET /outcomes/distribution: the distribution of change per treatment kind, at one timepoint. */
import { summaryOutcomeTallies } from "@evident/db";
import { timepointLabel } from "@evident/domain";
import { DistributionQuery, DistributionReport } from "@evident/domain/api";
import { distributionsByKind, MINIMUM_CELL, responderRule, worseningRule } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { readOutcomes } from "./read";

const distribution = createRoute({
  method: "get",
  path: "/outcomes/distribution",
  tags: ["Outcomes"],
  summary: "Distribution of change from baseline per treatment kind, for one instrument and timepoint",
  description:
    "Per treatment kind: n, mean and SD of the change, quantiles (10th–90th), the empirical CDF on a fixed grid, the shares improved (responder rule) and clinically worse (Wilson intervals), and the attrition funnel due → answered → answered this questionnaire → with a baseline. No estimate from fewer than `minimumCell` patients.",
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: DistributionQuery },
  responses: { 200: json(DistributionReport, "The distribution"), ...problems(400, 401, 403) },
});

export function distributionRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(distribution, async (c) => {
    const { instrument, timepoint } = c.req.valid("query");
    const read = await readOutcomes(
      c,
      "outcomes-distribution",
      (tx, clinicId, today) =>
        summaryOutcomeTallies(tx, clinicId, { instruments: [instrument], timepoint, today }),
      () => ({ instrument, timepoint }),
    );
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        instrument,
        timepoint,
        improvedRule: responderRule(instrument),
        worsenedRule: worseningRule(instrument),
        minimumCell: MINIMUM_CELL,
        groups: distributionsByKind(read.data, instrument, timepoint, read.asOf),
        notes: [
          ...read.scopeNotes.slice(0, 1),
          `Change from baseline to ${timepointLabel(timepoint).toLowerCase()}, follow-up minus baseline: negative values mean less pain or disability. Each line shows, for every amount of change, the share of patients whose change was at most that.`,
          "A mean can hide that some patients got much better and others worse: the shares improved and worse are shown side by side.",
          "These are uncontrolled before-and-after figures: they include natural recovery, regression to the mean and placebo effects, and do not show that a treatment caused the change.",
          ...read.scopeNotes.slice(1),
        ],
      },
      200,
    );
  });
}
