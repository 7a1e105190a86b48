/**
 * Tenancy in the database. Every table with a `clinic_id` has row-level security (migration
 * 0019): the app's role sees and writes only the rows of the clinic named by the transaction-local
 * setting `evident.clinic_id`, and nothing without it. This module is the one place that sets it:
 *
 * - `scopedDb(pool, clinicId)` is a Drizzle database whose every statement runs in a transaction
 *   that starts with `set_config('evident.clinic_id', …, true)` (`SET LOCAL`): a query outside a
 *   transaction gets one of its own, and `db.transaction()` sends it with its `begin` (one round
 *   trip). The setting dies with the transaction, so a pooled connection never carries a clinic to
 *   the next request. Repositories get nothing else (server/src/http/scoped.ts).
 * - `scopedTransaction(db, lead, fn)` is the same transaction on a bare pooled connection, for a
 *   hot path that sends its own named (prepared) statements: `begin`, the setting and `lead` (row
 *   or advisory locks, with checked literals only) go in one round trip.
 * - `whereClinic(table, scope)` is the filter the repositories still write: code filters stay
 *   the first line (they choose the index and make a 404 of another clinic's id), row-level
 *   security is the guarantee when one is forgotten.
 * - Whoever must see every clinic — jobs, the command line, sign-in and session lookups (made
 *   before any clinic is known), pooled research aggregates — uses `Database.system`, a pool that
 *   connects as the NOLOGIN role `evident_system` (roles.ts). It is named at every use; nothing
 *   in a scoped request path falls back to it.
 */
import { eq, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { PgColumn } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Db } from "./connect";
import { schema } from "./schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is a UUID, so that it may be written into a statement as a literal. */
export const isUuid = (id: string): boolean => UUID.test(id);

/** The transaction-local setting; the id is checked to be a UUID before it is quoted. */
function settingFor(clinicId: string): string {
  if (!UUID.test(clinicId)) throw new Error("a clinic scope needs the clinic's UUID");
  return `select set_config('evident.clinic_id', '${clinicId}', true)`;
}

const textOf = (q: unknown): string =>
  typeof q === "string" ? q : ((q as { text?: string } | null)?.text ?? "");

/**
 * A pool that looks like `pool` to Drizzle (its prototype is `pool`) but runs every statement under
 * the clinic's setting: `query` wraps one statement in begin/commit, and a client checked out
 * for a transaction sends the setting with Drizzle's `begin`, in the same round trip (the simple
 * protocol runs both; Drizzle sends `begin` without parameters).
 */
function clinicPool(pool: pg.Pool, clinicId: string): pg.Pool {
  const setting = settingFor(clinicId);
  // `begin` and the setting in one round trip (the simple protocol runs both).
  const begin = `begin; ${setting}`;
  const scoped = Object.create(pool) as pg.Pool;
  const query = (config: unknown, values?: unknown) =>
    pooledTransaction(pool, begin, (client) => client.query(config as pg.QueryConfig, values as unknown[]));
  const connect = async () => {
    const client = await pool.connect();
    const wrapped = Object.create(client) as pg.PoolClient;
    wrapped.query = (async (config: unknown, values?: unknown) => {
      const text = textOf(config);
      if (/^\s*begin\b[^;]*$/i.test(text) && (values === undefined || (values as unknown[]).length === 0)) {
        const both =
          typeof config === "string"
            ? `${text}; ${setting}`
            : { ...(config as object), text: `${text}; ${setting}` };
        const results = (await client.query(both as pg.QueryConfig)) as unknown as pg.QueryResult[];
        return results[0];
      }
      return client.query(config as pg.QueryConfig, values as unknown[]);
    }) as pg.PoolClient["query"];
    wrapped.release = (err?: Error | boolean) => client.release(err);
    return wrapped;
  };
  Object.assign(scoped, { query, connect });
  return scoped;
}

const cache = new WeakMap<pg.Pool, Map<string, Db>>();
const scoped = new WeakMap<Db, { pool: pg.Pool; clinicId: string }>();

/** A database bound to one clinic: every statement sees and writes only that clinic's rows. */
export function scopedDb(pool: pg.Pool, clinicId: string): Db {
  let byClinic = cache.get(pool);
  if (!byClinic) {
    byClinic = new Map();
    cache.set(pool, byClinic);
  }
  let db = byClinic.get(clinicId);
  if (!db) {
    db = drizzle(clinicPool(pool, clinicId), { schema });
    byClinic.set(clinicId, db);
    scoped.set(db, { pool, clinicId });
  }
  return db;
}

/** Ends a `scopedTransaction` early: sends `statements` and `commit` in one round trip. */
export type CommitWith = (statements: readonly string[]) => Promise<pg.QueryResult[]>;

/**
 * Runs `fn` in a transaction of the scoped database `db` on one pooled connection it may send
 * its own statements on (named ones are prepared once per connection). `lead` — statements
 * without parameters whose values the caller has checked (`isUuid`), such as the row locks and a
 * read the work needs first — is sent with `begin` and the clinic's setting in one round trip;
 * `fn` gets the result of each. `fn` may end with `commitWith(statements)` (the last statements
 * and `commit`, in one round trip, e.g. an append whose lock should be held as briefly as
 * possible); otherwise the transaction commits when `fn` returns. It rolls back if `fn` throws.
 */
export async function scopedTransaction<T>(
  db: Db,
  lead: readonly string[],
  fn: (client: pg.PoolClient, lead: pg.QueryResult[], commitWith: CommitWith) => Promise<T>,
): Promise<T> {
  const s = scoped.get(db);
  if (!s) throw new Error("scopedTransaction needs a database made by scopedDb");
  const begin = ["begin", settingFor(s.clinicId), ...lead].join("; ");
  return pooledTransaction(s.pool, begin, (client, begun, committed) =>
    fn(client, begun.slice(2), async (statements) => {
      const results = resultsOf(await client.query([...statements, "commit"].join("; ")));
      committed();
      return results.slice(0, -1);
    }),
  );
}

/** The results of a simple-protocol query, one per statement (the driver gives one alone bare). */
const resultsOf = (r: unknown): pg.QueryResult[] => (Array.isArray(r) ? r : [r]) as pg.QueryResult[];

/**
 * One transaction on one pooled connection: `begin` (which may carry more statements), `work`,
 * then `commit` unless `work` said it committed itself; rolled back if anything throws. A
 * connection that failed for any reason but an SQL error is dropped rather than pooled again.
 */
async function pooledTransaction<T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient, begun: pg.QueryResult[], committed: () => void) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let done = false;
  let failed: Error | undefined;
  try {
    const result = await work(client, resultsOf(await client.query(begin)), () => {
      done = true;
    });
    if (!done) await client.query("commit");
    return result;
  } catch (e) {
    failed = e as Error;
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release(failed && !("code" in failed) ? failed : undefined);
  }
}

/** The filter every scoped query starts with: this table's rows of the scope's clinic. */
export function whereClinic(table: { clinicId: PgColumn }, scope: { clinicId: string }): SQL {
  return eq(table.clinicId, scope.clinicId);
}

/**
 * Runs `fn` on one connection in a read-only REPEATABLE READ transaction: one snapshot however
 * long `fn` reads (the Bulk Data export streams the registry through cursors in it). With a
 * clinic, the transaction carries the clinic's setting, so on the app's pool row-level security
 * shows that clinic only; null is for `Database.system`, which sees every clinic by its role.
 */
export async function withSnapshot<T>(
  pool: pg.Pool,
  clinicId: string | null,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const begin = "begin isolation level repeatable read, read only";
  return pooledTransaction(pool, clinicId ? `${begin}; ${settingFor(clinicId)}` : begin, (client) =>
    fn(client),
  );
}
