/**
 * Opening the database: the embedded cluster by default, any PostgreSQL 15+ when DATABASE_URL is
 * set. Refuses to run on a server that could lose acknowledged writes (fsync or
 * synchronous_commit off), and applies migrations under an advisory lock so two servers starting
 * together do not race. Migrations and setup run as the tables' owner; the app then connects as
 * its own role, which owns nothing and may only append to the audit trail (roles.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import { type AnchorWritten, writeAnchor } from "./audit-anchors";
import { type AuditKey, loadAuditKey, useAuditKey } from "./audit-key";
import { rechainLegacyAudit } from "./audit-rechain";
import { type VerifyResult, verifyAudit } from "./audit-verify";
import type { OwnerKind } from "./cluster-owner";
import { type EmbeddedCluster, startEmbedded } from "./embedded";
import { createPool, researchPoolOptions } from "./pool";
import { openReplica, primaryReads, type Reads, type ReadTarget } from "./replica";
import {
  APP_ROLE,
  checkAppRole,
  embeddedAppCredentials,
  ensureLoginRole,
  ensureSwitchRole,
  grantAppPrivileges,
  grantResearchRole,
  grantSystemRole,
  RESEARCH_ROLE,
  SYSTEM_ROLE,
  withCredentials,
} from "./roles";
import { schema } from "./schema";
import { auditKey as auditKeyTable } from "./schema/audit";

export type Db = NodePgDatabase<typeof schema>;

export type Database = {
  /**
   * Connections as the app's role (not the owner). Under row-level security they see no clinic's
   * rows until scoped (`scopedDb(pool, clinicId)`, tenancy.ts).
   */
  pool: pg.Pool;
  db: Db;
  /**
   * Connections as `evident_system`, which sees every clinic: for jobs, the command line, sign-in
   * and session lookups, pooled research aggregates — named at every use (tenancy.ts).
   */
  system: { pool: pg.Pool; db: Db };
  /**
   * Read-only connections as `evident_research`, which may read only the aggregate tables (the
   * outcome summaries and the pooled comparisons' cache): a researcher's pooled reads.
   */
  research: { pool: pg.Pool; db: Db };
  /**
   * Where the outcomes, "people like you", research and FHIR search reads go: a replica when
   * EVIDENT_READ_DATABASE_URL is set, else these same pools (`research` included: replica.ts).
   */
  reads: Reads;
  mode: "embedded" | "external";
  /** The embedded cluster (owned by this process, or a running server's that it uses). */
  cluster?: EmbeddedCluster | null;
  /** The audit trail's key and where its anchors go (audit-anchors.ts). */
  audit: { key: AuditKey; anchorDir: string };
  /**
   * Runs `fn` on a short-lived pool connected as the tables' owner, for maintenance the app's role
   * may not do (the demo's bulk load drops and rebuilds indexes). The app never serves as the owner.
   */
  withOwner<T>(fn: (owner: { pool: pg.Pool; db: Db }) => Promise<T>): Promise<T>;
  /** Closes the pool and, in embedded mode, stops the cluster if this process owns it. */
  close(): Promise<void>;
};

export { createPool, type PoolOptions } from "./pool";

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "migrations",
);

export async function checkDurability(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')",
  );
  const off = rows.filter((r) => r.setting === "off").map((r) => r.name);
  if (off.length > 0) {
    throw new Error(
      `Refusing to start: ${off.join(" and ")} ${off.length > 1 ? "are" : "is"} off on the database server, so acknowledged writes could be lost. Turn ${off.length > 1 ? "them" : "it"} on.`,
    );
  }
}

/**
 * Records which key the audit chains are kept with, or refuses if the database already names
 * another: two servers with different keys would write chains neither could verify.
 */
export async function registerAuditKey(db: Db, key: AuditKey): Promise<void> {
  await db.insert(auditKeyTable).values({ keyId: key.id }).onConflictDoNothing();
  const [row] = await db.select({ keyId: auditKeyTable.keyId }).from(auditKeyTable);
  if (row && row.keyId !== key.id)
    throw new Error(
      `This database's audit trail is kept with another audit key (id ${row.keyId}; this server's is ${key.id}). Give every server the installation's key: the same EVIDENT_AUDIT_KEY, or a copy of the audit.key file from the data directory where it was made.`,
    );
}

export type MigrateOptions = {
  /** Registers the key and re-chains events from before keyed chains (audit-rechain.ts). */
  auditKey?: AuditKey;
  log?: (line: string) => void;
  /** Another migrations folder (a restore migrates only as far as its backup's schema). */
  folder?: string;
};

/** Applies the migrations as the owner, under a lock; with a key, brings the audit trail to it. */
export async function migrate(pool: pg.Pool, opts: MigrateOptions = {}): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('evident:migrate'))");
    const db = drizzle(client, { schema });
    await drizzleMigrate(db, { migrationsFolder: opts.folder ?? migrationsFolder });
    if (opts.auditKey) await registerAuditKey(db, opts.auditKey);
    await rechainLegacyAudit(db, opts.auditKey ?? null, { log: opts.log });
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('evident:migrate'))").catch(() => undefined);
    client.release();
  }
}

export type DatabaseConfig = {
  /** The app's connection (external mode); with no migrate URL, also the owner's. */
  databaseUrl?: string | undefined;
  /** EVIDENT_MIGRATE_DATABASE_URL: the tables' owner, for migrations and setup (external mode). */
  migrateDatabaseUrl?: string | undefined;
  /** EVIDENT_READ_DATABASE_URL: a streaming replica of the database, as the app's role (replica.ts). */
  readDatabaseUrl?: string | undefined;
  /** How long a read waits for the replica to replay the primary's writes (replica.ts; 200 ms). */
  readWaitMs?: number;
  dataDir: string;
  embeddedPort?: number | undefined;
  poolSize?: number;
  /** EVIDENT_AUDIT_KEY; without it, the data directory's audit.key (made on first use). */
  auditKey?: string | undefined;
  /** EVIDENT_AUDIT_ANCHOR_DIR; the data directory by default. */
  auditAnchorDir?: string | undefined;
  log?: (line: string) => void;
  /** Embedded mode: a server owns the cluster; a command (default) uses a running server's. */
  role?: OwnerKind;
  /** What to call this process in the cluster's owner record, e.g. "evident backup". */
  command?: string;
};

/** How the app connects, and how its system connections do (a role to switch to at connect). */
export type AppConnection = {
  url: string;
  role: string | null;
  systemRole: string | null;
  researchRole: string | null;
};

/**
 * As the owner: makes sure the app's role exists with the privileges it needs, and says how the app
 * connects (roles.ts explains the three cases).
 */
const switchRoles = { systemRole: SYSTEM_ROLE, researchRole: RESEARCH_ROLE };

async function setUpAppRole(
  owner: pg.Pool,
  config: DatabaseConfig,
  ownerUrl: string,
  embedded: boolean,
): Promise<AppConnection> {
  const client = await owner.connect();
  try {
    // The owner (a superuser needs nothing) sees every clinic: backups, the demo's bulk load.
    await grantSystemRole(client, null);
    await grantAppPrivileges(client, SYSTEM_ROLE);
    if (embedded) {
      const creds = await embeddedAppCredentials(config.dataDir);
      await ensureLoginRole(client, creds.user, creds.password);
      await grantAppPrivileges(client, creds.user);
      await grantSystemRole(client, creds.user);
      await grantResearchRole(client, creds.user);
      return { url: withCredentials(ownerUrl, creds), role: null, ...switchRoles };
    }
    const userOf = (url: string) => decodeURIComponent(new URL(url).username);
    // Two URLs naming two roles: the app's own role. (The same role twice is the one-URL case.)
    if (config.databaseUrl && userOf(config.databaseUrl) !== userOf(ownerUrl)) {
      await grantAppPrivileges(client, userOf(config.databaseUrl));
      await grantSystemRole(client, userOf(config.databaseUrl));
      await grantResearchRole(client, userOf(config.databaseUrl));
      return { url: config.databaseUrl, role: null, ...switchRoles };
    }
    if (await ensureSwitchRole(client, APP_ROLE)) {
      await grantAppPrivileges(client, APP_ROLE);
      await grantResearchRole(client, null);
      return { url: config.databaseUrl ?? ownerUrl, role: APP_ROLE, ...switchRoles };
    }
    config.log?.(
      `warning: could not create the database role ${APP_ROLE}, so the app connects as the owner of the tables; give it a role of its own (EVIDENT_MIGRATE_DATABASE_URL, see README)`,
    );
    return { url: ownerUrl, role: null, systemRole: null, researchRole: null };
  } finally {
    client.release();
  }
}

/** Starts (embedded) or connects (external), checks durability, migrates, and connects as the app's role. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const log = config.log ?? (() => {});
  const key = await loadAuditKey({ envKey: config.auditKey, dataDir: config.dataDir, log });
  const embedded = config.databaseUrl
    ? null
    : await startEmbedded({
        dataDir: config.dataDir,
        port: config.embeddedPort,
        log: config.log,
        ...(config.role ? { role: config.role } : {}),
        ...(config.command ? { command: config.command } : {}),
      });
  const ownerUrl = embedded?.url ?? config.migrateDatabaseUrl ?? config.databaseUrl!;
  const owner = createPool(ownerUrl, 2);
  let pool: pg.Pool | undefined;
  let systemPool: pg.Pool | undefined;
  let researchPool: pg.Pool | undefined;
  let reads: Reads | undefined;
  try {
    await checkDurability(owner);
    await migrate(owner, { auditKey: key, log });
    const app = await setUpAppRole(owner, config, ownerUrl, embedded !== null);
    pool = createPool(app.url, config.poolSize, { role: app.role });
    // As large as the app's: every request looks its session up through it.
    systemPool = createPool(app.url, config.poolSize, { role: app.systemRole });
    // Pooled research reads: few at a time, read-only, as the role that sees only aggregates.
    researchPool = createPool(app.url, 4, researchPoolOptions(app.researchRole));
    const client = await pool.connect();
    const problem = await checkAppRole(client).finally(() => client.release());
    if (problem) log(`warning: ${problem}; it should be a role of its own (see README, "Database roles")`);
    const research = { pool: researchPool, db: drizzle(researchPool, { schema }) };
    const primary: ReadTarget = { pool, research, replica: false };
    reads = config.readDatabaseUrl
      ? await openReplica(config.readDatabaseUrl, {
          app,
          primary,
          poolSize: config.poolSize,
          maxWaitMs: config.readWaitMs,
          log: config.log,
        })
      : primaryReads(primary);
  } catch (e) {
    await pool?.end().catch(() => undefined);
    await systemPool?.end().catch(() => undefined);
    await researchPool?.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  } finally {
    await owner.end().catch(() => undefined);
  }
  useAuditKey(key);
  const appPool = pool;
  const sysPool = systemPool!;
  const resPool = researchPool!;
  const readsTo = reads!;
  let closed = false;
  return {
    pool: appPool,
    db: drizzle(appPool, { schema }),
    system: { pool: sysPool, db: drizzle(sysPool, { schema }) },
    research: readsTo.primary.research,
    reads: readsTo,
    mode: embedded ? "embedded" : "external",
    cluster: embedded,
    audit: { key, anchorDir: path.resolve(config.auditAnchorDir ?? config.dataDir) },
    async withOwner(fn) {
      const p = createPool(ownerUrl, 2);
      try {
        return await fn({ pool: p, db: drizzle(p, { schema }) });
      } finally {
        await p.end();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await readsTo.close();
      await appPool.end();
      await sysPool.end();
      await resPool.end();
      await embedded?.stop();
    },
  };
}

/** Appends an anchor of the audit chains now (audit-anchors.ts). */
export function anchorAudit(database: Database, now?: Date): Promise<AnchorWritten> {
  return writeAnchor(database.system.db, { key: database.audit.key, dir: database.audit.anchorDir, now });
}

/** Verifies the audit chains against every anchor (audit-verify.ts). */
export function verifyDatabaseAudit(
  database: Database,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  return verifyAudit(database.system.db, { ...database.audit, onProgress });
}
