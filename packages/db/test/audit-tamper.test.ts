/**
 * Tampering with the audit trail as a database superuser would: with the append-only trigger off
 * (session_replication_role = replica), without the audit key, after an anchor was written. Each
 * kind of tampering must be caught by the verification and named at the right place. Each case
 * runs in a transaction on the superuser's connection, verifies through that same connection, and
 * rolls back, so the cases start from the same intact trail.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { TransactionRollbackError } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, SYSTEM_CHAIN } from "../src/audit";
import { anchorFile, writeAnchor } from "../src/audit-anchors";
import { auditKeyFrom } from "../src/audit-key";
import { type VerifyResult, verifyAudit } from "../src/audit-verify";
import { uuidv7 } from "../src/ids";
import { schema } from "../src/schema";
import { freshDatabase, type TestDatabase } from "./database";

let db: TestDatabase;
const clinicA = uuidv7();
const clinicB = uuidv7();

async function append(clinicId: string | null, i: number) {
  await db.system.db.transaction((tx) =>
    appendAudit(tx, {
      at: new Date(Date.UTC(2026, 2, 2, 9, 0, i, 123)),
      actorKind: clinicId ? "staff" : "system",
      actorId: clinicId ? "user-1" : null,
      clinicId,
      patientId: null,
      action: `step-${i}`,
      entityType: "test",
      entityId: String(i),
      requestId: `req-${i}`,
      detail: { i, nested: { b: 1, a: [1, 2] } },
    }),
  );
}

beforeAll(async () => {
  db = await freshDatabase();
  for (let i = 1; i <= 4; i++) {
    await append(clinicA, i);
    await append(clinicB, i);
  }
  await append(null, 1);
  await writeAnchor(db.system.db, { key: db.audit.key, dir: db.audit.anchorDir });
});
afterAll(() => db.close());

/** Runs `tamper` as the superuser with triggers off, verifies on the same connection, rolls back. */
async function afterTampering(tamper: (c: pg.PoolClient) => Promise<unknown>): Promise<VerifyResult> {
  const client = await db.owner.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await tamper(client);
    return await verifyAudit(drizzle(client, { schema }), db.audit);
  } finally {
    await client.query("rollback");
    client.release();
  }
}

const rowOf = async (c: pg.PoolClient, chainSeq: number) =>
  (await c.query("select * from audit_events where chain_id = $1 and chain_seq = $2", [clinicA, chainSeq]))
    .rows[0];

function brokenInA(result: VerifyResult) {
  expect(result.ok).toBe(false);
  const inA = result.broken.find((b) => b.chain === clinicA);
  expect(inA).toBeDefined();
  // Only the tampered chain is reported: clinic B's and the system chain are intact.
  expect(result.broken.filter((b) => b.chain !== clinicA)).toEqual([]);
  return inA!;
}

describe("audit trail tampering, detected against the chain and the anchor", () => {
  it("finds an intact trail intact, every chain matching the anchor", async () => {
    const result = await verifyAudit(db.system.db, db.audit);
    expect(result).toMatchObject({ ok: true, events: 9, broken: [], warnings: [] });
    expect(result.anchors.count).toBe(1);
    expect(result.chains.map((c) => [c.chain, c.events, c.anchored]).sort()).toEqual(
      [
        [clinicA, 4, 4],
        [clinicB, 4, 4],
        [SYSTEM_CHAIN, 1, 1],
      ].sort(),
    );
  });

  it("names an edited event", async () => {
    const result = await afterTampering((c) =>
      c.query(`update audit_events set detail = '{"i": 99}' where chain_id = $1 and chain_seq = 2`, [
        clinicA,
      ]),
    );
    expect(brokenInA(result)).toMatchObject({ chainSeq: 2, reason: expect.stringMatching(/altered/) });
    expect(result.firstBroken?.chainSeq).toBe(2);
  });

  it("names an event edited and re-hashed without the key, with the chain after it re-linked", async () => {
    const wrongKey = auditKeyFrom(randomBytes(32));
    const result = await afterTampering(async (c) => {
      // The forger recomputes every hash from event 2 on with a key of their own (or plain SHA-256).
      let prev = (await rowOf(c, 1)).hash as string;
      for (let seq = 2; seq <= 4; seq++) {
        const hash = wrongKey.mac("event", `${prev}${seq}`);
        await c.query(
          "update audit_events set action = 'innocent', prev_hash = $3, hash = $4 where chain_id = $1 and chain_seq = $2",
          [clinicA, seq, prev, hash],
        );
        prev = hash;
      }
    });
    expect(brokenInA(result)).toMatchObject({
      chainSeq: 2,
      reason: expect.stringMatching(/re-hashed without the key/),
    });
  });

  it("names the newest events deleted, which leaves a valid but shorter chain, by the anchor", async () => {
    const result = await afterTampering((c) =>
      c.query("delete from audit_events where chain_id = $1 and chain_seq >= 3", [clinicA]),
    );
    expect(brokenInA(result)).toMatchObject({
      chainSeq: 3,
      anchor: { line: 1 },
      reason: expect.stringMatching(/has 2 events but the anchor .* recorded 4: events 3 to 4 were removed/),
    });
  });

  it("names a deleted event whose successors were renumbered to close the gap", async () => {
    const result = await afterTampering(async (c) => {
      await c.query("delete from audit_events where chain_id = $1 and chain_seq = 2", [clinicA]);
      await c.query(
        "update audit_events set chain_seq = chain_seq - 1 where chain_id = $1 and chain_seq > 2",
        [clinicA],
      );
    });
    expect(brokenInA(result)).toMatchObject({ chainSeq: 2, reason: expect.stringMatching(/previous-hash/) });
  });

  it("names every chain of a truncated trail as removed, by the anchor", async () => {
    const result = await afterTampering((c) => c.query("truncate audit_events"));
    expect(result).toMatchObject({ ok: false, events: 0 });
    expect(result.broken.map((b) => [b.chain, b.chainSeq]).sort()).toEqual(
      [
        [clinicA, 1],
        [clinicB, 1],
        [SYSTEM_CHAIN, 1],
      ].sort(),
    );
    expect(result.firstBroken?.reason).toMatch(/has 0 events but the anchor .* recorded/);
  });

  it("names a forged event appended after the head", async () => {
    const result = await afterTampering(async (c) => {
      const head = await rowOf(c, 4);
      const forged = {
        ...head,
        seq: undefined,
        id: uuidv7(),
        chain_seq: 5,
        action: "forged",
        prev_hash: head.hash,
      };
      const hash = createHash("sha256").update(JSON.stringify(forged)).digest("hex");
      await c.query(
        `insert into audit_events (chain_seq, id, at, actor_kind, actor_id, clinic_id, action, entity_type, detail, prev_hash, hash, key_id)
         values (5, $1, $2, 'staff', 'user-1', $3, 'forged', 'test', '{}', $4, $5, $6)`,
        [forged.id, head.at, clinicA, head.hash, hash, head.key_id],
      );
    });
    expect(brokenInA(result)).toMatchObject({ chainSeq: 5, reason: expect.stringMatching(/altered/) });
  });

  it("names two events swapped in order", async () => {
    const result = await afterTampering(async (c) => {
      await c.query("update audit_events set chain_seq = -2 where chain_id = $1 and chain_seq = 2", [
        clinicA,
      ]);
      await c.query("update audit_events set chain_seq = 2 where chain_id = $1 and chain_seq = 3", [clinicA]);
      await c.query("update audit_events set chain_seq = 3 where chain_id = $1 and chain_seq = -2", [
        clinicA,
      ]);
    });
    expect(brokenInA(result)).toMatchObject({ chainSeq: 2, reason: expect.stringMatching(/previous-hash/) });
  });

  it("names an event whose time was shifted by 0.4 ms", async () => {
    const result = await afterTampering(async (c) => {
      // The CHECK holding times to whole milliseconds is the first thing a forger drops.
      await c.query("alter table audit_events drop constraint audit_events_at_ms");
      await c.query(
        "update audit_events set at = at + interval '400 microseconds' where chain_id = $1 and chain_seq = 3",
        [clinicA],
      );
    });
    expect(brokenInA(result)).toMatchObject({ chainSeq: 3, reason: expect.stringMatching(/altered/) });
  });

  it("names an anchor line edited to fit a shortened chain", async () => {
    const file = anchorFile(db.audit.anchorDir);
    const original = await readFile(file, "utf8");
    try {
      const anchor = JSON.parse(original.trim());
      anchor.chains[clinicA] = { events: 2, head: anchor.chains[clinicA].head };
      await writeFile(file, `${JSON.stringify(anchor)}\n`);
      const result = await verifyAudit(db.system.db, db.audit);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ chain: null, anchor: { line: 1 } });
      expect(result.firstBroken?.reason).toMatch(/anchor line 1 is not genuine/);
    } finally {
      await writeFile(file, original);
    }
  });

  it("names an anchor made with another key", async () => {
    const file = anchorFile(db.audit.anchorDir);
    const original = await readFile(file, "utf8");
    try {
      await writeAnchor(db.system.db, { key: auditKeyFrom(randomBytes(32)), dir: db.audit.anchorDir });
      const result = await verifyAudit(db.system.db, db.audit);
      expect(result.broken).toEqual([
        expect.objectContaining({ anchor: { line: 2 }, reason: expect.stringMatching(/another audit key/) }),
      ]);
    } finally {
      await writeFile(file, original);
    }
  });

  it("warns, without failing, about events newer than the latest anchor", async () => {
    let result: VerifyResult | null = null;
    await db.system.db
      .transaction(async (tx) => {
        await appendAudit(tx, {
          at: new Date(),
          actorKind: "system",
          actorId: null,
          clinicId: clinicB,
          patientId: null,
          action: "late",
          entityType: "test",
          entityId: null,
          requestId: null,
        });
        result = await verifyAudit(tx, db.audit);
        tx.rollback();
      })
      .catch((e: unknown) => expect(e).toBeInstanceOf(TransactionRollbackError));
    expect(result).toMatchObject({
      ok: true,
      warnings: [expect.stringMatching(/1 events are newer than the latest anchor/)],
    });
  });
});
