/**
 * A fresh database for one test file, cloned from the migrated template. The app's pool connects
 * as the app's role (`evident_app`), as in production, so tests prove the app works under its
 * privileges (and, unscoped, sees no clinic's rows: row-level security); `system` is the
 * every-clinic role jobs and the command line use, for setting up and inspecting data; `research`
 * the aggregates-only role of pooled research reads; `owner` is the cluster administrator's pool, for what only an owner or a superuser
 * does (tampering with the audit trail, changing database settings). Each database has its own
 * anchor directory; `cliEnv` runs the `evident` command against it as a separate app and owner.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { inject } from "vitest";
import { type AuditKey, auditKeyFrom, useAuditKey } from "../src/audit-key";
import { createPool, type Database } from "../src/connect";
import { primaryReads } from "../src/replica";
import { RESEARCH_ROLE, SYSTEM_ROLE, withCredentials } from "../src/roles";
import { schema } from "../src/schema";

export type TestDatabase = Database & {
  name: string;
  /** As the app's role. */
  url: string;
  /** As the cluster's administrator (a superuser), who owns the tables. */
  ownerUrl: string;
  owner: pg.Pool;
  /** Environment for `evident …` against this database, with the same key and anchor directory. */
  cliEnv: Record<string, string>;
};

/** The run's audit key, installed for this process (appendAudit uses it). */
export function testAuditKey(): AuditKey {
  const key = auditKeyFrom(Buffer.from(inject("auditKeyHex"), "hex"));
  useAuditKey(key);
  return key;
}

export async function freshDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `evident_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const ownerUrl = u.toString();
  const url = withCredentials(ownerUrl, inject("pgApp"));
  const pool = createPool(url, 5);
  const systemPool = createPool(url, 5, { role: SYSTEM_ROLE });
  const researchPool = createPool(url, 2, { role: RESEARCH_ROLE, readOnly: true });
  const research = { pool: researchPool, db: drizzle(researchPool, { schema }) };
  const owner = createPool(ownerUrl, 2);
  const key = testAuditKey();
  const anchorDir = await mkdtemp(path.join(tmpdir(), "evident-anchors-"));
  return {
    name,
    url,
    ownerUrl,
    pool,
    owner,
    db: drizzle(pool, { schema }),
    system: { pool: systemPool, db: drizzle(systemPool, { schema }) },
    research,
    reads: primaryReads({ pool, research, replica: false }),
    mode: inject("pgMode"),
    audit: { key, anchorDir },
    cliEnv: {
      DATABASE_URL: url,
      EVIDENT_MIGRATE_DATABASE_URL: ownerUrl,
      EVIDENT_AUDIT_KEY: inject("auditKeyHex"),
      EVIDENT_AUDIT_ANCHOR_DIR: anchorDir,
      EVIDENT_DATA_DIR: anchorDir,
    },
    async withOwner(fn) {
      return fn({ pool: owner, db: drizzle(owner, { schema }) });
    },
    async close() {
      await pool.end();
      await systemPool.end();
      await researchPool.end();
      await owner.end();
      await rm(anchorDir, { recursive: true, force: true });
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
