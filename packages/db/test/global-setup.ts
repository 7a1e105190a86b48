/**
 * Integration tests run on a real PostgreSQL: the embedded cluster in a temporary directory, or
 * the server named by DATABASE_URL (CI runs the suite both ways). A migrated template database is
 * made once; each test file clones its own database from it (test/database.ts), so files can run
 * in parallel without seeing each other's rows.
 *
 * As in production, the tables belong to the owner (the cluster's administrator here) and the app
 * connects as `evident_app`, a login role with only the app's privileges (src/roles.ts), granted
 * on the template so every clone has them. The audit key is made here for the whole run.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { auditKeyFrom } from "../src/audit-key";
import { createPool, migrate } from "../src/connect";
import { startEmbedded } from "../src/embedded";
import {
  APP_ROLE,
  ensureLoginRole,
  grantAppPrivileges,
  grantResearchRole,
  grantSystemRole,
} from "../src/roles";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgMode: "embedded" | "external";
    pgApp: { user: string; password: string };
    /** The audit key of this run, in hex. */
    auditKeyHex: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let dir: string | null = null;
  let stop = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = withDatabase(external, "postgres");
  } else {
    dir = await mkdtemp(path.join(tmpdir(), "evident-test-"));
    const cluster = await startEmbedded({ dataDir: dir, database: "postgres" });
    adminUrl = cluster.url;
    stop = cluster.stop;
  }
  const template = `evident_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const app = { user: APP_ROLE, password: randomBytes(18).toString("base64url") };
  await ensureLoginRole(admin, app.user, app.password);
  const keyHex = randomBytes(32).toString("hex");
  const pool = createPool(withDatabase(adminUrl, template), 2);
  await migrate(pool, { auditKey: auditKeyFrom(Buffer.from(keyHex, "hex")) });
  const client = await pool.connect();
  await grantAppPrivileges(client, app.user)
    .then(() => grantAppPrivileges(client, "evident_system"))
    .then(() => grantSystemRole(client, app.user))
    .then(() => grantResearchRole(client, app.user))
    .finally(() => client.release());
  await pool.end();

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  project.provide("pgMode", external ? "external" : "embedded");
  project.provide("pgApp", app);
  project.provide("auditKeyHex", keyHex);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'evident_t_%' or datname = $1",
      [template],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
