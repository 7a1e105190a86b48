/**
 * The demo run as a command: deterministic (the same rows, ids included, for the same patients,
 * seed and day), all-or-nothing, refused or replaced when run again, replacing what the app added,
 * its bulk foreign-key check, and the command line's usage errors.
 */
import { verifyAudit } from "@evident/db";
import { isEvidentError } from "@evident/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { restoreRowChecks, skipRowChecks, verifyReferences } from "../src/demo/integrity";
import { type DemoResult, seedDemo } from "../src/demo/seed";
import { fingerprint, options, rowsOf, type TestDb, tables } from "./demo-fixture";
import { runCli } from "./run-cli";

let a: TestDb;
let b: TestDb;
let result: DemoResult;

beforeAll(async () => {
  [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
  result = await seedDemo(a, options);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe("evident demo, run twice", () => {
  it("writes the same rows, ids included, for the same patients, seed and day", async () => {
    await seedDemo(b, options);
    const [fa, fb] = [await fingerprint(a), await fingerprint(b)];
    expect(fa).toEqual(fb);
    expect(fa.patients!.n).toBe(400);
    expect(fa.questionnaire_responses!.n).toBe(result.rows.responses);
  });
});

describe("evident demo, run again", () => {
  it("refuses while the demo clinics exist, changing nothing", async () => {
    const before = await fingerprint(a);
    const err = await seedDemo(a, options).catch((e: unknown) => e);
    expect(isEvidentError(err) && err.code).toBe("conflict");
    expect((err as Error).message).toMatch(/--replace/);
    expect(await fingerprint(a)).toEqual(before);
  });

  it("leaves nothing behind when interrupted part-way", async () => {
    const db = await freshDatabase();
    try {
      const stop = new AbortController();
      const err = await seedDemo(db, {
        ...options,
        batchSize: 50,
        signal: stop.signal,
        onProgress: (done) => {
          if (done >= 100) stop.abort();
        },
      }).catch((e: unknown) => e);
      expect((err as Error).name).toBe("AbortError");
      const counts = await fingerprint(db);
      for (const t of tables) expect(counts[t]!.n).toBe(0);
      expect(await verifyAudit(db.system.db, db.audit)).toMatchObject({ ok: true, events: 0 });
    } finally {
      await db.close();
    }
  });

  it("replaces the demo clinics with --replace, giving the same rows again", async () => {
    const before = await fingerprint(b);
    const replaced = await seedDemo(b, { ...options, replace: true });
    expect(replaced.replaced).toBe(true);
    expect(await fingerprint(b)).toEqual(before);
    expect(await verifyAudit(b.system.db, b.audit)).toMatchObject({ ok: true, events: 2 });
  });

  it("differs with another seed", async () => {
    const before = await fingerprint(b);
    await seedDemo(b, { ...options, seed: 8, replace: true });
    expect((await fingerprint(b)).patients!.hash).not.toBe(before.patients!.hash);
  });
});

describe("evident demo --replace after the app was used", () => {
  it("clears every row of the demo clinics, also those the app added, and writes the same counts again", async () => {
    const c = await freshDatabase();
    try {
      await seedDemo(c, { ...options, patients: 60 });
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            (
              await rowsOf<{ table: string }>(
                c,
                `select table_name as table from information_schema.columns
                 where table_schema = current_schema() and column_name = 'clinic_id' and table_name <> 'audit_events'
                 order by table_name`,
              )
            ).map(async ({ table }) => {
              const [r] = await rowsOf<{ n: number }>(c, `select count(*)::int as n from "${table}"`);
              return [table, r!.n] as const;
            }),
          ),
        );
      const first = await counts();
      // What using the app adds about demo patients, in tables the demo itself leaves empty.
      const [p] = await rowsOf<{
        id: string;
        clinic_id: string;
        follow_up: string;
        ae: string;
        staff: string;
      }>(
        c,
        `select p.id, p.clinic_id, f.id as follow_up, (select id from adverse_events limit 1) as ae,
                (select id from staff_users where clinic_id = p.clinic_id limit 1) as staff
           from patients p join follow_ups f on f.patient_id = p.id limit 1`,
      );
      const now = new Date("2026-06-15T12:00:00Z");
      await c.system.pool.query(
        "insert into diary_settings (patient_id, clinic_id, reminder, updated_at) values ($1, $2, true, $3)",
        [p!.id, p!.clinic_id, now],
      );
      await c.system.pool.query(
        `insert into response_drafts (follow_up_id, clinic_id, patient_id, answers, step, created_at, updated_at)
         values ($1, $2, $3, '{}', 0, $4, $4)`,
        [p!.follow_up, p!.clinic_id, p!.id, now],
      );
      await c.system.pool.query(
        `insert into decisions (id, clinic_id, patient_id, content_version, values_version, values, choice, source, saved_by, decided_at)
         values (gen_random_uuid(), $1, $2, 'v', 'v', '{}', 'unsure', 'clinic', $3, $4)`,
        [p!.clinic_id, p!.id, p!.staff, now],
      );
      await c.system.pool.query(
        `insert into record_versions (id, clinic_id, patient_id, entity_type, entity_id, version, snapshot, changes, reason, changed_by, changed_at)
         select gen_random_uuid(), clinic_id, patient_id, 'adverse-event', id, 2, '{}', '[]', 'Outcome changed', $2, $3
           from adverse_events where id = $1`,
        [p!.ae, p!.staff, now],
      );

      const replaced = await seedDemo(c, { ...options, patients: 60, replace: true });
      expect(replaced.replaced).toBe(true);
      expect(await counts()).toEqual(first);
      const [orphans] = await rowsOf<{ n: number }>(
        c,
        "select count(*)::int as n from patients where not exists (select 1 from clinics where clinics.id = patients.clinic_id)",
      );
      expect(orphans!.n).toBe(0);
      // Every foreign key in the schema holds, for every row.
      const client = await c.system.pool.connect();
      try {
        await verifyReferences(client, null);
      } finally {
        client.release();
      }
      expect(await verifyAudit(c.system.db, c.audit)).toMatchObject({ ok: true, events: 2 });
    } finally {
      await c.close();
    }
  });
});

describe("the bulk foreign-key check", () => {
  it("finds a row whose parent is missing, naming the table and the key", async (ctx) => {
    const db = await freshDatabase();
    const client = await db.owner.connect();
    try {
      await client.query("begin");
      if (!(await skipRowChecks(client))) ctx.skip(); // not a superuser: the per-row checks run instead
      const clinicId = "01900000-0000-7000-8000-000000000001";
      await client.query(
        `insert into patients (id, clinic_id, given_name, family_name, birth_date, sex)
         values ('01900000-0000-7000-8000-000000000002', $1, 'Ada', 'Lovelace', '1970-01-01', 'female')`,
        [clinicId],
      );
      await restoreRowChecks(client);
      await expect(verifyReferences(client, [clinicId])).rejects.toThrow(
        /1 rows in patients break the foreign key .* \(to clinics\)/,
      );
    } finally {
      await client.query("rollback");
      client.release();
      await db.close();
    }
  });
});

describe("the command line", () => {
  it("exits 2 with the usage on bad arguments, before touching any database", async () => {
    for (const args of [["--patients", "-5"], ["--patients", "lots"], ["--seed", "1.5"], ["--frobnicate"]]) {
      const r = await runCli(["demo", ...args], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Usage: evident demo/);
    }
  });

  it("exits 2 and says how to replace when the demo clinic exists", async () => {
    const r = await runCli(["demo", "--patients", "5"], a.cliEnv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists.*--replace/);
  });
});
