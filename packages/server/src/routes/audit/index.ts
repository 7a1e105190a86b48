/**
 * The audit trail for a clinic's administrators (`audit:read`): their clinic's chain, newest first,
 * filtered and paged, or as CSV; and what the filters can choose from. Reading a page and
 * downloading the CSV are themselves audited (db/repos/audit-trail.ts).
 */
import { AuditFacets, AuditFilter, AuditPage, AuditQuery } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Audit trail"];

const list = createRoute({
  method: "get",
  path: "/audit-events",
  tags: tag,
  summary:
    "The clinic's audit trail, newest first: who read or changed what, when, from which request; filtered by patient, actor, action and days (in the clinic's time zone). Reading it is audited.",
  middleware: [requirePermission("audit:read")] as const,
  request: { query: AuditQuery },
  responses: { 200: json(AuditPage, "A page of events"), ...problems(400, 401, 403) },
});

const csv = createRoute({
  method: "get",
  path: "/audit-events.csv",
  tags: tag,
  summary:
    "The same events as CSV, oldest first (at most 50,000: a 400 asks for a shorter period). The download is audited as an export.",
  middleware: [requirePermission("audit:read")] as const,
  request: { query: AuditFilter },
  responses: {
    200: { description: "CSV, one row per event", content: { "text/csv": { schema: z.string() } } },
    ...problems(400, 401, 403),
  },
});

const facets = createRoute({
  method: "get",
  path: "/audit-events/facets",
  tags: tag,
  summary: "What the filters can choose from: the clinic's staff and the actions of its recent events",
  middleware: [requirePermission("audit:read")] as const,
  responses: { 200: json(AuditFacets, "Choices"), ...problems(401, 403) },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { before, limit, ...filter } = c.req.valid("query");
    return c.json(await clinicRepositories(c).auditTrail.list(filter, { before, limit }), 200);
  });
  app.openapi(csv, async (c) => {
    const { csv: body } = await clinicRepositories(c).auditTrail.csv(c.req.valid("query"));
    const day = c.get("deps").clock.now().toISOString().slice(0, 10);
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-trail-${day}.csv"`,
    }) as never;
  });
  app.openapi(facets, async (c) => c.json(await clinicRepositories(c).auditTrail.facets(), 200));
}
