/**
 * What a backup copies and how a table's contents are fingerprinted, shared by backup and restore
 * so both sides compute the same thing.
 *
 * Every ordinary table of the application's schemas (not drizzle's migration journal, which the
 * restore rebuilds by running the migrations), its columns less generated ones (PostgreSQL
 * computes those again), in primary-key order (all columns when a table has none; collatable keys
 * in the "C" collation, so the order does not depend on the server's locale). A table's digest is
 * the SHA-256 of its COPY text in that order under fixed output settings, so a restored table that
 * digests the same holds exactly the same rows.
 */
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

export type TableSpec = { schema: string; name: string; columns: string[]; orderBy: string[] };
export type SequenceValue = { schema: string; name: string; lastValue: number | null };

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
export const qualified = (t: { schema: string; name: string }) => `${ident(t.schema)}.${ident(t.name)}`;
export const columnList = (t: TableSpec) => t.columns.map(ident).join(", ");

/** Output settings that make COPY text the same on every server and session. */
export async function fixOutputSettings(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`set local datestyle = 'ISO, MDY'; set local intervalstyle = 'postgres';
    set local timezone = 'UTC'; set local extra_float_digits = 1; set local bytea_output = 'hex';
    set local client_encoding = 'UTF8'`);
}

const APP_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema', 'drizzle', 'pg_toast')
  and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'`;

export async function listTables(client: pg.PoolClient | pg.Client): Promise<TableSpec[]> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    columns: string[];
    key: { name: string; collatable: boolean }[] | null;
  }>(`
    select n.nspname as schema, c.relname as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
            order by a.attnum) as columns,
      (select json_agg(json_build_object('name', a.attname, 'collatable', a.attcollation <> 0)
                       order by array_position(i.indkey::int2[], a.attnum))
         from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
         where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and ${APP_SCHEMAS}
    order by n.nspname, c.relname`);
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    columns: r.columns,
    orderBy: r.key
      ? r.key.map((k) => (k.collatable ? `${ident(k.name)} collate "C"` : ident(k.name)))
      : [`(${ident(r.name)}.*)::text collate "C"`],
  }));
}

export async function listSequences(client: pg.PoolClient | pg.Client): Promise<SequenceValue[]> {
  const { rows } = await client.query<{ schema: string; name: string; last_value: string | null }>(
    `select schemaname as schema, sequencename as name, last_value::text from pg_sequences s
     join pg_namespace n on n.nspname = s.schemaname where ${APP_SCHEMAS} order by 1, 2`,
  );
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    lastValue: r.last_value === null ? null : Number(r.last_value),
  }));
}

export function copyOutSql(t: TableSpec): string {
  return `copy (select ${columnList(t)} from ${qualified(t)} order by ${t.orderBy.join(", ")}) to stdout`;
}

/** Counts rows (one line each in COPY text) and hashes the bytes passing through. */
export class TableDigest extends Transform {
  private readonly hash = createHash("sha256");
  rows = 0;
  constructor(private readonly onChunk?: (rows: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows += 1;
    this.onChunk?.(this.rows);
    done(null, chunk);
  }
  sha256(): string {
    return this.hash.digest("hex");
  }
}

/** Hashes the bytes passing through (an archive entry as stored). */
export class ByteDigest extends Transform {
  private readonly hash = createHash("sha256");
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
  sha256(): string {
    return this.hash.digest("hex");
  }
}

/** Rows and digest of one table as it is now (in the client's transaction). */
export async function digestTable(
  client: pg.PoolClient | pg.Client,
  t: TableSpec,
): Promise<{ rows: number; sha256: string }> {
  const digest = new TableDigest();
  await pipeline(client.query(copyTo(copyOutSql(t))), digest, async (source) => {
    for await (const _ of source) {
      // drain
    }
  });
  return { rows: digest.rows, sha256: digest.sha256() };
}
