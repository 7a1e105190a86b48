/** The clinic's outbox: every message queued or sent, so staff can see what went out (or is waiting). */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const OutboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(["pending", "sending", "sent", "failed"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  patientId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

const list = createRoute({
  method: "get",
  path: "/outbox",
  tags: ["Messages"],
  summary: "Messages queued or sent by this clinic, newest first",
  middleware: [requirePermission("outbox:read")] as const,
  responses: {
    200: json(z.object({ items: z.array(OutboxItem), smtpConfigured: z.boolean() }), "Messages"),
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
        })),
      },
      200,
    );
  });
}
