/** A fresh database for one test file, cloned from the migrated template. */
import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { inject } from "vitest";
import { createPool, type Database } from "../src/connect";
import { schema } from "../src/schema";

export async function freshDatabase(): Promise<Database & { url: string; name: string }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `evident_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pool = createPool(url, 5);
  return {
    name,
    url,
    pool,
    db: drizzle(pool, { schema }),
    mode: inject("pgMode"),
    async close() {
      await pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
