/**
 * The pools every connection to PostgreSQL goes through: UTC sessions, dates of service as strings,
 * an optional role switched to at connect (roles.ts) and read-only transactions (a researcher's
 * pooled reads, and every pool on a replica: replica.ts).
 */
import pg from "pg";

/** Dates of service stay "YYYY-MM-DD" strings; 64-bit integers (counts) become numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export type PoolOptions = {
  /** Each connection switches to this role as it opens (DATABASE_URL alone: roles.ts). */
  role?: string | null;
  /** Every transaction read-only (the research pools, and a replica's: replica.ts). */
  readOnly?: boolean;
  /** The connections' application_name, as pg_stat_activity shows it ("evident" by default). */
  name?: string;
  /** Give up connecting after this long (a replica that does not answer is passed over). */
  connectTimeoutMs?: number;
};

export function createPool(url: string, max = 10, opts: PoolOptions = {}): pg.Pool {
  const settings = [
    // Every session in UTC, so date arithmetic in SQL never depends on the server's zone.
    "-c timezone=UTC",
    ...(opts.role ? [`-c role=${opts.role}`] : []),
    ...(opts.readOnly ? ["-c default_transaction_read_only=on"] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    application_name: opts.name ?? "evident",
    options: settings.join(" "),
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
  });
  // A client losing its server (PostgreSQL restarted, network) must not crash the process, idle
  // in the pool or checked out between two queries: the pool drops it and opens a new one.
  pool.on("error", (e) => console.error(`database connection error: ${e.message}`));
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

/**
 * A researcher's pooled reads, on the primary and on a replica: read-only, as `evident_research`
 * (roles.ts), which may read the aggregate tables and nothing else.
 */
export const researchPoolOptions = (role: string | null): PoolOptions => ({
  role,
  readOnly: true,
  name: "evident-research",
});
