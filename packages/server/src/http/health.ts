/**
 * GET /api/health, for load balancers and process supervisors: 200 `ok` when the database
 * answers; 503 `degraded` while the supervisor starts a dead embedded PostgreSQL again (or has
 * given up, just before the server exits); 503 `unavailable` when the database does not answer.
 */
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "./env";

export async function healthRoute(c: Context<AppEnv>): Promise<Response> {
  const { database, config, supervisor } = c.get("deps");
  const base = { database: database.mode, version: config.version };
  const cluster = supervisor?.health();
  if (cluster && cluster.state !== "ok") {
    const detail =
      cluster.state === "restarting"
        ? `PostgreSQL stopped unexpectedly and is being started again (since ${cluster.since.toISOString()})`
        : "PostgreSQL could not be started again; the server is stopping";
    return c.json({ status: "degraded", ...base, detail }, 503);
  }
  try {
    await database.db.execute(sql`select 1`);
    return c.json({ status: "ok", ...base });
  } catch {
    supervisor?.check();
    return c.json({ status: "unavailable", ...base }, 503);
  }
}
