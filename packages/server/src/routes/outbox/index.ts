/** The clinic's outbox: every message queued or sent, so staff can see what went out (or is waiting). */

import { Outbox, OutboxQuery } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const list = createRoute({
  method: "get",
  path: "/outbox",
  tags: ["Messages"],
  summary: "Messages queued or sent by this clinic, newest first, a page at a time",
  middleware: [requirePermission("outbox:read")] as const,
  request: { query: OutboxQuery },
  responses: {
    200: json(Outbox, "Messages"),
    ...problems(400, 401, 403),
  },
});

export function outboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const { limit, offset } = c.req.valid("query");
    const page = await clinicRepositories(c).outbox.list(limit, offset);
    return c.json(
      {
        smtpConfigured: c.get("deps").mailer !== null,
        total: page.total,
        offset,
        items: page.rows.map((m) => ({
          id: m.id,
          kind: m.kind,
          to: m.toAddress,
          subject: m.subject,
          body: m.body,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          patientId: m.patientId,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
          withdrawnAt: m.withdrawnAt?.toISOString() ?? null,
          withdrawnReason: m.withdrawnReason,
        })),
      },
      200,
    );
  });
}
