/**
 * Tenancy in the database (migration 0019, src/tenancy.ts): the app's role sees only the rows of
 * the clinic its transaction is scoped to, even when the query names no clinic; unscoped it sees
 * none; it cannot write another clinic's row; the setting never outlives its transaction on a
 * pooled connection. Every table with a clinic_id, including tables added later, has row-level
 * security enabled and forced; pooled research reads run as a role that can read only aggregates.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool } from "../src/connect";
import { uuidv7 } from "../src/ids";
import { createClinic } from "../src/repos/clinics";
import { AGGREGATE_TABLES } from "../src/roles";
import { schema } from "../src/schema";
import { scopedDb } from "../src/tenancy";
import { freshDatabase, type TestDatabase } from "./database";

let db: TestDatabase;
let clinicA: string;
let clinicB: string;

async function addPatient(clinicId: string, familyName: string) {
  await db.system.pool.query(
    "insert into patients (id, clinic_id, given_name, family_name, birth_date, sex) values ($1, $2, 'Test', $3, '1970-01-01', 'unknown')",
    [uuidv7(), clinicId, familyName],
  );
}

beforeAll(async () => {
  db = await freshDatabase();
  clinicA = (await createClinic(db.system.db, "Clinic A")).id;
  clinicB = (await createClinic(db.system.db, "Clinic B")).id;
  await addPatient(clinicA, "Ayala");
  await addPatient(clinicA, "Abbott");
  await addPatient(clinicB, "Baker");
});
afterAll(() => db.close());

const names = (rows: { family_name: string }[]) => rows.map((r) => r.family_name).sort();

describe("row-level security on clinic_id", () => {
  it("gives the app's role only the scoped clinic's rows for a query without a clinic filter", async () => {
    const { rows } = await scopedDb(db.pool, clinicA).execute<{ family_name: string }>(
      sql`select family_name from patients`,
    );
    expect(names(rows)).toEqual(["Abbott", "Ayala"]);
    const inTx = await scopedDb(db.pool, clinicB).transaction((tx) =>
      tx.execute<{ family_name: string }>(sql`select family_name from patients`),
    );
    expect(names(inTx.rows)).toEqual(["Baker"]);
  });

  it("runs the scoped queries as the app's role, not the owner or the system role", async () => {
    const { rows } = await scopedDb(db.pool, clinicA).execute<{ who: string; clinic: string }>(
      sql`select current_user as who, current_setting('evident.clinic_id') as clinic`,
    );
    expect(rows).toEqual([{ who: "evident_app", clinic: clinicA }]);
  });

  it("shows the app's role no clinic's rows when no clinic is set (fails closed)", async () => {
    const { rows } = await db.pool.query("select id from patients");
    expect(rows).toEqual([]);
    const counts = await db.pool.query<{ n: number }>("select count(*)::int as n from clinics");
    expect(counts.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("refuses to write a row of another clinic than the scoped one", async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      scopedDb(db.pool, clinicA)
        .execute(statement)
        .then(
          () => "written",
          (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
        );
    expect(
      await refusal(sql`insert into patients (id, clinic_id, given_name, family_name, birth_date, sex)
            values (${uuidv7()}, ${clinicB}, 'Sneaky', 'Write', '1970-01-01', 'unknown')`),
    ).toMatch(/row-level security/);
    expect(
      await refusal(sql`update patients set clinic_id = ${clinicB} where family_name = 'Ayala'`),
    ).toMatch(/row-level security/);
    // Another clinic's rows are not there to change.
    const touched = await scopedDb(db.pool, clinicA).execute(
      sql`update patients set given_name = 'Changed' where family_name = 'Baker'`,
    );
    expect(touched.rowCount).toBe(0);
  });

  it("does not leave the clinic set on a pooled connection after its transaction", async () => {
    const one = createPool(db.url, 1);
    try {
      const scoped = scopedDb(one, clinicA);
      expect((await scoped.execute(sql`select id from patients`)).rows).toHaveLength(2);
      await expect(scoped.transaction(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      const after = await one.query("select id from patients");
      expect(after.rows).toEqual([]);
      const plain = drizzle(one, { schema });
      expect((await plain.execute(sql`select current_setting('evident.clinic_id', true) as c`)).rows).toEqual(
        [{ c: "" }],
      );
    } finally {
      await one.end();
    }
  });

  it("lets the named system role see every clinic", async () => {
    const { rows } = await db.system.pool.query<{ family_name: string }>("select family_name from patients");
    expect(names(rows)).toEqual(["Abbott", "Ayala", "Baker"]);
  });

  it("has row-level security enabled and forced on every table with a clinic_id", async () => {
    const { rows } = await db.owner.query<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policies: number;
    }>(
      `select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        where c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped)
        order by 1`,
    );
    expect(rows.map((r) => r.table)).toContain("patients");
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const unguarded = rows.filter((r) => !r.enabled || !r.forced || r.policies < 1).map((r) => r.table);
    expect(unguarded).toEqual([]);
  });

  it("lets pooled research reads (the research role) read the aggregate tables and nothing else", async () => {
    const { rows: grants } = await db.owner.query<{ table: string; privilege: string }>(
      `select table_name as table, privilege_type as privilege from information_schema.role_table_grants
        where grantee = 'evident_research' and table_schema = current_schema() order by 1, 2`,
    );
    expect(grants).toEqual([...AGGREGATE_TABLES].sort().map((table) => ({ table, privilege: "SELECT" })));
    for (const table of ["patients", "questionnaire_responses", "treatments", "audit_events"])
      await expect(db.research.pool.query(`select * from ${table} limit 1`)).rejects.toThrow(
        /permission denied/,
      );
    const { rows } = await db.research.pool.query<{ who: string; n: number }>(
      "select current_user as who, count(*)::int as n from summary_clinics",
    );
    expect(rows).toEqual([{ who: "evident_research", n: 0 }]);
    await expect(db.research.pool.query("delete from comparison_cache")).rejects.toThrow(
      /read-only transaction|permission denied/,
    );
  });

  it("keeps the app's role from inheriting the system role", async () => {
    const { rows } = await db.pool.query<{ inherits: boolean; may: boolean }>(
      "select pg_has_role(current_user, 'evident_system', 'USAGE') as inherits, pg_has_role(current_user, 'evident_system', 'MEMBER') as may",
    );
    expect(rows).toEqual([{ inherits: false, may: true }]);
  });
});
