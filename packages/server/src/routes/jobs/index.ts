/**
 * Running the background jobs now (they also run on the server's own interval): for an operator
 * who has just fixed mail, and for tests. Safe to call any time: the work sends nothing twice.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { runJobsOnce } from "../../jobs/runner";
import { json, problems } from "../common";

const JobRun = z.object({
  runs: z.array(
    z.object({
      kind: z.string(),
      key: z.string(),
      result: z.record(z.string(), z.unknown()).nullable(),
      error: z.string().optional(),
    }),
  ),
});

const run = createRoute({
  method: "post",
  path: "/jobs/run",
  tags: ["Jobs"],
  summary:
    "Run the due background jobs now: today's follow-up invitations, reminders (3 and 7 days after opening) and call-the-patient tasks",
  middleware: [requirePermission("clinic:configure")] as const,
  responses: { 200: json(JobRun, "What each run did"), ...problems(401, 403) },
});

export function jobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(run, async (c) => {
    const runs = await runJobsOnce(c.get("deps"), { again: true });
    return c.json(
      {
        runs: runs.map(({ kind, key, result, error }) => ({
          kind,
          key,
          result,
          ...(error ? { error } : {}),
        })),
      },
      200,
    );
  });
}
