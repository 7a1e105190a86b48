/** The worklist's follow-ups: open now or opening within a week, closing soonest first. */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const DueFollowUp = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  timepoint: z.string(),
  dueDate: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  contacts: z.number().int(),
  /** An activated portal account: false means nothing can be e-mailed, so the clinic must call. */
  emailable: z.boolean(),
});

const due = createRoute({
  method: "get",
  path: "/follow-ups/due",
  tags: ["Worklist"],
  summary:
    "Follow-ups open today or opening within 7 days, the window closing soonest first, with the contacts made",
  middleware: [requirePermission("patients:read")] as const,
  responses: {
    200: json(z.object({ items: z.array(DueFollowUp) }), "Due follow-ups"),
    ...problems(401, 403),
  },
});

export function worklistRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(due, async (c) => {
    return c.json({ items: await clinicRepositories(c).dueFollowUps() }, 200);
  });
}
