/** Imaging findings per spinal level (Pfirrmann, disc height %, Modic), before and after treatment. */
import { ImagingCreate, ImagingView, idParam } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Imaging"];

const create = createRoute({
  method: "post",
  path: "/patients/{id}/imaging",
  tags: tag,
  summary: "Record an imaging study with findings per level (Pfirrmann grade, disc height %, Modic type)",
  middleware: [requirePermission("treatments:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: ImagingCreate } }, required: true },
  },
  responses: { 201: json(ImagingView, "Recorded"), ...problems(400, 401, 403, 404) },
});

const list = createRoute({
  method: "get",
  path: "/patients/{id}/imaging",
  tags: tag,
  summary: "A patient's imaging studies, newest first",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: {
    200: json(z.object({ items: z.array(ImagingView) }), "Studies"),
    ...problems(400, 401, 403, 404),
  },
});

export function imagingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(create, async (c) =>
    c.json(await clinicRepositories(c).imaging.record(c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(list, async (c) =>
    c.json({ items: await clinicRepositories(c).imaging.list(c.req.valid("param").id) }, 200),
  );
}
