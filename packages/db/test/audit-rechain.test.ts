/**
 * Upgrading an installation whose audit trail was written under the old scheme (one global chain
 * of unkeyed SHA-256 hashes): the migration numbers each event in its clinic's chain, and the
 * first migrate with the key checks the old chain, re-chains every event with the key, and records
 * what it found, so tampering from before the upgrade is reported rather than laundered.
 */
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as drizzleMigrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canonicalJson, GENESIS_HASH, SYSTEM_CHAIN } from "../src/audit";
import { verifyAudit } from "../src/audit-verify";
import { createPool, migrate, migrationsFolder } from "../src/connect";
import { uuidv7 } from "../src/ids";
import { schema } from "../src/schema";
import { testAuditKey } from "./database";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

let oldMigrations: string;
beforeAll(async () => {
  // The migrations as they were before keyed chains (0000–0014).
  oldMigrations = await mkdtemp(path.join(tmpdir(), "evident-old-migrations-"));
  cleanups.push(() => rm(oldMigrations, { recursive: true, force: true }));
  await cp(migrationsFolder, oldMigrations, { recursive: true });
  const journalFile = path.join(oldMigrations, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 14);
  await writeFile(journalFile, JSON.stringify(journal));
});

/** A database at migration 0014 holding `events` written by the old code. */
async function oldInstallation(events: { clinicId: string | null; action: string }[]) {
  const adminUrl = inject("pgAdminUrl");
  const name = `evident_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const pool = createPool(u.toString(), 2);
  cleanups.push(async () => {
    await pool.end();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  await drizzleMigrate(drizzle(pool), { migrationsFolder: oldMigrations });
  let prevHash = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const row = {
      seq: i + 1,
      id: uuidv7(),
      at: new Date(Date.UTC(2026, 0, 5, 10, i, 0, 250)),
      actorKind: "staff",
      actorId: "user-1",
      clinicId: e.clinicId,
      patientId: null,
      action: e.action,
      entityType: "patient",
      entityId: null,
      requestId: `req-${i}`,
      detail: { i },
      prevHash,
    };
    // The old scheme's hash, as the old audit.ts computed it.
    const hash = createHash("sha256")
      .update(canonicalJson([...Object.values({ ...row, at: row.at.toISOString() })]))
      .digest("hex");
    await pool.query(
      `insert into audit_events (seq, id, at, actor_kind, actor_id, clinic_id, patient_id, action, entity_type, entity_id, request_id, detail, prev_hash, hash)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [...Object.values(row), hash],
    );
    prevHash = hash;
  }
  return pool;
}

const clinicA = uuidv7();
const clinicB = uuidv7();
const history = [
  { clinicId: clinicA, action: "create" },
  { clinicId: clinicB, action: "create" },
  { clinicId: null, action: "sign-in-failed" },
  { clinicId: clinicA, action: "read" },
  { clinicId: clinicB, action: "read" },
  { clinicId: clinicA, action: "update" },
];

describe("upgrading an audit trail from the old global chain", () => {
  it("re-chains every old event into its clinic's keyed chain, in order, and records that the old chain was intact", async () => {
    const pool = await oldInstallation(history);
    const key = testAuditKey();
    const logs: string[] = [];
    await migrate(pool, { auditKey: key, log: (l) => logs.push(l) });
    const db = drizzle(pool, { schema });
    const anchorDir = await mkdtemp(path.join(tmpdir(), "evident-anchors-"));
    cleanups.push(() => rm(anchorDir, { recursive: true, force: true }));
    const result = await verifyAudit(db, { key, anchorDir });
    expect(result.ok).toBe(true);
    expect(result.events).toBe(history.length + 1);
    const { rows } = await pool.query(
      "select chain_id, chain_seq, action, detail from audit_events order by seq",
    );
    expect(rows.map((r) => [r.chain_id, Number(r.chain_seq), r.action])).toEqual([
      [clinicA, 1, "create"],
      [clinicB, 1, "create"],
      [SYSTEM_CHAIN, 1, "sign-in-failed"],
      [clinicA, 2, "read"],
      [clinicB, 2, "read"],
      [clinicA, 3, "update"],
      [SYSTEM_CHAIN, 2, "rechain"],
    ]);
    expect(rows.at(-1).detail).toEqual({ events: 6, chains: 3, legacy: { intact: true } });
    expect(logs.join("\n")).toMatch(/6 earlier events re-chained .* the old chain was intact/);
    // Idempotent: a second migrate finds nothing to re-chain.
    await migrate(pool, { auditKey: key });
    expect((await pool.query("select count(*)::int as n from audit_events")).rows[0].n).toBe(7);
  });

  it("records, and says, that the old chain was already broken, instead of hiding it by re-hashing", async () => {
    const pool = await oldInstallation(history);
    await pool.query("update audit_events set action = 'innocent' where seq = 4");
    const logs: string[] = [];
    await migrate(pool, { auditKey: testAuditKey(), log: (l) => logs.push(l) });
    const { rows } = await pool.query("select detail from audit_events where action = 'rechain'");
    expect(rows[0].detail.legacy).toMatchObject({ intact: false, seq: 4, reason: "altered" });
    expect(logs.join("\n")).toMatch(/WARNING: the old chain was already broken at event 4/);
  });

  it("refuses to migrate old events without the key", async () => {
    const pool = await oldInstallation(history.slice(0, 2));
    await expect(migrate(pool)).rejects.toThrow(/re-chained with the audit key/);
  });
});
