/** GET /outcomes/survival: surgery-free survival after a non-surgical first treatment. */
import { summarySurvival } from "@evident/db";
import { isSurgery, treatmentKindIds } from "@evident/domain";
import { SurvivalReport } from "@evident/domain/api";
import { MINIMUM_CELL, SURVIVAL_DEFINITION, surgeryFreeSurvival } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { readOutcomes } from "./read";

const survival = createRoute({
  method: "get",
  path: "/outcomes/survival",
  tags: ["Outcomes"],
  summary: "Surgery-free survival by first treatment (Kaplan–Meier, log-rank)",
  description: `${SURVIVAL_DEFINITION} Per kind: Kaplan–Meier curve with 95% log intervals (cut where fewer than \`minimumCell\` remain at risk), median time to surgery, surgery-free share at 12 months, numbers at risk, median follow-up; a log-rank test across the kinds shown.`,
  middleware: [requirePermission("outcomes:read")] as const,
  responses: { 200: json(SurvivalReport, "The survival analysis"), ...problems(401, 403) },
});

const surgeryKinds = treatmentKindIds.filter(isSurgery);

export function survivalRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(survival, async (c) => {
    const read = await readOutcomes(
      c,
      "outcomes-survival",
      (tx, clinicId) => summarySurvival(tx, clinicId, surgeryKinds),
      (d) => ({ episodes: d.counts.episodes }),
    );
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        definition: SURVIVAL_DEFINITION,
        minimumCell: MINIMUM_CELL,
        ...surgeryFreeSurvival(read.data.tallies, read.data.counts),
        notes: [
          ...read.scopeNotes.slice(0, 1),
          SURVIVAL_DEFINITION,
          "Only operations recorded in this registry count: surgery elsewhere is not seen, so these curves can overstate how many stay surgery-free.",
          "Who is offered which first treatment differs (by condition and severity), so differences between the curves are not the effect of the treatment. Cell therapies are investigational: no stem-cell product is FDA-approved for back pain.",
          ...read.scopeNotes.slice(1),
        ],
      },
      200,
    );
  });
}
