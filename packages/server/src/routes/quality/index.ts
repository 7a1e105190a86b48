/**
 * The data-quality report (domain/quality, db/repos/quality.ts), read from the newest stored run:
 *
 *   GET  /quality       staff: their clinic's rules with counts and the records found (audited);
 *                       researchers: every clinic's newest counts summed, through the research
 *                       role, which cannot read a record id
 *   POST /quality/run   administrators: check the clinic now, then the same report
 *
 * A clinic never checked yet is checked on its first read, so the page always has a result with
 * its "as of" time. The nightly run is the job runner's (jobs/runner.ts).
 */
import { pooledQualityCounts, runQualityChecks, type StoredQuality } from "@evident/db";
import { QualityQuery, QualityReport, type QualityRuleResult } from "@evident/domain/api";
import { type QualityRuleId, qualityRules } from "@evident/domain/quality";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const report = createRoute({
  method: "get",
  path: "/quality",
  tags: ["Data quality"],
  summary:
    "Data-quality rules with their counts (staff: and the records found; researchers: counts of every clinic)",
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: QualityQuery },
  responses: { 200: json(QualityReport, "Each rule with its count"), ...problems(400, 401, 403) },
});

const run = createRoute({
  method: "post",
  path: "/quality/run",
  tags: ["Data quality"],
  summary: "Check the clinic's records against every data-quality rule now",
  middleware: [requirePermission("clinic:configure")] as const,
  request: { query: QualityQuery },
  responses: { 200: json(QualityReport, "The new run's report"), ...problems(400, 401, 403) },
});

const chosen = (rule: QualityRuleId | undefined) => qualityRules.filter((r) => !rule || r.id === rule);

function clinicReport(stored: StoredQuality, rule: QualityRuleId | undefined): QualityReport {
  return {
    scope: "clinic",
    asOf: stored.run?.asOf.toISOString() ?? null,
    ...(stored.run ? { trigger: stored.run.trigger, patientsChecked: stored.run.patientsChecked } : {}),
    rules: chosen(rule).map(
      (r): QualityRuleResult => ({
        id: r.id,
        title: r.title,
        description: r.description,
        count: stored.counts[r.id],
        records: stored.records[r.id].map((f) => ({
          type: f.recordType,
          id: f.recordId,
          patientId: f.patientId,
          note: f.note,
        })),
      }),
    ),
  };
}

async function checkClinic(c: Context<AppEnv>) {
  const { actor } = clinicRepositories(c);
  const { database, clock } = c.get("deps");
  await runQualityChecks(database.system.db, {
    now: clock.now(),
    trigger: "on-demand",
    actor: { kind: "staff", id: actor.userId },
    clinicIds: [actor.clinicId],
  });
}

export function qualityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(report, async (c) => {
    const { rule } = c.req.valid("query");
    const { actor, quality, outcomes } = clinicRepositories(c);
    if (actor.role === "researcher") {
      // The research role's read-only path, audited in the reader's clinic like every pooled read;
      // on the primary, where the run it counts was just stored (a replica takes the outcomes reads).
      const pooled = await outcomes().read(
        "data-quality",
        { pooled: true, asOf: c.get("deps").clock.now().toISOString().slice(0, 10) },
        (tx) => pooledQualityCounts(tx),
        (d) => ({ clinics: d.clinics }),
      );
      return c.json(
        {
          scope: "pooled" as const,
          asOf: pooled.oldestAsOf?.toISOString() ?? null,
          newestAsOf: pooled.newestAsOf?.toISOString() ?? null,
          clinics: pooled.clinics,
          rules: chosen(rule).map((r) => ({
            id: r.id,
            title: r.title,
            description: r.description,
            count: pooled.counts[r.id],
          })),
        },
        200,
      );
    }
    let stored = await quality.latest();
    if (!stored.run) {
      await checkClinic(c);
      stored = await quality.latest();
    }
    return c.json(clinicReport(stored, rule), 200);
  });

  app.openapi(run, async (c) => {
    const { rule } = c.req.valid("query");
    await checkClinic(c);
    return c.json(clinicReport(await clinicRepositories(c).quality.latest(), rule), 200);
  });
}
