/** The patient portal: what is due, and answering it. A patient only ever reaches their own record. */

import { PortalHome, ResponseBatch, ResponseView } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { portalRepositories, requirePatient } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Portal"];

const home = createRoute({
  method: "get",
  path: "/portal/home",
  tags: tag,
  summary: "The signed-in patient's due and upcoming questionnaires and past answers",
  middleware: [requirePatient] as const,
  responses: { 200: json(PortalHome, "Portal home"), ...problems(401, 403) },
});

const submit = createRoute({
  method: "post",
  path: "/portal/responses",
  tags: tag,
  summary: "Submit answers to one or more questionnaires",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: ResponseBatch } }, required: true } },
  responses: {
    201: json(
      z.object({ responses: z.array(ResponseView), followUpCompleted: z.boolean() }),
      "Stored and scored",
    ),
    ...problems(400, 401, 403),
  },
});

export function portalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(home, async (c) => c.json(await portalRepositories(c).portal.home(), 200));
  app.openapi(submit, async (c) => {
    const { responses, followUp } = await portalRepositories(c).portal.submit(c.req.valid("json"));
    return c.json({ responses, followUpCompleted: Boolean(followUp?.completedAt) }, 201);
  });
}
