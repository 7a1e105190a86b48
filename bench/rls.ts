/**
 * What row-level security costs (migration 0019, packages/db/src/tenancy.ts): the outcomes report's
 * query and a patient search for one clinic, run the same way twice on one demo database — as the
 * tables' owner, a superuser whom row-level security does not touch (the code's own clinic filter
 * only: what the app did before), and as the app's role through `scopedDb` (the filter and the
 * policy). Prints a Markdown table (median and each run) and whether the plan used a clinic_id index.
 * A benchmark, not a test: nothing asserts a time.
 *
 *   npx tsx bench/rls.ts [--patients 3000] [--repeats 5]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Db, openDatabase, outcomeTallies, scopedDb, tables } from "@evident/db";
import { defaultInstruments } from "@evident/domain";
import { eq, sql } from "drizzle-orm";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: { patients: { type: "string", default: "3000" }, repeats: { type: "string", default: "5" } },
});
const repeats = Number(values.repeats);
const dataDir = mkdtempSync(path.join(tmpdir(), "evident-bench-rls-"));
const cli = path.resolve(import.meta.dirname, "../packages/cli/bin/evident.mjs");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the cache
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await fn();
    out.push((performance.now() - t) / 1000);
  }
  return out;
}

try {
  const env = { ...process.env, EVIDENT_DATA_DIR: dataDir, EVIDENT_LOG_LEVEL: "warn" };
  log(`seeding ${values.patients} demo patients in ${dataDir}`);
  const seeded = spawnSync(process.execPath, [cli, "demo", "--patients", values.patients], {
    env,
    stdio: "inherit",
  });
  if (seeded.status !== 0) throw new Error("evident demo failed");
  const database = await openDatabase({ dataDir, log, command: "bench rls" });
  const before = load();
  try {
    const [demo] = await database.system.db
      .select({ id: tables.clinics.id })
      .from(tables.clinics)
      .where(eq(tables.clinics.name, "Demo Spine Clinic"));
    const clinicId = demo!.id;
    const report = (db: Db) =>
      db.transaction((tx) => outcomeTallies(tx, clinicId, { instruments: defaultInstruments }));
    const search = (db: Db) =>
      db.execute(
        sql`select id from patients where clinic_id = ${clinicId} and family_name ilike 'M%' order by family_name, given_name limit 50`,
      );
    const plan = async (db: Db) =>
      (
        await db.transaction((tx) =>
          tx.execute<{ "QUERY PLAN": string }>(
            sql`explain select id from follow_ups where clinic_id = ${clinicId} and status = 'scheduled'`,
          ),
        )
      ).rows
        .map((r) => r["QUERY PLAN"])
        .join(" / ");
    const rows: string[] = [];
    await database.withOwner(async (owner) => {
      const app = scopedDb(database.pool, clinicId);
      for (const [what, run] of [
        ["outcomes report query (demo clinic)", report],
        ["patient search, 50 rows", search],
      ] as const) {
        const a = await time(() => run(owner.db));
        const b = await time(() => run(app));
        const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(", ");
        rows.push(`| ${what} | owner, no policy | ${median(a).toFixed(3)} | ${fmt(a)} |`);
        rows.push(`| ${what} | app role, policy | ${median(b).toFixed(3)} | ${fmt(b)} |`);
      }
      log(`plan as owner: ${await plan(owner.db)}`);
      log(`plan as app:   ${await plan(app)}`);
    });
    console.log(`${machine()}; load ${before} → ${load()}; ${values.patients} demo patients\n`);
    console.log("| query | as | median s | each run s |\n| --- | --- | ---: | --- |");
    console.log(rows.join("\n"));
  } finally {
    await database.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
