/**
 * GET /outcomes/distribution: the distribution of change per treatment kind, at one timepoint, for
 * any change measure (domain/outcomes/measures), for the scope or a cohort (./cohort-read.ts). A
 * filtered view leaves out whole the kinds with 1 to 10 follow-ups due.
 */
import { cohortOutcomeTallies, summaryOutcomeTallies } from "@evident/db";
import { timepointLabel } from "@evident/domain";
import { type ChangeDistribution, DistributionQuery, DistributionReport } from "@evident/domain/api";
import {
  distributionsByKind,
  findMeasure,
  hasThreshold,
  leaveOutSmallGroups,
  MINIMUM_CELL,
  responderRule,
  worseningRule,
} from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { viewCohort } from "./cohort";
import { cohortCaption, leftOutNote, readView } from "./cohort-read";

const distribution = createRoute({
  method: "get",
  path: "/outcomes/distribution",
  tags: ["Outcomes"],
  summary: "Distribution of change from baseline per treatment kind, for one outcome measure and timepoint",
  description:
    "Per treatment kind: n, mean and SD of the change, quantiles (10th–90th), the empirical CDF on a fixed grid, the shares improved (responder rule) and clinically worse (Wilson intervals; not given for a measure without a cited threshold, such as PEG or the EQ VAS), and the attrition funnel due → answered → answered this questionnaire → with a baseline. `instrument` is any outcome measure with a change from baseline (an instrument's score or a sub-score such as `promis29.fatigue` or `eq5d5l.index_us`); 400 naming it otherwise. No estimate from fewer than `minimumCell` patients. A cohort narrows it exactly as for GET /outcomes (`cohort`, or the filters; not both); a filtered view leaves out kinds with 1 to 10 follow-ups due and says the cohort's line in `cohort`.",
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: DistributionQuery },
  responses: { 200: json(DistributionReport, "The distribution"), ...problems(400, 401, 403, 404) },
});

export function distributionRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(distribution, async (c) => {
    const query = c.req.valid("query");
    const { instrument, timepoint } = query;
    const cohort = await viewCohort(c, query);
    const read = await readView(c, "outcomes-distribution", cohort, {
      question: [instrument, timepoint],
      summaries: async (tx, clinicId, today): Promise<ChangeDistribution[]> =>
        distributionsByKind(
          await summaryOutcomeTallies(tx, clinicId, {
            instruments: [instrument],
            timepoint,
            today,
            clinicIds: cohort?.filter.clinicIds,
          }),
          instrument,
          timepoint,
          today,
        ),
      direct:
        ({ filter }) =>
        async (tx, clinicId, asOf): Promise<ChangeDistribution[]> =>
          distributionsByKind(
            await cohortOutcomeTallies(tx, clinicId, filter, { instruments: [instrument], timepoint }),
            instrument,
            timepoint,
            asOf,
          ),
      detail: () => ({ instrument, timepoint }),
    });
    const dueOf = (g: ChangeDistribution) => g.funnel.find((f) => f.step === "due")?.n ?? 0;
    const shown = cohort ? leaveOutSmallGroups(read.data, dueOf) : { kept: read.data, left: 0 };
    const measure = findMeasure(instrument);
    const better = measure?.direction === "higher-better" ? "positive" : "negative";
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        instrument,
        timepoint,
        cohort: cohortCaption(cohort, shown.left),
        improvedRule: responderRule(instrument),
        worsenedRule: worseningRule(instrument),
        minimumCell: MINIMUM_CELL,
        groups: shown.kept,
        notes: [
          ...read.scopeNotes.slice(0, 1),
          `${measure?.title ?? instrument}: change from baseline to ${timepointLabel(timepoint).toLowerCase()}, follow-up minus baseline: ${better} values mean improvement. Each line shows, for every amount of change, the share of patients whose change was at most that.`,
          hasThreshold(instrument)
            ? "A mean can hide that some patients got much better and others worse: the shares improved and worse are shown side by side."
            : `${measure?.analysis === "change" && measure.noResponderReason ? measure.noResponderReason : "This measure has no cited threshold for a clinically important change."} So no shares improved or worse are given: only the change itself.`,
          "These are uncontrolled before-and-after figures: they include natural recovery, regression to the mean and placebo effects, and do not show that a treatment caused the change.",
          ...read.scopeNotes.slice(1),
          ...leftOutNote(
            shown.left,
            ["treatment kind is", "treatment kinds are"],
            "1 to 10 follow-ups were due at this timepoint",
          ),
        ],
      },
      200,
    );
  });
}
