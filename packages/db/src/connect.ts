/**
 * Opening the database: the embedded cluster by default, any PostgreSQL 15+ when DATABASE_URL is
 * set. Refuses to run on a server that could lose acknowledged writes (fsync or
 * synchronous_commit off), and applies migrations under an advisory lock so two servers starting
 * together do not race.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { OwnerKind } from "./cluster-owner";
import { type EmbeddedCluster, startEmbedded } from "./embedded";
import { schema } from "./schema";

export type Db = NodePgDatabase<typeof schema>;

export type Database = {
  pool: pg.Pool;
  db: Db;
  mode: "embedded" | "external";
  /** The embedded cluster (owned by this process, or a running server's that it uses). */
  cluster?: EmbeddedCluster | null;
  /** Closes the pool and, in embedded mode, stops the cluster if this process owns it. */
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "migrations",
);

/** Dates of service stay "YYYY-MM-DD" strings; 64-bit integers (counts) become numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    application_name: "evident",
    // Every session in UTC, so date arithmetic in SQL never depends on the server's zone.
    options: "-c timezone=UTC",
  });
  // A client losing its server (PostgreSQL restarted, network) must not crash the process, idle
  // in the pool or checked out between two queries: the pool drops it and opens a new one.
  pool.on("error", (e) => console.error(`database connection error: ${e.message}`));
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

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

export async function migrate(pool: pg.Pool, folder = migrationsFolder): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('evident:migrate'))");
    await drizzleMigrate(drizzle(client, { schema }), { migrationsFolder: folder });
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('evident:migrate'))").catch(() => undefined);
    client.release();
  }
}

export type DatabaseConfig = {
  databaseUrl?: string | undefined;
  dataDir: string;
  embeddedPort?: number | undefined;
  poolSize?: number;
  log?: (line: string) => void;
  /** Embedded mode: a server owns the cluster; a command (default) uses a running server's. */
  role?: OwnerKind;
  /** What to call this process in the cluster's owner record, e.g. "evident backup". */
  command?: string;
};

/** Starts (embedded) or connects (external), checks durability and migrates. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbedded({
        dataDir: config.dataDir,
        port: config.embeddedPort,
        log: config.log,
        ...(config.role ? { role: config.role } : {}),
        ...(config.command ? { command: config.command } : {}),
      });
  const url = config.databaseUrl ?? embedded!.url;
  const pool = createPool(url, config.poolSize);
  try {
    await checkDurability(pool);
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
  let closed = false;
  return {
    pool,
    db: drizzle(pool, { schema }),
    mode: embedded ? "embedded" : "external",
    cluster: embedded,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await embedded?.stop();
    },
  };
}
