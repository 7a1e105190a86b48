/**
 * Reads that may go to a replica (EVIDENT_READ_DATABASE_URL): the outcomes pages, survival,
 * "people like you", researchers' pooled reads and FHIR searches. Nothing that writes goes there:
 * the summaries are refreshed, the comparison cache filled and every read audited on the primary.
 *
 * - The replica is a copy made by PostgreSQL's own streaming replication, so it holds the same
 *   roles, grants and row-level security policies: one read pool connects as the app's role,
 *   scoped per transaction by `scopedDb` as on the primary; the other, for researchers' pooled
 *   reads, as `evident_research`, which may read the aggregate tables and nothing else (roles.ts),
 *   as on the primary. Every transaction is read-only (`default_transaction_read_only`; a hot
 *   standby refuses writes anyway).
 * - Before a read, the primary's WAL position is taken and the read waits (at most `maxWaitMs`)
 *   until the replica has replayed that far, so a page shows what was committed before it was
 *   asked for — the summaries' refresh included. A replica still behind after that is read anyway
 *   and the result says how current it is: the time of the last commit it replayed
 *   (`pg_last_xact_replay_timestamp`), which the pages show. If even that is unknown (nothing
 *   replayed since it started), the primary is read.
 * - A replica that cannot be reached (refused, timed out, shutting down) is passed over: the read
 *   goes to the primary and the replica is tried again `retryAfterMs` later, so a replica's outage
 *   slows nothing and loses nothing. A read cancelled by a conflict with replay, or one that did not
 *   find there what the primary wrote for it (`StaleRead`), is done again on the primary.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { AppConnection, Db } from "./connect";
import { createPool, researchPoolOptions } from "./pool";
import { schema } from "./schema";

export type ReadTarget = {
  /** The app's role: scope it to a clinic with `scopedDb` as on the primary. */
  pool: pg.Pool;
  /** `evident_research`, read-only, for researchers' pooled reads: the aggregate tables only. */
  research: { pool: pg.Pool; db: Db };
  /** True for a replica's read-only connections. */
  replica: boolean;
};

/**
 * Thrown by a read that did not find what the primary wrote for it just before (the pooled
 * comparison's cached result): read on a replica that had not replayed it yet, `run` reads the
 * primary instead; read on the primary, it reaches the caller (a write moved the data in between).
 */
export class StaleRead extends Error {}

export type ReadResult<T> = {
  data: T;
  from: "primary" | "replica";
  /** Null: the data is current as of the read. Else the last commit the lagging replica had replayed. */
  currentTo: Date | null;
};

export type Reads = {
  primary: ReadTarget;
  /** Null when reads go to the primary (no EVIDENT_READ_DATABASE_URL). */
  replica: ReadTarget | null;
  /** Runs `read` on the replica when it can (see the top), else on the primary. */
  run<T>(read: (on: ReadTarget) => Promise<T>): Promise<ReadResult<T>>;
  close(): Promise<void>;
};

/** No replica: every read on the primary's pools. */
export function primaryReads(primary: ReadTarget): Reads {
  return {
    primary,
    replica: null,
    run: async (read) => ({ data: await read(primary), from: "primary", currentTo: null }),
    close: async () => {},
  };
}

const causes = (e: unknown): { code?: string; message?: string }[] => {
  const out: { code?: string; message?: string }[] = [];
  for (let x = e as { cause?: unknown } | undefined; x && out.length < 5; x = x.cause as typeof x)
    out.push(x as { code?: string; message?: string });
  return out;
};

/** The replica is not there: refused, reset, timed out, starting or shutting down. */
export function unreachable(e: unknown): boolean {
  return causes(e).some(
    (c) =>
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)$/.test(
        c.code ?? "",
      ) ||
      /^(08...|57P0[123])$/.test(c.code ?? "") ||
      /Connection terminated|timeout exceeded when trying to connect/i.test(c.message ?? ""),
  );
}

/** The replica cancelled the read because replay needed what it held (hot standby conflict). */
const replayConflict = (e: unknown) =>
  causes(e).some((c) => c.code === "40001" && /conflict with recovery/i.test(c.message ?? ""));

type Replay = { current: boolean; replayedAt: Date | null };

export type ReplicaOptions = {
  primary: ReadTarget;
  /** The replica's pools (createPool with `readOnly`): the app's role, and `evident_research`. */
  pool: pg.Pool;
  researchPool: pg.Pool;
  /** How long a read waits for the replica to replay what the primary had written (200 ms). */
  maxWaitMs?: number;
  retryAfterMs?: number;
  log?: (line: string) => void;
  /** Where the replica is, for the log (no credentials). */
  name: string;
};

export function replicaReads(o: ReplicaOptions): Reads {
  const maxWaitMs = o.maxWaitMs ?? 200;
  const retryAfterMs = o.retryAfterMs ?? 10_000;
  const replica: ReadTarget = {
    pool: o.pool,
    research: { pool: o.researchPool, db: drizzle(o.researchPool, { schema }) },
    replica: true,
  };
  let downUntil = 0;

  const passOver = (e: unknown) => {
    if (Date.now() >= downUntil)
      o.log?.(
        `warning: the read replica ${o.name} cannot be reached (${(e as Error).message}); reads go to the primary, and the replica is tried again in ${retryAfterMs / 1000} s`,
      );
    downUntil = Date.now() + retryAfterMs;
  };

  /** Waits until the replica has replayed what the primary had written when asked. */
  async function replay(): Promise<Replay> {
    const { rows } = await o.primary.pool.query<{ lsn: string }>(
      "select pg_current_wal_flush_lsn()::text as lsn",
    );
    const lsn = rows[0]?.lsn ?? "0/0";
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const { rows: r } = await o.pool.query<{
        standby: boolean;
        current: boolean;
        replayed_at: Date | null;
      }>(
        `select pg_is_in_recovery() as standby,
                coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as current,
                pg_last_xact_replay_timestamp() as replayed_at`,
        [lsn],
      );
      const s = r[0];
      if (!s?.standby || s.current) return { current: true, replayedAt: null };
      if (Date.now() >= deadline) return { current: false, replayedAt: s.replayed_at };
      await new Promise((done) => setTimeout(done, 10));
    }
  }

  const onPrimary = async <T>(read: (on: ReadTarget) => Promise<T>): Promise<ReadResult<T>> => ({
    data: await read(o.primary),
    from: "primary",
    currentTo: null,
  });

  return {
    primary: o.primary,
    replica,
    async run(read) {
      if (Date.now() < downUntil) return onPrimary(read);
      let state: Replay;
      try {
        state = await replay();
      } catch (e) {
        if (!unreachable(e)) throw e;
        passOver(e);
        return onPrimary(read);
      }
      // Behind, and nobody can say how far: the primary answers.
      if (!state.current && state.replayedAt === null) return onPrimary(read);
      try {
        return { data: await read(replica), from: "replica", currentTo: state.replayedAt };
      } catch (e) {
        if (unreachable(e)) passOver(e);
        else if (!replayConflict(e) && !causes(e).some((c) => c instanceof StaleRead)) throw e;
        return onPrimary(read);
      }
    },
    async close() {
      await o.pool.end();
      await o.researchPool.end();
    },
  };
}

/**
 * Whether the replica is a standby, asked on each of its pools. A role or grant this start has just
 * made may not have reached the replica yet, so a refused sign-in (28…) or role switch (42501,
 * 22023) is tried again for a few seconds.
 */
async function standbyCheck(pools: pg.Pool[], untilMs = Date.now() + 5000) {
  const ask = async (pool: pg.Pool) => {
    for (;;) {
      try {
        return await pool.query<{ standby: boolean }>("select pg_is_in_recovery() as standby");
      } catch (e) {
        const code = String((e as { code?: string }).code);
        if (!/^(28...|42501|22023)$/.test(code) || Date.now() > untilMs) throw e;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  };
  const answers = [];
  for (const pool of pools) answers.push(await ask(pool));
  return answers.every((a) => a.rows[0]?.standby === true);
}

/**
 * Opens the replica's pools, signed in as the app signs in to the primary: one as its role (or the
 * role it switches to), one as `evident_research` for pooled reads; every transaction read-only. A
 * replica that is down, or is not a replica, is reported, not fatal: reads go to the primary until
 * it answers (see the top).
 */
export async function openReplica(
  url: string,
  o: {
    /** How the app connects to the primary (connect.ts). */
    app: Pick<AppConnection, "url" | "role" | "researchRole">;
    primary: ReadTarget;
    poolSize?: number | undefined;
    maxWaitMs?: number | undefined;
    log?: ((line: string) => void) | undefined;
  },
): Promise<Reads> {
  const { app, primary, log } = o;
  const u = new URL(url);
  const name = `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  // Without a user of its own, the replica is signed in to as the app signs in to the primary.
  if (!u.username) {
    const a = new URL(app.url);
    [u.username, u.password] = [a.username, a.password];
  }
  const timeout = { connectTimeoutMs: 5000 };
  const pool = createPool(u.toString(), o.poolSize, {
    ...timeout,
    role: app.role,
    readOnly: true,
    name: "evident-read",
  });
  const researchPool = createPool(u.toString(), 4, { ...timeout, ...researchPoolOptions(app.researchRole) });
  const reads = replicaReads({
    primary,
    pool,
    researchPool,
    name,
    maxWaitMs: o.maxWaitMs,
    ...(log ? { log } : {}),
  });
  try {
    const standby = await standbyCheck([pool, researchPool]);
    log?.(
      standby
        ? `outcomes, research and FHIR search reads go to the replica ${name}`
        : `warning: EVIDENT_READ_DATABASE_URL (${name}) is not a replica (pg_is_in_recovery() is false); reads go there, read-only`,
    );
  } catch (e) {
    log?.(
      `warning: the read replica ${name} does not answer (${(e as Error).message}); reads go to the primary until it does`,
    );
  }
  return reads;
}
