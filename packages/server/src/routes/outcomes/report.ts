/** GET /outcomes: change from baseline and responders per treatment kind and timepoint. */
import { summaryOutcomeTallies } from "@evident/db";
import { OutcomesReport, OutcomesReportQuery, reportMeasures } from "@evident/domain/api";
import { MINIMUM_CELL, summarizeOutcomes } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { readOutcomes } from "./read";

const report = createRoute({
  method: "get",
  path: "/outcomes",
  tags: ["Outcomes"],
  summary: "Change from baseline and responder rates per treatment kind and follow-up timepoint",
  description:
    "Per treatment kind × timepoint: follow-ups due, answered, missed and pending, completeness among closed windows (Wilson interval), and per outcome measure (`measures`: back and leg pain, ODI, RMDQ, PEG, PROMIS-29 domains, EQ-5D-5L index per value set and VAS, PGIC) the paired change from baseline (mean, t interval) and the responder share (Wilson interval), each with its n. Staff see their clinic; researchers all clinics pooled. No estimate from fewer than `minimumCell` patients.",
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: OutcomesReportQuery },
  responses: { 200: json(OutcomesReport, "The report"), ...problems(400, 401, 403) },
});

export function reportRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(report, async (c) => {
    const measures = reportMeasures(c.req.valid("query"));
    const read = await readOutcomes(
      c,
      "outcomes-report",
      (tx, clinicId, today) => summaryOutcomeTallies(tx, clinicId, { instruments: measures, today }),
      (d) => ({ rows: d.followUps.reduce((s, f) => s + f.count, 0) }),
    );
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        patients: read.data.patients,
        minimumCell: MINIMUM_CELL,
        rows: summarizeOutcomes(read.data, read.asOf, measures),
        notes: [
          ...read.scopeNotes.slice(0, 1),
          "Change is follow-up minus baseline: for pain, disability and PROMIS-29 symptoms negative values mean improvement; for PROMIS-29 physical function and social roles and for EQ-5D-5L, positive values do.",
          "Only patients with both a baseline and a follow-up answer enter the change and responder figures; missed follow-ups are counted, not imputed. Completeness is the share answered among follow-ups whose window has closed.",
          "These are uncontrolled before-and-after figures: they include natural recovery, regression to the mean and placebo effects, and do not show that a treatment caused the change.",
          ...read.scopeNotes.slice(1),
        ],
      },
      200,
    );
  });
}
