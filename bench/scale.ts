/**
 * What one PostgreSQL holds at a given registry size, for ARCHITECTURE.md's scaling section: every
 * table's rows (counted exactly) and size on disk (heap, indexes and TOAST: pg_total_relation_size),
 * the database's size, and how long the outcome summaries take — a full rebuild step by step, a
 * refresh with nothing queued (what every outcomes read pays first), a refresh of the largest
 * (clinic, kind) slice after a write to it, and the runner's first pass of a new day (every slice
 * recomputed for the day). A benchmark, not a test: nothing asserts a time. The day pass leaves
 * the summaries computed for tomorrow, so run it on a copy made for measuring.
 *
 *   EVIDENT_DATA_DIR=/tmp/big npx evident demo --patients 100000     # once
 *   npx tsx bench/scale.ts --data-dir /tmp/big [--repeats 3]
 */
import { parseArgs } from "node:util";
import { openDatabase, rebuildSummaries, refreshSummaries } from "@evident/db";
import { addDays, toIsoDate } from "@evident/domain";
import { sql } from "drizzle-orm";
import { load, log, machine } from "./machine";

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, repeats: { type: "string", default: "3" } },
});
if (!values["data-dir"]) throw new Error("--data-dir DIR: a data directory holding a demo registry");
const repeats = Number(values.repeats);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const database = await openDatabase({ dataDir: values["data-dir"], log, command: "bench scale" });
const loadBefore = load();
try {
  // As the owner (a superuser here): row-level security hides nothing from it.
  const sizes = await database.withOwner(async ({ db }) => {
    const tables = await db.execute<{ name: string; total: number; heap: number; indexes: number }>(sql`
      select c.relname as name, pg_total_relation_size(c.oid)::bigint as total,
             pg_relation_size(c.oid)::bigint as heap, pg_indexes_size(c.oid)::bigint as indexes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 2 desc`);
    const rows = new Map<string, number>();
    for (const t of tables.rows) {
      const { rows: r } = await db.execute<{ n: number }>(
        sql`select count(*)::bigint as n from ${sql.identifier(t.name)}`,
      );
      rows.set(t.name, r[0]?.n ?? 0);
    }
    const { rows: d } = await db.execute<{ bytes: number }>(
      sql`select pg_database_size(current_database())::bigint as bytes`,
    );
    return { tables: tables.rows, rows, database: d[0]?.bytes ?? 0 };
  });
  const today = toIsoDate(new Date());
  const system = database.system.db;

  const steps: [string, number][] = [];
  let last = performance.now();
  let current = "clearing";
  const rebuilt = await rebuildSummaries(system, {
    today,
    progress: (step) => {
      const now = performance.now();
      steps.push([current, now - last]);
      [current, last] = [step, now];
    },
  });
  steps.push([`${current}, then the slices and clinics`, performance.now() - last]);
  log(`rebuilt ${rebuilt.slices} slices in ${s(rebuilt.ms)} s`);

  const nothing: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await refreshSummaries(system, { clinicId: null, today });
    nothing.push(performance.now() - t);
  }

  const { rows: biggest } = await system.execute<{ clinic_id: string; kind: string; n: number }>(sql`
    select t.clinic_id, t.kind, count(*)::int as n from treatments t
    group by 1, 2 order by 3 desc limit 1`);
  const slice = biggest[0]!;
  const oneSlice: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await system.execute(
      sql`insert into summary_dirty (clinic_id, kind) values (${slice.clinic_id}, ${slice.kind})`,
    );
    const r = await refreshSummaries(system, { clinicId: slice.clinic_id, today });
    oneSlice.push(r.ms);
  }
  const nextDay = await refreshSummaries(system, { clinicId: null, today: addDays(today, 1) });

  console.log(`Machine: ${machine()}; load average ${loadBefore} → ${load()}\n`);
  console.log(`Database: ${mb(sizes.database)} MB\n`);
  console.log("| table | rows | total MB | heap MB | indexes MB |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const t of sizes.tables.filter((t) => t.total >= 1 << 20 || /summar|comparison/.test(t.name)))
    console.log(
      `| ${t.name} | ${sizes.rows.get(t.name)?.toLocaleString("en-US")} | ${mb(t.total)} | ${mb(t.heap)} | ${mb(t.indexes)} |`,
    );
  console.log(`\n| summaries | seconds |`);
  console.log("| --- | ---: |");
  for (const [step, ms] of steps) console.log(`| rebuild: ${step} | ${s(ms)} |`);
  console.log(`| rebuild, all (${rebuilt.slices} slices) | ${s(rebuilt.ms)} |`);
  console.log(`| refresh, nothing queued (median of ${repeats}) | ${s(median(nothing))} |`);
  console.log(
    `| refresh of the largest slice (${slice.kind}, ${slice.n.toLocaleString("en-US")} treatments; median of ${repeats}: ${oneSlice.map(s).join(", ")}) | ${s(median(oneSlice))} |`,
  );
  console.log(`| first refresh of a new day (${nextDay.slices} slices) | ${s(nextDay.ms)} |`);
} finally {
  await database.close();
}
