/**
 * Demo generator benchmark: runs the real `evident demo --patients N` at 1k, 10k and 100k patients,
 * each into a fresh database of a fresh embedded PostgreSQL cluster in a temporary directory, and
 * reports wall-clock time, CPU time (the CLI process and PostgreSQL separately: they run on
 * different cores), peak memory of the CLI, rows written and the generator's own breakdown.
 * Results are written up in ./README.md. A benchmark, not a test: nothing asserts a time.
 *
 *   npx tsx bench/demo.ts [--sizes 1000,10000,100000] [--seed S] [--today YYYY-MM-DD]
 *
 * The cluster belongs to this script (so PostgreSQL's CPU can be read from its process tree); the
 * CLI reaches it through DATABASE_URL. Migrations run first and are not timed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "@evident/db";
import pg from "pg";
import { evidentBin } from "./app";
import { childrenOf, load, log, machine, reapedChildrenCpuMs, treeCpuMs } from "./machine";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    seed: { type: "string", default: "1" },
    today: { type: "string" },
  },
});
const sizes = values.sizes.split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0))
  throw new Error("--sizes: whole numbers, comma-separated");

type Run = { code: number | null; stdout: string; stderr: string; wallMs: number; peakRssMb: number | null };

/** Runs the CLI, sampling its peak resident memory (VmHWM) while it runs. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [evidentBin, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let peak: number | null = null;
    // `evident demo` re-runs itself with a larger young generation (bin/evident.mjs): the peak
    // is that of the largest process in the tree.
    const sample = setInterval(() => {
      for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
        try {
          const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (kb) peak = Math.max(peak ?? 0, Number(kb[1]) / 1024);
        } catch {
          // exited between samples
        }
      }
    }, 200);
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sample);
      resolve({ code, stdout, stderr, wallMs: performance.now() - started, peakRssMb: peak });
    });
  });
}

const seconds = (ms: number | null | undefined) => (ms == null ? "–" : (ms / 1000).toFixed(1));

const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-demo-"));
const cluster = await startEmbedded({ dataDir: dir, log });
const postmaster = Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
const rows: string[] = [];
const details: string[] = [];
try {
  log(`${machine()}; load average ${load()}`);
  for (const size of sizes) {
    const name = `bench_demo_${size}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };
    const migrated = await cli(["migrate"], env);
    if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);

    const loadBefore = load();
    const pgBefore = treeCpuMs(postmaster);
    const cliBefore = reapedChildrenCpuMs();
    const args = ["demo", "--patients", String(size), "--seed", values.seed];
    if (values.today) args.push("--today", values.today);
    log(`evident ${args.join(" ")} …`);
    const run = await cli(args, env);
    if (run.code !== 0) throw new Error(`evident demo exited ${run.code}: ${run.stderr}`);
    const cliCpu = cliBefore === null ? null : reapedChildrenCpuMs()! - cliBefore;
    const pgCpu = pgBefore === null ? null : treeCpuMs(postmaster)! - pgBefore;
    const out = JSON.parse(run.stdout.trim().split("\n").pop()!) as {
      seconds: number;
      rows: Record<string, number>;
      foreignKeyChecks: string;
      timings: Record<string, number>;
    };
    const written = Object.values(out.rows).reduce((a, b) => a + b, 0);
    const { rows: sizeRows } = await admin.query<{ mb: number }>(
      "select pg_database_size($1)::float8 / 1048576 as mb",
      [name],
    );
    const line = [
      size.toLocaleString("en"),
      written.toLocaleString("en"),
      seconds(run.wallMs),
      out.seconds.toFixed(1),
      seconds(cliCpu),
      seconds(pgCpu),
      run.peakRssMb === null ? "–" : Math.round(run.peakRssMb).toString(),
      Math.round(sizeRows[0]!.mb).toString(),
      `${loadBefore} → ${load()}`,
    ];
    rows.push(`| ${line.join(" | ")} |`);
    details.push(
      `- ${size.toLocaleString("en")} patients: ${Object.entries(out.rows)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(
          ", ",
        )}; foreign keys checked ${out.foreignKeyChecks}; time (ms, overlapping): ${JSON.stringify(out.timings)}`,
    );
    log(`  ${line.join("  ")}`);
  }
  console.log(`Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.\n`);
  console.log(
    "| patients | rows | CLI wall s | seeding s | CLI CPU s | PostgreSQL CPU s | CLI peak RSS MB | database MB | load average before → after |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  console.log(rows.join("\n"));
  console.log(`\n${details.join("\n")}`);
} finally {
  await admin.end();
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
