/**
 * Audit appends that hold their lock: the part of audit-throughput.ts that a busy CPU cannot blur.
 * Each transaction appends an audit event for its clinic, then does `--hold-ms` of other work
 * before committing (pg_sleep, standing for the statements after the append and the round trips to
 * an external database), so whatever lock the append takes is held that long. With one lock for
 * every clinic, throughput stays near 1000 / hold-ms per second however many clinics write; with
 * a lock per clinic's chain, 8 clinics go up to 8 times as fast (while 1 clinic stays serial).
 *
 *   npx tsx bench/audit-hold.ts [--clinics 1,8] [--workers 16] [--seconds 10] [--hold-ms 10]
 *
 * In-process through `openDatabase` (as the app's role where the code has one) and `appendAudit`,
 * against a cluster of its own in a temporary directory, a fresh database per run. A benchmark,
 * not a test.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { appendAudit, freePort, openDatabase, scopedDb, startEmbedded } from "@evident/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "1,8" },
    workers: { type: "string", default: "16" },
    seconds: { type: "string", default: "10" },
    "hold-ms": { type: "string", default: "10" },
  },
});
const clinicCounts = values.clinics.split(",").map(Number);
const workers = Number(values.workers);
const seconds = Number(values.seconds);
const holdMs = Number(values["hold-ms"]);

async function run(adminUrl: string, clinics: number) {
  const name = `bench_hold_${clinics}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "evident-bench-hold-"));
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir, poolSize: workers, log });
  const clinicIds = Array.from({ length: clinics }, () => randomUUID());
  const append = (w: number, i: number) =>
    scopedDb(database.pool, clinicIds[w % clinics]!).transaction(async (tx) => {
      await appendAudit(tx, {
        at: new Date(),
        actorKind: "staff",
        actorId: `worker-${w}`,
        clinicId: clinicIds[w % clinics]!,
        patientId: null,
        action: "read",
        entityType: "bench",
        entityId: String(i),
        requestId: null,
      });
      await tx.execute(sql`select pg_sleep(${holdMs / 1000})`);
    });
  try {
    await Promise.all(Array.from({ length: workers }, (_, w) => append(w, -1))); // warm up
    let done = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (let i = 0; performance.now() < until; i++) {
          await append(w, i);
          done += 1;
        }
      }),
    );
    return { clinics, appends: done, perSecond: done / ((performance.now() - started) / 1000) };
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "evident-bench-hold-pg-"));
const cluster = await startEmbedded({ dataDir: dir, port: await freePort(), database: "postgres" });
const results: Awaited<ReturnType<typeof run>>[] = [];
const loadBefore = load();
try {
  for (const clinics of clinicCounts) {
    log(`${clinics} clinic(s), ${workers} connections, ${holdMs} ms held, ${seconds} s…`);
    results.push(await run(cluster.url, clinics));
  }
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`Machine: ${machine()}; load average ${loadBefore} → ${load()}\n`);
console.log(`| clinics | connections | held after the append | appends | per second | ceiling of one lock |`);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results)
  console.log(
    `| ${r.clinics} | ${workers} | ${holdMs} ms | ${r.appends} | ${r.perSecond.toFixed(1)} | ${(1000 / holdMs).toFixed(0)} |`,
  );
