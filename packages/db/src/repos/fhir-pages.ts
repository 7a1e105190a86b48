/**
 * Keyset paging and date tests for the FHIR search (domain/fhir/search.ts) in SQL. Pages are
 * taken by id (UUIDv7, so creation order): after a cursor `id > $c ORDER BY id LIMIT n+1`,
 * before one `id < $c ORDER BY id DESC LIMIT n+1` turned round. The extra row says whether
 * there is a further page, so nothing is ever counted or skipped (no OFFSET).
 */
import type { DateTest, SearchQuery } from "@evident/domain/fhir";
import { and, asc, desc, gt, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export type Page<T> = { rows: T[]; hasNext: boolean; hasPrevious: boolean };

/** Runs `fetch` for one page of `q` by `idColumn` (already filtered by clinic and the query). */
export async function keysetPage<T extends { id: string }>(
  q: Pick<SearchQuery, "after" | "before" | "count">,
  idColumn: AnyPgColumn,
  fetch: (where: SQL | undefined, order: SQL, limit: number) => Promise<T[]>,
): Promise<Page<T>> {
  const limit = q.count + 1;
  if (q.before) {
    const rows = await fetch(sql`${idColumn} < ${q.before}`, desc(idColumn), limit);
    const more = rows.length > q.count;
    return { rows: rows.slice(0, q.count).reverse(), hasNext: true, hasPrevious: more };
  }
  const rows = await fetch(q.after ? gt(idColumn, q.after) : undefined, asc(idColumn), limit);
  return { rows: rows.slice(0, q.count), hasNext: rows.length > q.count, hasPrevious: q.after !== undefined };
}

/**
 * The tests of one date parameter on a column, ANDed. A `date` column (a day) is taken as the
 * instant of its midnight UTC; a timestamp as itself.
 */
export function dateWhere(
  column: AnyPgColumn | SQL,
  tests: readonly DateTest[],
  isDay = false,
): SQL | undefined {
  if (tests.length === 0) return undefined;
  const at = isDay ? sql`(${column}::timestamp at time zone 'UTC')` : sql`${column}`;
  return and(
    ...tests.map(({ prefix, start, end }) => {
      const s = start.toISOString();
      const e = end.toISOString();
      switch (prefix) {
        case "eq":
          return sql`(${at} >= ${s}::timestamptz and ${at} < ${e}::timestamptz)`;
        case "ne":
          return sql`(${at} < ${s}::timestamptz or ${at} >= ${e}::timestamptz)`;
        case "gt":
          return sql`${at} >= ${e}::timestamptz`;
        case "ge":
          return sql`${at} >= ${s}::timestamptz`;
        case "lt":
          return sql`${at} < ${s}::timestamptz`;
        default: // "le"
          return sql`${at} < ${e}::timestamptz`;
      }
    }),
  );
}
