/**
 * An exercise or therapy programme's sessions: the patient ticks off the days they did one (or
 * takes a tick back) in the portal; the clinic sees the same count beside the record.
 */
import { DiaryDateParam, idParam, ProgrammeView } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Programme"];

const mark = (method: "put" | "delete") =>
  createRoute({
    method,
    path: "/portal/programme/sessions/{date}",
    tags: tag,
    summary:
      method === "put"
        ? "Log a session of the programme on a day (today or up to 30 days back, within the programme); logging it twice changes nothing"
        : "Take back a session logged on a day",
    middleware: [requirePatient] as const,
    request: { params: DiaryDateParam },
    responses: {
      200: json(ProgrammeView, "The programme with its sessions"),
      ...problems(400, 401, 403, 404),
    },
  });

const staffRead = createRoute({
  method: "get",
  path: "/patients/{id}/programme",
  tags: tag,
  summary: "A patient's exercise or therapy programme and the sessions they logged (null when none)",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: {
    200: json(z.object({ programme: ProgrammeView.nullable() }), "The programme"),
    ...problems(400, 401, 403, 404),
  },
});

export function programmeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(mark("put"), async (c) => {
    const { actor, programme } = portalRepositories(c);
    return c.json(await programme.mark(actor.patientId, c.req.valid("param").date, true), 200);
  });
  app.openapi(mark("delete"), async (c) => {
    const { actor, programme } = portalRepositories(c);
    return c.json(await programme.mark(actor.patientId, c.req.valid("param").date, false), 200);
  });
  app.openapi(staffRead, async (c) =>
    c.json({ programme: await clinicRepositories(c).programme.read(c.req.valid("param").id) }, 200),
  );
}
