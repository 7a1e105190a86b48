/**
 * GET /outcomes/survival: surgery-free survival after a non-surgical first treatment, for the
 * scope or a cohort (./cohort-read.ts): the cohort's patients' episodes whose first treatment is
 * of its kinds and dates. A filtered view leaves out whole the first treatments with 1 to 10
 * episodes, and any funnel step that would say 1 to 10 (domain/outcomes/survival `cohortSurvival`).
 */
import { cohortRestriction, summarySurvival, survivalTallies } from "@evident/db";
import { isSurgery, treatmentKindIds } from "@evident/domain";
import { SurvivalQuery, SurvivalReport } from "@evident/domain/api";
import {
  cohortSurvival,
  MINIMUM_CELL,
  SURVIVAL_DEFINITION,
  type SurvivalCounts,
  type SurvivalTally,
  surgeryFreeSurvival,
} from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { viewCohort } from "./cohort";
import { cohortCaption, leftOutNote, readView } from "./cohort-read";

const survival = createRoute({
  method: "get",
  path: "/outcomes/survival",
  tags: ["Outcomes"],
  summary: "Surgery-free survival by first treatment (Kaplan–Meier, log-rank)",
  description: `${SURVIVAL_DEFINITION} Per kind: Kaplan–Meier curve with 95% log intervals (cut where fewer than \`minimumCell\` remain at risk), median time to surgery, surgery-free share at 12 months, numbers at risk, median follow-up; a log-rank test across the kinds shown. A cohort narrows it exactly as for GET /outcomes (\`cohort\`, or the filters; not both): its patients' episodes whose first treatment is of its kinds and dates; a filtered view leaves out first treatments with 1 to 10 episodes and funnel steps of 1 to 10, and says the cohort's line in \`cohort\`.`,
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: SurvivalQuery },
  responses: { 200: json(SurvivalReport, "The survival analysis"), ...problems(400, 401, 403, 404) },
});

const surgeryKinds = treatmentKindIds.filter(isSurgery);

type Survival = ReturnType<typeof surgeryFreeSurvival> & { left: number; episodes: number };

/** The figures for the view (a filtered view's with its small groups left out), and the episodes for the audit. */
const figures = (filtered: boolean, d: { tallies: SurvivalTally[]; counts: SurvivalCounts }): Survival => ({
  ...(filtered
    ? cohortSurvival(d.tallies, d.counts)
    : { ...surgeryFreeSurvival(d.tallies, d.counts), left: 0 }),
  episodes: d.counts.episodes,
});

export function survivalRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(survival, async (c) => {
    const query = c.req.valid("query");
    const cohort = await viewCohort(c, query);
    const read = await readView(c, "outcomes-survival", cohort, {
      question: [],
      summaries: async (tx, clinicId) =>
        figures(cohort !== null, await summarySurvival(tx, clinicId, surgeryKinds, cohort?.filter.clinicIds)),
      direct:
        ({ filter }) =>
        async (tx, clinicId, asOf) =>
          figures(
            true,
            await survivalTallies(
              tx,
              clinicId,
              surgeryKinds,
              asOf,
              await cohortRestriction(tx, clinicId, filter),
            ),
          ),
      detail: (d) => ({ episodes: d.episodes }),
    });
    const { left, episodes: _, ...shown } = read.data;
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        definition: SURVIVAL_DEFINITION,
        cohort: cohortCaption(cohort, left),
        minimumCell: MINIMUM_CELL,
        ...shown,
        notes: [
          ...read.scopeNotes.slice(0, 1),
          SURVIVAL_DEFINITION,
          "Only operations recorded in this registry count: surgery elsewhere is not seen, so these curves can overstate how many stay surgery-free.",
          "Who is offered which first treatment differs (by condition and severity), so differences between the curves are not the effect of the treatment. Cell therapies are investigational: no stem-cell product is FDA-approved for back pain.",
          ...read.scopeNotes.slice(1),
          ...leftOutNote(
            left,
            ["first treatment is", "first treatments are"],
            "1 to 10 episodes began with it",
          ),
        ],
      },
      200,
    );
  });
}
