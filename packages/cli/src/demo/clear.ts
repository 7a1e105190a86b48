/**
 * Before the demo writes: refuse if the demo clinics exist (unless replacing), else clear them.
 *
 * When no clinic but the demo's is left, the registry is the demo's alone and its tables are
 * emptied with one TRUNCATE instead of deleting millions of rows one by one; the demo then fills
 * empty tables, which lets the load skip index upkeep and write rows already frozen (bulk.ts).
 * TRUNCATE is transactional in PostgreSQL: rolled back with the rest of the demo's transaction, it
 * leaves the old registry exactly as it was. With other clinics present, only the demo clinics'
 * rows are deleted and the other clinics' rows are not touched.
 */
import { conflict } from "@evident/domain";
import type pg from "pg";
import { DEMO_CLINICS, demoPortalPatient, demoStaff } from "./sign-ins";

export type Cleared = {
  /** The demo clinics existed and were removed. */
  replaced: boolean;
  /** No other clinic exists: every clinic's table is empty now (see bulk.ts). */
  fresh: boolean;
};

export const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * The tables holding a clinic's rows, children before parents (for --replace): read from the
 * catalogue, every table with a clinic_id, so a table added later is cleared without anyone
 * remembering to list it. The audit trail is left alone: it is append-only and hash-chained, and
 * records the seeding and the replacing themselves. Jobs and login attempts belong to no clinic.
 */
export async function clinicTablesInOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: scoped } = await client.query<{ table: string }>(
    `select table_name as table from information_schema.columns
     where table_schema = current_schema() and column_name = 'clinic_id'
       and table_name not in ('audit_events', 'clinics')
     order by table_name`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select distinct cc.relname as child, pc.relname as parent
     from pg_constraint con
     join pg_class cc on cc.oid = con.conrelid
     join pg_class pc on pc.oid = con.confrelid
     join pg_namespace s on s.oid = cc.relnamespace
     where con.contype = 'f' and s.nspname = current_schema() and cc.relname <> pc.relname`,
  );
  const left = new Set(scoped.map((r) => r.table));
  const refs = edges.filter((e) => e.parent !== "clinics");
  for (const e of refs)
    if (left.has(e.parent) && !left.has(e.child))
      throw new Error(`${e.child} refers to ${e.parent} but has no clinic_id, so --replace cannot clear it`);
  const order: string[] = [];
  while (left.size > 0) {
    // A table no remaining table refers to can go now.
    const free = [...left].filter((t) => !refs.some((e) => e.parent === t && left.has(e.child)));
    if (free.length === 0) throw new Error(`foreign keys form a cycle among ${[...left].join(", ")}`);
    for (const t of free) {
      order.push(t);
      left.delete(t);
    }
  }
  return order;
}

/** Refuses when demo data exists (unless replacing, then removes it); says what it found. */
export async function clearOrRefuse(client: pg.PoolClient, replace: boolean): Promise<Cleared> {
  const { rows: existing } = await client.query<{ id: string; name: string }>(
    "select id, name from clinics where name = any($1) order by name",
    [DEMO_CLINICS],
  );
  const ids = existing.map((c) => c.id);
  const emails = [...demoStaff.map((s) => s.email), demoPortalPatient.email];
  const { rows: taken } = await client.query<{ email: string }>(
    `select email from staff_users where lower(email) = any($1) and not (clinic_id = any($2))
     union all
     select email from patient_accounts where lower(email) = any($1) and not (clinic_id = any($2))`,
    [emails, ids],
  );
  if (taken.length > 0) {
    throw conflict(
      `the demo sign-in ${taken.map((t) => t.email).join(", ")} belongs to a clinic that is not a demo clinic; remove it first`,
    );
  }
  if (ids.length > 0 && !replace) {
    throw conflict(
      `demo data already exists (${existing.map((c) => `"${c.name}"`).join(" and ")}); use --replace to delete the demo clinics and write them again`,
    );
  }
  const { rows: others } = await client.query<{ n: number }>(
    "select count(*)::int as n from clinics where not (id = any($1))",
    [ids],
  );
  const fresh = others[0]!.n === 0;
  const tables = await clinicTablesInOrder(client);
  if (fresh) {
    // Every row of these tables belongs to a demo clinic (each clinic_id is a key of clinics).
    await client.query(`truncate ${tables.map(quote).join(", ")}`);
  } else if (ids.length > 0) {
    for (const t of tables) await client.query(`delete from ${quote(t)} where clinic_id = any($1)`, [ids]);
  }
  if (ids.length > 0) await client.query("delete from clinics where id = any($1)", [ids]);
  return { replaced: ids.length > 0, fresh };
}
