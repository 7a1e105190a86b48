/**
 * How the app connects to an external PostgreSQL (README, "Database roles"): as its own role given
 * in DATABASE_URL, the owner in EVIDENT_MIGRATE_DATABASE_URL; or, given an owner alone, switching
 * each connection to the NOLOGIN role `evident_app`. Either way the app's queries run without the
 * owner's rights. And a server with another audit key than the database's refuses to start.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "../src/connect";
import { freshDatabase, type TestDatabase } from "./database";

let db: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  db = await freshDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "evident-data-"));
});
afterAll(async () => {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function whoAmI(database: Database) {
  const { rows } = await database.pool.query<{ current: string; session: string; su: boolean }>(
    "select current_user as current, session_user as session, (select rolsuper from pg_roles where rolname = current_user) as su",
  );
  return rows[0];
}

async function opened(config: { databaseUrl: string; migrateDatabaseUrl?: string }, logs: string[] = []) {
  return openDatabase({ ...config, dataDir, auditKey: inject("auditKeyHex"), log: (l) => logs.push(l) });
}

describe("the app's database role", () => {
  it("connects as the role in DATABASE_URL, after migrating as the owner in EVIDENT_MIGRATE_DATABASE_URL", async () => {
    const logs: string[] = [];
    const database = await opened({ databaseUrl: db.url, migrateDatabaseUrl: db.ownerUrl }, logs);
    try {
      expect(await whoAmI(database)).toEqual({ current: "evident_app", session: "evident_app", su: false });
      await expect(database.pool.query("delete from audit_events")).rejects.toThrow(/permission denied/);
      expect(logs.filter((l) => l.startsWith("warning"))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("switches each connection to evident_app when DATABASE_URL is the owner", async () => {
    const database = await opened({ databaseUrl: db.ownerUrl });
    try {
      const me = await whoAmI(database);
      expect(me).toMatchObject({ current: "evident_app", su: false });
      expect(me?.session).not.toBe("evident_app");
      await expect(database.pool.query("update audit_events set action = 'x'")).rejects.toThrow(
        /permission denied/,
      );
      await expect(database.pool.query("create table sneaky (id int)")).rejects.toThrow(/permission denied/);
    } finally {
      await database.close();
    }
  });

  it("refuses to start with another audit key than the one the database's trail is kept with", async () => {
    await expect(
      openDatabase({
        databaseUrl: db.url,
        migrateDatabaseUrl: db.ownerUrl,
        dataDir,
        auditKey: randomBytes(32).toString("hex"),
      }),
    ).rejects.toThrow(/kept with another audit key/);
  });
});
