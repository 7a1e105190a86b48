/**
 * The audit trail: an append-only, hash-chained log of every read and write of patient data.
 * Each event stores the hash of the one before (`prev_hash`) and its own hash over its fields and
 * that previous hash, so altering, inserting or deleting any event breaks the chain from there on;
 * `evident audit verify` recomputes it and names the first broken event.
 *
 * Appends serialise on a transaction-level advisory lock, so the chain has no forks and no gaps
 * (`seq` 1, 2, 3, …). An event is written in the same transaction as the change it records: if
 * the change rolls back, so does its audit event.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "./connect";
import { uuidv7 } from "./ids";
import { auditEvents } from "./schema";

export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  at: Date;
  actorKind: "staff" | "patient" | "system" | "anonymous";
  actorId: string | null;
  clinicId: string | null;
  patientId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  detail?: Record<string, unknown>;
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export type AuditRow = typeof auditEvents.$inferSelect;

export function hashEvent(e: Omit<AuditRow, "hash">): string {
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

/** Appends within the caller's transaction. */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('evident:audit'))`);
  const last = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(sql`${auditEvents.seq} desc`)
    .limit(1);
  const prev = last[0];
  const row: Omit<AuditRow, "hash"> = {
    seq: (prev?.seq ?? 0) + 1,
    id: uuidv7(input.at.getTime()),
    at: input.at,
    actorKind: input.actorKind,
    actorId: input.actorId,
    clinicId: input.clinicId,
    patientId: input.patientId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    requestId: input.requestId,
    detail: JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>,
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...row, hash: hashEvent(row) });
}

export type VerifyResult =
  | { ok: true; events: number; lastHash: string }
  | { ok: false; events: number; firstBroken: { seq: number; id: string; reason: string } };

/**
 * Recomputes the chain in order, in pages, and stops at the first event whose sequence, previous
 * hash or own hash does not match.
 */
export async function verifyAudit(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditEvents);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const page = 5000;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} >= ${expectedSeq}`)
      .orderBy(auditEvents.seq)
      .limit(page);
    for (const r of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        events: total,
        firstBroken: { seq: r.seq, id: r.id, reason },
      });
      if (r.seq !== expectedSeq) {
        return {
          ok: false,
          events: total,
          firstBroken: { seq: expectedSeq, id: r.id, reason: `event ${expectedSeq} is missing` },
        };
      }
      if (r.prevHash !== prevHash) return broken("its previous-hash does not match the event before it");
      if (hashEvent(r) !== r.hash) return broken("its contents do not match its hash (altered)");
      prevHash = r.hash;
      expectedSeq += 1;
    }
    onProgress?.(expectedSeq - 1, total);
    if (rows.length < page) break;
  }
  return { ok: true, events: expectedSeq - 1, lastHash: prevHash };
}
