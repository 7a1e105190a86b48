/**
 * Secondary indexes built once after the load instead of row by row during it, for speed at
 * 100k patients. Every answer set of the plan is a row (about 2.9 million at 100k patients), and
 * keeping the secondary indexes up to date one insertion at a time cost PostgreSQL more than
 * writing the rows; building an index from the loaded table is one sort.
 *
 * The demo's transaction drops the secondary indexes of the tables it fills (primary keys and
 * constraints stay) when they start empty (bulk.ts), and re-creates them from their own
 * definitions before committing, so the schema after the demo is exactly the schema before it,
 * and a unique index re-created over duplicate rows fails the whole transaction as an insertion
 * would have. The drop holds the tables' exclusive lock until the commit: a running app's reads
 * of them wait for the demo.
 */
import type pg from "pg";
import { quote } from "./clear";

export type IndexDef = { name: string; definition: string };

/** Drops the secondary indexes of `tables`; returns what re-creates them. */
export async function dropSecondaryIndexes(
  client: pg.PoolClient,
  tables: readonly string[],
): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (
          select 1 from pg_constraint c
          join pg_namespace n on n.oid = c.connamespace
          where c.conname = i.indexname and n.nspname = i.schemaname)
      order by i.tablename, i.indexname`,
    [tables],
  );
  if (rows.length > 0) await client.query(`drop index ${rows.map((r) => quote(r.name)).join(", ")}`);
  return rows;
}

/**
 * Re-creates the dropped indexes, each with one scan and sort of its table. The sorts get enough
 * memory not to spill to disk at 100k patients (the largest sorts about 3 million keys), and
 * PostgreSQL may give a large table's build a parallel worker: the generator has finished by now,
 * so the second core is free.
 */
export async function recreateIndexes(client: pg.PoolClient, indexes: readonly IndexDef[]): Promise<void> {
  if (indexes.length === 0) return;
  await client.query("set local maintenance_work_mem = '512MB'");
  for (const r of indexes) await client.query(r.definition);
}
