/**
 * The outcomes report. Clinic staff see their clinic; researchers see all clinics pooled. Only
 * aggregates leave: counts, means and shares with their intervals, never a patient row.
 */

import { appendAudit, outcomeObservations } from "@evident/db";
import { defaultInstruments, toIsoDate } from "@evident/domain";
import { OutcomesReport } from "@evident/domain/api";
import { summarizeOutcomes } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission, staffActor } from "../../http/scoped";
import { json, problems } from "../common";

const report = createRoute({
  method: "get",
  path: "/outcomes",
  tags: ["Outcomes"],
  summary: "Change from baseline and responder rates per treatment kind and follow-up timepoint",
  middleware: [requirePermission("outcomes:read")] as const,
  responses: { 200: json(OutcomesReport, "The report"), ...problems(401, 403) },
});

export function outcomeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(report, async (c) => {
    const actor = staffActor(c);
    const { database, clock } = c.get("deps");
    const now = clock.now();
    const pooled = actor.role === "researcher";
    const result = await database.db.transaction(async (tx) => {
      const data = await outcomeObservations(tx, pooled ? null : actor.clinicId);
      await appendAudit(tx, {
        at: now,
        actorKind: "staff",
        actorId: actor.userId,
        clinicId: actor.clinicId,
        patientId: null,
        action: "read",
        entityType: "outcomes-report",
        entityId: null,
        requestId: c.get("requestId"),
        detail: { pooled, rows: data.observations.length },
      });
      return data;
    });
    const asOf = toIsoDate(now);
    return c.json(
      {
        generatedAt: now.toISOString(),
        asOf,
        patients: result.patients,
        rows: summarizeOutcomes(result.observations, asOf, defaultInstruments),
        notes: [
          pooled ? "All clinics pooled." : "This clinic only.",
          "Change is follow-up minus baseline: negative values mean less pain or disability.",
          "Only patients with both a baseline and a follow-up answer enter the change and responder figures; missed follow-ups are counted, not imputed.",
          "These are uncontrolled before-and-after figures: they include natural recovery, regression to the mean and placebo effects, and do not show that a treatment caused the change.",
        ],
      },
      200,
    );
  });
}
