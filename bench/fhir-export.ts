/**
 * The FHIR Bulk Data export's throughput (packages/db/src/bulk-export): resources written per
 * second for each clinic of a demo, run the way the server's export job runs it — the app's role
 * on a snapshot scoped to the clinic (row-level security on), every type — into a temporary
 * directory that is deleted afterwards. Reports resources, files and their size, wall seconds, CPU
 * seconds of this process and of PostgreSQL, this process's peak memory, and the load average.
 * A benchmark, not a test: nothing asserts a time.
 *
 *   npx tsx bench/fhir-export.ts --data-dir DIR      # a demo already written there (evident demo)
 *   npx tsx bench/fhir-export.ts --patients 10000    # seeds a demo of its own in a temporary directory
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase, tables, writeBulkExport } from "@evident/db";
import { bulkTypes } from "@evident/domain/fhir";
import { load, log, machine, treeCpuMs } from "./machine";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    patients: { type: "string", default: "10000" },
    "batch-size": { type: "string", default: "2000" },
  },
});
const own = !values["data-dir"];
const dataDir = values["data-dir"] ?? mkdtempSync(path.join(tmpdir(), "evident-bench-export-"));
const out = mkdtempSync(path.join(tmpdir(), "evident-bench-export-files-"));
const cli = path.resolve(import.meta.dirname, "../packages/cli/bin/evident.mjs");

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

try {
  if (own) {
    log(`seeding ${values.patients} demo patients in ${dataDir}`);
    const env = { ...process.env, EVIDENT_DATA_DIR: dataDir, EVIDENT_LOG_LEVEL: "warn" };
    const seeded = spawnSync(process.execPath, [cli, "demo", "--patients", values.patients!], {
      env,
      stdio: "inherit",
    });
    if (seeded.status !== 0) throw new Error("evident demo failed");
  }
  const database = await openDatabase({ dataDir, log, command: "bench fhir-export" });
  const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  const rows: string[] = [];
  const before = load();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  try {
    const clinics = await database.system.db
      .select({ id: tables.clinics.id, name: tables.clinics.name })
      .from(tables.clinics);
    let all = { resources: 0, seconds: 0, node: 0, pg: 0 };
    for (const clinic of clinics) {
      const dir = path.join(out, clinic.id);
      const pg0 = treeCpuMs(postmaster);
      const cpu0 = cpuMs();
      const t0 = performance.now();
      let lastLog = 0;
      const result = await writeBulkExport({
        pool: database.pool,
        scopedClinicId: clinic.id,
        clinicIds: [clinic.id],
        types: bulkTypes,
        since: null,
        groupKind: null,
        dir,
        now: () => new Date(),
        batchSize: Number(values["batch-size"]),
        onProgress: (p) => {
          if (performance.now() - lastLog > 5000) {
            lastLog = performance.now();
            log(
              `${clinic.name}: ${p.done}/${p.total} rows (${p.type}) ${((lastLog - t0) / 1000).toFixed(0)} s`,
            );
          }
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const node = (cpuMs() - cpu0) / 1000;
      const pg = pg0 === null ? Number.NaN : (treeCpuMs(postmaster)! - pg0) / 1000;
      const resources = result.files.reduce((n, f) => n + f.count, 0);
      const mb = result.files.reduce((n, f) => n + statSync(path.join(dir, f.file)).size, 0) / 2 ** 20;
      all = {
        resources: all.resources + resources,
        seconds: all.seconds + seconds,
        node: all.node + node,
        pg: all.pg + pg,
      };
      rows.push(
        `| ${clinic.name} | ${resources.toLocaleString("en")} | ${result.files.length} | ${mb.toFixed(0)} | ${seconds.toFixed(1)} | ${Math.round(resources / seconds).toLocaleString("en")} | ${node.toFixed(1)} | ${pg.toFixed(1)} |`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    rows.push(
      `| all | ${all.resources.toLocaleString("en")} | | | ${all.seconds.toFixed(1)} | ${Math.round(all.resources / all.seconds).toLocaleString("en")} | ${all.node.toFixed(1)} | ${all.pg.toFixed(1)} |`,
    );
  } finally {
    clearInterval(sampler);
    await database.close();
  }
  console.log(
    `${machine()}; load ${before} → ${load()}; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; batch ${values["batch-size"]}\n`,
  );
  console.log(
    "| clinic | resources | files | MB | wall s | resources/s | Node CPU s | PostgreSQL CPU s |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  console.log(rows.join("\n"));
} finally {
  rmSync(out, { recursive: true, force: true });
  if (own) rmSync(dataDir, { recursive: true, force: true });
}
