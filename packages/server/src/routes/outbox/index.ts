/** The clinic's outbox: every message queued or sent, so staff can see what went out (or is waiting). */

import { Outbox } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const list = createRoute({
  method: "get",
  path: "/outbox",
  tags: ["Messages"],
  summary: "Messages queued or sent by this clinic, newest first",
  middleware: [requirePermission("outbox:read")] as const,
  responses: {
    200: json(Outbox, "Messages"),
    ...problems(401, 403),
  },
});

export function outboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const rows = await clinicRepositories(c).outbox.list(100);
    return c.json(
      {
        smtpConfigured: c.get("deps").mailer !== null,
        items: rows.map((m) => ({
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
