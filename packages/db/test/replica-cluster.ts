/**
 * Two local clusters joined by PostgreSQL's own streaming replication, for tests of reads from a
 * replica (src/replica.ts): a primary (the embedded cluster, owned as a server would own it, so
 * `openDatabase` attaches to it) and a hot standby made from it.
 *
 * The embedded package ships initdb, pg_ctl and postgres but no pg_basebackup, so the standby is
 * made with the low-level base backup API (PostgreSQL manual, "Making a Base Backup Using the Low
 * Level API"): `pg_backup_start`, a copy of the data directory without its WAL and run-time files,
 * `pg_backup_stop`'s label written as `backup_label`; then `standby.signal` and a
 * `primary_conninfo` naming a replication role, with a physical slot so the primary keeps every WAL
 * segment the standby still needs. Both listen on 127.0.0.1 only, on free ports; `close()` stops
 * both and removes their directories.
 */
import { randomBytes } from "node:crypto";
import { appendFile, chmod, cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type EmbeddedCluster, freePort, startEmbedded } from "../src/embedded";
import { binaries, clusterUser, exec, reachable, run, sharedBinaries } from "../src/embedded-binaries";

export type ReplicatedClusters = {
  primaryDir: string;
  primary: EmbeddedCluster;
  /** The standby's `evident` database as the cluster's superuser. */
  replicaOwnerUrl: string;
  /** The standby's `evident` database, with no user named (the app then signs in as it does on the primary). */
  replicaUrl: string;
  /** Waits until the standby has replayed everything the primary has written. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  close(): Promise<void>;
};

const SLOT = "evident_test_replica";
/** Files a base backup leaves out (they are rebuilt at start, or belong to the running primary). */
const skipped =
  /^(postmaster\.(pid|opts)|server\.log|pg_wal\/.+|pg_replslot\/.+|pg_stat_tmp\/.+|.*pgsql_tmp.*)$/;

/** Makes and starts the standby of `primary` in `replicaDir` (see the top). */
async function makeStandby(primary: EmbeddedCluster, primaryDir: string, replicaDir: string) {
  const runAs = await clusterUser();
  let bin = await binaries();
  if (runAs && !(await reachable(runAs, bin.pg_ctl))) bin = await sharedBinaries(bin);
  const source = path.join(primaryDir, "pg");
  const target = path.join(replicaDir, "pg");
  const port = await freePort();
  // Streaming needs wal_level replica (PostgreSQL's default); set it and restart if it is not.
  const check = new pg.Client({ connectionString: primary.url });
  await check.connect();
  const level = (await check.query<{ wal_level: string }>("show wal_level")).rows[0]?.wal_level;
  if (level !== "replica" && level !== "logical") await check.query("alter system set wal_level = replica");
  await check.end();
  if (level !== "replica" && level !== "logical") await primary.control!.restart();
  const admin = new pg.Client({ connectionString: primary.url });
  await admin.connect();
  try {
    const password = randomBytes(18).toString("base64url");
    await admin.query(`create role evident_replicator with replication login password '${password}'`);
    await appendFile(
      path.join(source, "pg_hba.conf"),
      "\nhost replication evident_replicator 127.0.0.1/32 scram-sha-256\n",
    );
    await admin.query("select pg_reload_conf()");
    await admin.query("select pg_create_physical_replication_slot($1, true)", [SLOT]);

    await admin.query("select pg_backup_start('evident test replica', true)");
    await cp(source, target, {
      recursive: true,
      filter: (src) => !skipped.test(path.relative(source, src)),
    });
    const { rows } = await admin.query<{ labelfile: string }>("select labelfile from pg_backup_stop(false)");
    await mkdir(path.join(target, "pg_wal", "archive_status"), { recursive: true });
    await writeFile(path.join(target, "backup_label"), rows[0]!.labelfile);
    await writeFile(path.join(target, "standby.signal"), "");
    await appendFile(
      path.join(target, "postgresql.auto.conf"),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=evident_replicator password=${password} application_name=evident_test_replica'\nprimary_slot_name = '${SLOT}'\nhot_standby = on\n`,
    );
  } finally {
    await admin.end();
  }
  if (runAs) {
    await exec("chown", ["-R", `${runAs.uid}:${runAs.gid}`, target]);
    const { mode } = await stat(replicaDir);
    await chmod(replicaDir, mode | 0o011);
  }
  await chmod(target, 0o700);

  const startReplica = async () => {
    await run(
      bin.pg_ctl,
      [
        "start",
        "-D",
        target,
        "-l",
        path.join(target, "server.log"),
        "-w",
        "-t",
        "60",
        "-o",
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ],
      runAs,
    );
  };
  const stopReplica = async () => {
    await run(bin.pg_ctl, ["stop", "-D", target, "-m", "fast", "-w", "-t", "60"], runAs);
  };
  await startReplica();
  return { port, startReplica, stopReplica };
}

export async function startReplicatedClusters(): Promise<ReplicatedClusters> {
  const primaryDir = await mkdtemp(path.join(tmpdir(), "evident-primary-"));
  const replicaDir = await mkdtemp(path.join(tmpdir(), "evident-standby-"));
  const primary = await startEmbedded({
    dataDir: primaryDir,
    port: await freePort(),
    role: "server",
    command: "replica test",
  });
  let standby: Awaited<ReturnType<typeof makeStandby>>;
  try {
    standby = await makeStandby(primary, primaryDir, replicaDir);
  } catch (e) {
    await primary.stop().catch(() => undefined);
    await rm(replicaDir, { recursive: true, force: true });
    await rm(primaryDir, { recursive: true, force: true });
    throw e;
  }
  const { port, startReplica, stopReplica } = standby;

  const owner = new URL(primary.url);
  owner.port = String(port);

  return {
    primaryDir,
    primary,
    replicaOwnerUrl: owner.toString(),
    replicaUrl: `postgres://127.0.0.1:${port}${owner.pathname}`,
    async caughtUp(timeoutMs = 30_000) {
      const p = new pg.Client({ connectionString: primary.url });
      const r = new pg.Client({ connectionString: owner.toString() });
      await p.connect();
      await r.connect();
      try {
        const lsn = (await p.query<{ lsn: string }>("select pg_current_wal_flush_lsn()::text as lsn"))
          .rows[0]!.lsn;
        const until = Date.now() + timeoutMs;
        for (;;) {
          const { rows } = await r.query<{ ok: boolean }>(
            "select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok",
            [lsn],
          );
          if (rows[0]?.ok) return;
          if (Date.now() > until) throw new Error(`the standby did not reach ${lsn} in ${timeoutMs} ms`);
          await new Promise((done) => setTimeout(done, 20));
        }
      } finally {
        await p.end();
        await r.end();
      }
    },
    stopReplica,
    startReplica,
    async close() {
      await stopReplica().catch(() => undefined);
      await primary.stop();
      await rm(replicaDir, { recursive: true, force: true });
      await rm(primaryDir, { recursive: true, force: true });
    },
  };
}
