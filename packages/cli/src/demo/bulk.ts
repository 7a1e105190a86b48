/**
 * The demo's bulk load, in its one transaction: what is switched off before the rows go in, and
 * what is done once after, instead of row by row while they go in.
 *
 * Before: the commit need not wait for the disk (`synchronous_commit` off, for this transaction
 * only: a crash just after it loses a demo, never an acknowledged clinical write); foreign keys are
 * not checked row by row where allowed (integrity.ts); and when the demo fills empty tables
 * (clear.ts, "fresh"), their secondary indexes are dropped and the rows are written frozen (COPY
 * FREEZE), so the first reads after the demo neither rewrite every page to set hint bits nor wait
 * for a vacuum before index-only scans work.
 *
 * After: the indexes are built again, each with one sort of its table; the planner statistics are
 * refreshed; every foreign key is checked with one query per table; then the `afterLoad` steps run (e.g. building the outcome summaries from the rows just written). All inside the
 * transaction: killed at any point, the demo leaves the registry as it was before it started, and
 * a second `evident demo --replace` starts again from there.
 */
import type pg from "pg";
import { clinicTablesInOrder } from "./clear";
import { dropSecondaryIndexes, type IndexDef, recreateIndexes } from "./indexes";
import { restoreRowChecks, skipRowChecks, verifyReferences } from "./integrity";

export type BulkLoad = {
  /** Foreign keys are checked in bulk at the end instead of row by row. */
  bulkChecks: boolean;
  /** The tables were empty: rows go in frozen and the secondary indexes are built afterwards. */
  fresh: boolean;
  indexes: IndexDef[];
};

/** What a step after the load is given: the transaction's connection and what was written. */
export type AfterLoadContext = {
  client: pg.PoolClient;
  clinicIds: readonly string[];
  /** The day the registry is "as of". */
  today: string;
};

/**
 * Steps run after the rows are loaded, indexed, checked and analysed, in order, inside the demo's
 * transaction, each timed as `afterLoad:<name>` in the result. The place for work derived from the
 * whole registry, such as summary tables: a failing step rolls the whole demo back.
 */
export const afterLoad: { name: string; run: (ctx: AfterLoadContext) => Promise<void> }[] = [];

export async function beginBulkLoad(client: pg.PoolClient, fresh: boolean): Promise<BulkLoad> {
  await client.query("set local synchronous_commit = off");
  const bulkChecks = await skipRowChecks(client);
  // With other clinics' rows in the tables, rebuilding their indexes would cost more than keeping
  // them up to date for the demo's rows, and would hold the registry's tables longer.
  const indexes = fresh ? await dropSecondaryIndexes(client, await clinicTablesInOrder(client)) : [];
  return { bulkChecks, fresh, indexes };
}

/** Indexes, foreign keys, statistics, then the `afterLoad` steps; adds each one's time to `timings`. */
export async function finishBulkLoad(
  client: pg.PoolClient,
  load: BulkLoad,
  written: { clinicIds: readonly string[]; tables: readonly string[]; today: string },
  timings: Record<string, number>,
): Promise<void> {
  const timed = async (name: string, fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    timings[name] = performance.now() - started;
  };
  await timed("buildIndexes", () => recreateIndexes(client, load.indexes));
  // Fresh statistics for the tables just filled (after the indexes, so expression indexes get
  // theirs too), before the foreign-key check and any later step plan a query on them, and before
  // the app's first views: without them the planner takes the tables for nearly empty and picks
  // nested loops that make the first outcomes views take seconds.
  await timed("analyze", () => client.query(`analyze ${written.tables.join(", ")}`));
  if (load.bulkChecks) {
    await timed("checkReferences", async () => {
      await restoreRowChecks(client);
      // Fresh: every row in the tables is the demo's, so all of them are checked anyway.
      await verifyReferences(client, load.fresh ? null : written.clinicIds);
    });
  }
  for (const step of afterLoad) {
    await timed(`afterLoad:${step.name}`, () =>
      step.run({ client, clinicIds: written.clinicIds, today: written.today }),
    );
  }
}
