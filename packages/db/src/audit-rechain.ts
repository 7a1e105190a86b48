/**
 * Bringing an installation's audit trail from the old scheme to keyed chains, once, as part of
 * migrating (so before any server appends with the new scheme), under the migration lock and as
 * the tables' owner.
 *
 * The old scheme was one global chain of unkeyed SHA-256 hashes. Migration 0015 already numbered
 * each event in its clinic's chain; what SQL cannot do is the HMAC, whose key never enters the
 * database. So here, in one transaction: check the old chain as it was (so tampering done before
 * the upgrade is not laundered by re-hashing; the result is recorded, not hidden), then hash every
 * old event again into its clinic's keyed chain, and append one `rechain` event saying what was
 * found. The append-only trigger is disabled for this transaction only (ALTER TABLE is
 * transactional, and its lock keeps everyone else out until the commit).
 */
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAuditWith, atMicrosSql, canonicalJson, GENESIS_HASH, hashEvent } from "./audit";
import type { AuditKey } from "./audit-key";
import type { Db } from "./connect";
import { auditEvents, SYSTEM_CHAIN } from "./schema/audit";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const PAGE = 5000;

/** The old scheme's hash: SHA-256 over the event with its global number and millisecond time. */
function legacyHash(e: typeof auditEvents.$inferSelect): string {
  const fields = [
    e.seq,
    e.id,
    e.at.toISOString(),
    e.actorKind,
    e.actorId,
    e.clinicId,
    e.patientId,
    e.action,
    e.entityType,
    e.entityId,
    e.requestId,
    e.detail,
    e.prevHash,
  ];
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

export type LegacyCheck = { intact: true } | { intact: false; seq: number; id: string; reason: string };

/** Walks the old global chain (the events not yet keyed) in its order, as the old `verify` did. */
async function checkLegacyChain(tx: Tx): Promise<LegacyCheck> {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(and(isNull(auditEvents.keyId), gt(auditEvents.seq, expected - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(PAGE);
    for (const r of rows) {
      if (r.seq !== expected)
        return { intact: false, seq: expected, id: r.id, reason: "an event is missing" };
      if (r.prevHash !== prevHash)
        return { intact: false, seq: r.seq, id: r.id, reason: "its previous-hash does not match" };
      if (legacyHash(r) !== r.hash) return { intact: false, seq: r.seq, id: r.id, reason: "altered" };
      prevHash = r.hash;
      expected += 1;
    }
    if (rows.length < PAGE) return { intact: true };
  }
}

/** Hashes one chain again with the key, in chain order, updating the rows in batches. */
async function rechainOne(tx: Tx, key: AuditKey, chainId: string): Promise<number> {
  let prevHash = GENESIS_HASH;
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await tx
      .select({ row: auditEvents, atMicros: atMicrosSql })
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, chainId), gt(auditEvents.chainSeq, after)))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(PAGE);
    const updates: { seq: number; prev: string; hash: string }[] = [];
    for (const { row, atMicros } of rows) {
      const hash = hashEvent(key, { ...row, atMicros, prevHash });
      updates.push({ seq: row.seq, prev: prevHash, hash });
      prevHash = hash;
      after = row.chainSeq;
    }
    if (updates.length > 0)
      await tx.execute(sql`
        update audit_events as e set prev_hash = v.prev, hash = v.hash, key_id = ${key.id}
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(seq bigint, prev text, hash text)
         where e.seq = v.seq`);
    done += rows.length;
    if (rows.length < PAGE) return done;
  }
}

export type RechainReport = { events: number; chains: number; legacy: LegacyCheck };

/**
 * Re-chains the events from before keyed chains, if there are any (null if none). Needs the key;
 * without one, refuses rather than leaving a trail nobody can verify.
 */
export async function rechainLegacyAudit(
  db: Db,
  key: AuditKey | null,
  opts: { now?: Date; log?: (line: string) => void } = {},
): Promise<RechainReport | null> {
  // A partial index holds exactly the events not yet re-chained: this is instant however long the trail.
  const pending = await db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(isNull(auditEvents.keyId))
    .limit(1);
  if (pending.length === 0) return null;
  if (!key) throw new Error("The audit trail must be re-chained with the audit key, and none was given.");
  const report = await db.transaction(async (tx) => {
    await tx.execute(sql`lock table audit_events in exclusive mode`);
    const legacy = await checkLegacyChain(tx);
    const chains = await tx
      .selectDistinct({ id: auditEvents.chainId })
      .from(auditEvents)
      .where(isNull(auditEvents.keyId));
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    let events = 0;
    for (const c of chains) events += await rechainOne(tx, key, c.id);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    const result: RechainReport = { events, chains: chains.length, legacy };
    await appendAuditWith(tx, key, {
      at: opts.now ?? new Date(),
      actorKind: "system",
      actorId: "evident migrate",
      clinicId: null,
      patientId: null,
      action: "rechain",
      entityType: "audit-trail",
      entityId: SYSTEM_CHAIN,
      requestId: null,
      detail: { ...result },
    });
    return result;
  });
  opts.log?.(
    `audit trail: ${report.events} earlier events re-chained with the audit key in ${report.chains} chain(s); ` +
      (report.legacy.intact
        ? "the old chain was intact"
        : `WARNING: the old chain was already broken at event ${report.legacy.seq} (${report.legacy.reason}); this is recorded in the trail`),
  );
  return report;
}
