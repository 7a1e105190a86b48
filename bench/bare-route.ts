/**
 * The yardstick for `bench/submit.ts`: the least a route can do and still write — a Hono app on
 * the same Node server adapter as Evident, one POST route that parses the JSON body and stores it
 * with one INSERT (autocommit: one round trip, no transaction of its own, no row-level security
 * setting, no session, no audit), through a pool made by the app's own `createPool` (same size,
 * same connection settings). Run as its own process by the benchmark:
 *
 *   DATABASE_URL=… PORT=… node --import tsx bench/bare-route.ts
 */
import { randomUUID } from "node:crypto";
import { createPool } from "@evident/db";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const pool = createPool(process.env.DATABASE_URL!);
await pool.query(
  "create table if not exists bench_scratch (id uuid primary key, body jsonb not null, at timestamptz not null)",
);

const app = new Hono();
app.get("/api/health", (c) => c.json({ status: "ok" }));
app.post("/bare", async (c) => {
  const body = await c.req.json();
  await pool.query("insert into bench_scratch (id, body, at) values ($1, $2, now())", [randomUUID(), body]);
  return c.json({ ok: true }, 201);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
process.on("SIGTERM", () => {
  void pool.end().finally(() => process.exit(0));
});
