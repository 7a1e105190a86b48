/**
 * Cold-start benchmark: how long `evident start` takes until /api/health answers 200, on a first
 * run (initdb, migrations and the 300-patient demo seed) and on a warm restart of the same data
 * directory; then how long it takes to stop cleanly after SIGTERM. Spawns the real
 * `node packages/cli/bin/evident.mjs start` with a temporary EVIDENT_DATA_DIR and a free PORT.
 * Results are written up in ./README.md. A benchmark, not a test: nothing asserts a time.
 *
 *   npx tsx bench/cold-start.ts [--repeats R] [--demo-patients N]
 *
 * The web app is served if it is built; building it is not part of the time (npm start builds it
 * first only when stale).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEvident } from "./app";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    repeats: { type: "string", default: "3" },
    "demo-patients": { type: "string", default: "300" },
  },
});
const repeats = Number(values.repeats);

type Start = { healthyMs: number; stopMs: number; exitCode: number | null; output: string };

/** Starts the app on a data directory, waits for health, then SIGTERM and waits for its exit. */
async function startOnce(dataDir: string): Promise<Start> {
  const started = performance.now();
  const app = await startEvident({
    EVIDENT_DATA_DIR: dataDir,
    EVIDENT_DEMO_PATIENTS: values["demo-patients"],
  });
  const healthyMs = performance.now() - started;
  const stopping = performance.now();
  const exitCode = await app.stop();
  return { healthyMs, stopMs: performance.now() - stopping, exitCode, output: app.output() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The demo seeding's own time, from the progress line `evident start` prints. */
const seedingMs = (r: Start): number | null => {
  const m = /demo data: 100% \(\d+\/\d+\) ([\d.]+)s/.exec(r.output);
  return m ? Number(m[1]) * 1000 : null;
};
const s = (ms: number) => (ms / 1000).toFixed(2);

log(`${machine()}; load average ${load()}`);
const first: Start[] = [];
const warm: Start[] = [];
for (let i = 0; i < repeats; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-start-"));
  try {
    const a = await startOnce(dir);
    if (!/seeding a demo clinic/.test(a.output) && values["demo-patients"] !== "0")
      throw new Error(`the first run did not seed the demo:\n${a.output}`);
    const b = await startOnce(dir);
    first.push(a);
    warm.push(b);
    log(
      `run ${i + 1}: first ${s(a.healthyMs)} s (stop ${s(a.stopMs)} s, exit ${a.exitCode}); warm ${s(b.healthyMs)} s (stop ${s(b.stopMs)} s, exit ${b.exitCode}); load ${load()}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const row = (label: string, runs: Start[]) => {
  const seeding = runs.map(seedingMs).filter((x): x is number => x !== null);
  return `| ${label} | ${s(median(runs.map((r) => r.healthyMs)))} | ${runs.map((r) => s(r.healthyMs)).join(", ")} | ${seeding.length ? s(median(seeding)) : "–"} | ${s(median(runs.map((r) => r.stopMs)))} | ${[...new Set(runs.map((r) => r.exitCode))].join(", ")} |`;
};
console.log(
  `Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load average at the end: ${load()}.\n`,
);
console.log(
  "| start | to healthy, median s | each run s | of which demo seeding, median s | SIGTERM to exit, median s | exit code |",
);
console.log("| --- | ---: | --- | ---: | ---: | --- |");
console.log(row(`first run (initdb, migrations, ${values["demo-patients"]}-patient demo)`, first));
console.log(row("warm restart", warm));
