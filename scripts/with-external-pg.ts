/**
 * Runs a command with DATABASE_URL pointing at a separate PostgreSQL server, to prove the app and
 * its tests work against an external server, not only the embedded one. Uses the system's
 * PostgreSQL (Debian's /usr/lib/postgresql/<version>/bin) when installed, otherwise a second
 * cluster from the embedded binaries; the cluster lives in a temporary directory and is removed.
 *
 *   npx tsx scripts/with-external-pg.ts -- npx vitest run --project integration
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startEmbedded } from "../packages/db/src/embedded";

function systemBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

const sep = process.argv.indexOf("--");
const command = sep >= 0 ? process.argv.slice(sep + 1) : [];
if (command.length === 0) {
  console.error("usage: tsx scripts/with-external-pg.ts -- <command> [args…]");
  process.exit(2);
}

const dir = await mkdtemp(path.join(tmpdir(), "evident-external-pg-"));
const binDir = systemBinDir();
const cluster = await startEmbedded({ dataDir: dir, port: await freePort(), database: "postgres", binDir });
const { rows } = await import("pg").then(async ({ default: pg }) => {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  const r = await c.query<{ version: string }>("select version()");
  await c.end();
  return r;
});
console.log(
  `external PostgreSQL for this run: ${rows[0]?.version.split(",")[0]} (${binDir ? "system install" : "separate embedded cluster"})`,
);

const code = await new Promise<number>((resolve) => {
  const child = spawn(command[0]!, command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: cluster.url },
  });
  child.on("exit", (c) => resolve(c ?? 1));
});
await cluster.stop();
await rm(dir, { recursive: true, force: true });
process.exit(code);
