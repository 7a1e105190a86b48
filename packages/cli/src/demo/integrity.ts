/**
 * Foreign keys checked in bulk instead of row by row, for speed at 100k patients.
 *
 * PostgreSQL checks a foreign key with a trigger that runs one lookup per inserted row (about
 * 10 µs each); the demo's ~1.7 million rows carry ~6 million such checks, more than half of the
 * database's work. Where allowed (a superuser, as in the embedded cluster), the generator turns
 * those triggers off for its own transaction only (`set local session_replication_role =
 * replica`, as pg_restore --disable-triggers does) and, before committing, checks every foreign
 * key at once with one anti-join per constraint. A dangling reference still aborts the whole
 * transaction, so the guarantee is the same; only the method differs.
 *
 * Replica mode would also silence ordinary triggers, so it is not used if any table has one that
 * fires on what the demo does meanwhile (INSERT, by COPY; TRUNCATE comes before) besides the audit
 * trail's append-only trigger (which only refuses UPDATE, DELETE and TRUNCATE of audit events) and
 * the outcome summaries' queue triggers (the demo rebuilds every summary after loading); nor where
 * the role may not set it (then the row-by-row checks run). Triggers on UPDATE or DELETE alone,
 * such as the FHIR row versions of patients and episodes, cannot fire during a load.
 */
import type pg from "pg";
import { quote } from "./clear";

/** Turns off row-by-row trigger checks for this transaction if allowed and safe; true if it did. */
export async function skipRowChecks(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
     join pg_namespace s on s.oid = c.relnamespace
     where not t.tgisinternal and s.nspname = current_schema()
       -- fires on INSERT (4) or TRUNCATE (32): the demo's statements while replica mode is on
       and t.tgtype::int & (4 | 32) <> 0
       and not (c.relname = 'audit_events' and t.tgname = 'audit_events_append_only')
       and t.tgname not like '%\\_summary\\_dirty\\_%'`,
  );
  if ((rows[0]?.n ?? 0) > 0) return false;
  await client.query("savepoint demo_replica");
  try {
    await client.query("set local session_replication_role = replica");
    await client.query("release savepoint demo_replica");
    return true;
  } catch {
    await client.query("rollback to savepoint demo_replica");
    return false;
  }
}

export async function restoreRowChecks(client: pg.PoolClient): Promise<void> {
  await client.query("set local session_replication_role = origin");
}

type ForeignKey = { name: string; child: string; parent: string; cols: string[]; pcols: string[] };

/**
 * Checks every foreign key in the schema in bulk and throws naming the first one violated. With
 * `clinicIds`, only child rows of those clinics are checked (the rows just written); without,
 * all rows (after deleting, when something else might point at what was deleted).
 *
 * One query per child table: a left join to each parent (referenced keys are unique, so a join
 * adds at most one row) and a count of the rows whose parent is missing, so each table is read
 * once however many foreign keys it has. The hash tables of a few hundred thousand keys need more
 * than the default 4 MB of work_mem not to spill to disk; this transaction gets 128 MB.
 */
export async function verifyReferences(
  client: pg.PoolClient,
  clinicIds: readonly string[] | null,
): Promise<void> {
  const { rows: fks } = await client.query<ForeignKey>(
    `select con.conname as name, cc.relname as child, pc.relname as parent,
       array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
             join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as cols,
       array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
             join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as pcols
     from pg_constraint con
     join pg_class cc on cc.oid = con.conrelid
     join pg_class pc on pc.oid = con.confrelid
     join pg_namespace s on s.oid = cc.relnamespace
     where con.contype = 'f' and s.nspname = current_schema()
     order by cc.relname, con.conname`,
  );
  const { rows: scoped } = await client.query<{ table: string }>(
    `select table_name as table from information_schema.columns
     where table_schema = current_schema() and column_name = 'clinic_id'`,
  );
  const hasClinic = new Set(scoped.map((r) => r.table));
  const byChild = new Map<string, ForeignKey[]>();
  for (const fk of fks) byChild.set(fk.child, [...(byChild.get(fk.child) ?? []), fk]);
  await client.query("set local work_mem = '128MB'");
  for (const [child, list] of byChild) {
    const joins = list.map((fk, j) => {
      const on = fk.cols.map((c, i) => `p${j}.${quote(fk.pcols[i]!)} = c.${quote(c)}`).join(" and ");
      return `left join ${quote(fk.parent)} p${j} on ${on}`;
    });
    const missing = list.map((fk, j) => {
      const present = fk.cols.map((c) => `c.${quote(c)} is not null`).join(" and ");
      return `count(*) filter (where ${present} and p${j}.${quote(fk.pcols[0]!)} is null)::int as "${j}"`;
    });
    const restrict = clinicIds && hasClinic.has(child) ? "where c.clinic_id = any($1)" : "";
    const { rows } = await client.query<Record<string, number>>(
      `select ${missing.join(", ")} from ${quote(child)} c ${joins.join(" ")} ${restrict}`,
      restrict ? [clinicIds] : [],
    );
    list.forEach((fk, j) => {
      const n = rows[0]?.[String(j)] ?? 0;
      if (n > 0) {
        throw new Error(
          `${n} rows in ${child} break the foreign key ${fk.name} (to ${fk.parent}); nothing was written`,
        );
      }
    });
  }
}
