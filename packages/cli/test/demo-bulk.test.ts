/**
 * The demo's bulk load (src/demo/bulk.ts, clear.ts): into an empty registry it writes frozen rows
 * and builds the secondary indexes afterwards, leaving the schema as it found it; beside another
 * clinic it touches only the demo clinics' rows; the steps after the load run inside its
 * transaction, so one failing leaves the registry as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { type AfterLoadContext, afterLoad } from "../src/demo/bulk";
import { seedDemo } from "../src/demo/seed";

type TestDb = Awaited<ReturnType<typeof freshDatabase>>;

const options = { patients: 60, seed: 3, today: "2026-06-15", now: () => new Date("2026-06-15T12:00:00Z") };

async function one<T>(db: TestDb, sql: string, params: unknown[] = []): Promise<T> {
  return (await db.owner.query(sql, params)).rows[0] as T;
}

/** Every index of the schema with its definition: what the demo must leave as it found it. */
async function indexes(db: TestDb): Promise<string[]> {
  const { rows } = await db.owner.query<{ d: string }>(
    "select indexdef as d from pg_indexes where schemaname = current_schema() order by indexname",
  );
  return rows.map((r) => r.d);
}

/** Pages of a table and how many of them the visibility map marks all-visible (after ANALYZE). */
function visibility(db: TestDb, table: string) {
  return one<{ pages: number; visible: number }>(
    db,
    "select relpages as pages, relallvisible as visible from pg_class where relname = $1",
    [table],
  );
}

let empty: TestDb;
let shared: TestDb;

beforeAll(async () => {
  [empty, shared] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
  await Promise.all([empty?.close(), shared?.close()]);
});

describe("the demo's bulk load into an empty registry", () => {
  // COPY FREEZE marks all-visible each page it starts empty; the page where one of its flushes
  // (about 64 kB of rows) ends is topped up by the next and stays unmarked. Rows written any other
  // way leave every page unmarked until a vacuum.
  it("writes the rows already frozen, so most pages are all-visible at once", async () => {
    const before = await indexes(empty);
    await seedDemo(empty, options);
    for (const table of ["patients", "follow_ups", "questionnaire_responses"]) {
      const v = await visibility(empty, table);
      expect(v.pages).toBeGreaterThan(0);
      expect(v.visible).toBeGreaterThan(v.pages / 2);
    }
    expect(await indexes(empty)).toEqual(before);
  });

  it("replaces a demo-only registry with the same rows, frozen again, and the same indexes", async () => {
    const before = await indexes(empty);
    const count = () => one<{ n: number }>(empty, "select count(*)::int as n from questionnaire_responses");
    const { n } = await count();
    const result = await seedDemo(empty, { ...options, replace: true });
    expect(result.replaced).toBe(true);
    expect((await count()).n).toBe(n);
    const v = await visibility(empty, "questionnaire_responses");
    expect(v.visible).toBeGreaterThan(v.pages / 2);
    expect(await indexes(empty)).toEqual(before);
  });
});

describe("the demo's foreign-key checks", () => {
  // Per-row checks more than doubled PostgreSQL's work; a trigger that fires only on UPDATE (the
  // FHIR row versions of patients and episodes) cannot fire during a load and must not force them.
  it("are done in bulk where the role may set replica mode, whatever UPDATE-only triggers the schema has", async () => {
    const { su } = await one<{ su: boolean }>(
      empty,
      "select rolsuper as su from pg_roles where rolname = current_user",
    );
    const { updateOnly } = await one<{ updateOnly: number }>(
      empty,
      `select count(*)::int as "updateOnly" from pg_trigger
       where not tgisinternal and tgname in ('patients_version', 'episodes_version') and tgtype::int & (4 | 32) = 0`,
    );
    expect(updateOnly).toBe(2);
    const result = await seedDemo(empty, { ...options, replace: true });
    expect(result.foreignKeyChecks).toBe(su ? "bulk" : "per-row");
  });
});

describe("the demo's load beside another clinic", () => {
  it("keeps the other clinic's rows and the indexes, and writes ordinary rows", async () => {
    const clinic = "01900000-0000-7000-8000-0000000000c1";
    await shared.owner.query("insert into clinics (id, name) values ($1, 'Elsewhere Clinic')", [clinic]);
    await shared.owner.query(
      `insert into patients (id, clinic_id, given_name, family_name, birth_date, sex)
       values ('01900000-0000-7000-8000-0000000000c2', $1, 'Ada', 'Lovelace', '1970-01-01', 'female')`,
      [clinic],
    );
    // No vacuum may mark the pages behind the test's back.
    await shared.owner.query("alter table questionnaire_responses set (autovacuum_enabled = false)");
    const before = await indexes(shared);
    await seedDemo(shared, options);
    await seedDemo(shared, { ...options, replace: true });
    const theirs = await one<{ n: number }>(
      shared,
      "select count(*)::int as n from patients where clinic_id = $1",
      [clinic],
    );
    expect(theirs.n).toBe(1);
    const all = await one<{ n: number }>(shared, "select count(*)::int as n from patients");
    expect(all.n).toBe(options.patients + 1);
    // Not emptied in this transaction, so not frozen: the other clinic's rows stay as they were.
    const v = await visibility(shared, "questionnaire_responses");
    expect(v.pages).toBeGreaterThan(0);
    expect(v.visible).toBe(0);
    expect(await indexes(shared)).toEqual(before);
  });
});

describe("the steps after the load", () => {
  it("run inside the demo's transaction, seeing every row written and fresh statistics", async () => {
    const db = await freshDatabase();
    const seen: { patients: number; analysed: boolean; clinics: number }[] = [];
    const step = {
      name: "look",
      run: async ({ client, clinicIds }: AfterLoadContext) => {
        const { rows } = await client.query<{ n: number; analysed: boolean }>(
          `select (select count(*)::int from patients) as n,
                  exists (select 1 from pg_stats where tablename = 'questionnaire_responses') as analysed`,
        );
        seen.push({ patients: rows[0]!.n, analysed: rows[0]!.analysed, clinics: clinicIds.length });
      },
    };
    afterLoad.push(step);
    try {
      const result = await seedDemo(db, options);
      expect(seen).toEqual([{ patients: options.patients, analysed: true, clinics: 2 }]);
      expect(result.timings["afterLoad:look"]).toBeGreaterThanOrEqual(0);
    } finally {
      afterLoad.splice(afterLoad.indexOf(step), 1);
      await db.close();
    }
  });

  it("roll the whole demo back when one fails, leaving the registry that was there", async () => {
    const db = await freshDatabase();
    const step = {
      name: "fail",
      run: async () => {
        throw new Error("summary build failed");
      },
    };
    try {
      await seedDemo(db, options);
      const count = () => one<{ n: number }>(db, "select count(*)::int as n from questionnaire_responses");
      const before = await count();
      afterLoad.push(step);
      await expect(seedDemo(db, { ...options, seed: 4, replace: true })).rejects.toThrow(
        "summary build failed",
      );
      expect(await count()).toEqual(before);
      const demo = await one<{ n: number }>(db, "select count(*)::int as n from patients");
      expect(demo.n).toBe(options.patients);
    } finally {
      const i = afterLoad.indexOf(step);
      if (i >= 0) afterLoad.splice(i, 1);
      await db.close();
    }
  });
});
