/**
 * The clinic's task queue: open tasks most urgent first (emergency, urgent, soon, routine, then
 * by deadline), and closing one. Tasks are created by the features that need them, inside their
 * own transactions (see db/repos/tasks `createTask`), so there is no generic create here.
 */

import { idParam, TaskComplete, TaskList, TaskListQuery, TaskView } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Tasks"];

const list = createRoute({
  method: "get",
  path: "/tasks",
  tags: tag,
  summary:
    "The clinic's tasks (open by default; `queue=triage` for the red-flag triage queue): emergency and urgent first, then by deadline",
  middleware: [requirePermission("tasks:read")] as const,
  request: { query: TaskListQuery },
  responses: { 200: json(TaskList, "Tasks"), ...problems(400, 401, 403) },
});

const complete = createRoute({
  method: "post",
  path: "/tasks/{id}/complete",
  tags: tag,
  summary:
    "Mark a task done (a clinician's task needs a clinician or an administrator); a task that closes with its source (e.g. a triage review) is refused with 409",
  middleware: [requirePermission("tasks:read")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: TaskComplete } }, required: false },
  },
  responses: { 200: json(TaskView, "Done"), ...problems(400, 401, 403, 404, 409) },
});

export function taskRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const items = await clinicRepositories(c).tasks.list(q);
    return c.json({ items }, 200);
  });

  app.openapi(complete, async (c) => {
    const { id } = c.req.valid("param");
    const note = c.req.header("content-type")?.includes("json") ? c.req.valid("json").note : undefined;
    const repos = clinicRepositories(c);
    return c.json(await repos.tasks.complete(id, repos.actor.role, note), 200);
  });
}
