/**
 * The audit trail: an append-only, keyed hash chain of every read and write of patient data, one
 * chain per clinic (and one for events that belong to no clinic). Each event stores the hash of
 * the one before it in its chain (`prev_hash`) and its own HMAC-SHA-256 over its fields and that
 * previous hash, under a key kept outside the database (audit-key.ts). So an event altered,
 * inserted, removed or re-hashed without the key breaks the chain; the newest events removed
 * (or the whole table emptied) leave a shorter chain that the anchors written outside the database
 * reveal (audit-anchors.ts); `evident audit verify` checks both (audit-verify.ts).
 *
 * An append locks only its own chain (a transaction-level advisory lock on the chain's id, held to
 * commit, so the chain has no forks and no gaps), so clinics never wait on each other. An event is
 * written in the same transaction as the change it records: if the change rolls back, so does its
 * audit event, and the chain has no gap since the next append reads the head after the lock.
 *
 * Time: `at` is stored to the millisecond and hashed as PostgreSQL's microseconds since the epoch,
 * so what is hashed is exactly what is stored, and a shift of a fraction of a millisecond shows.
 */
import { type SQL, sql } from "drizzle-orm";
import { type AuditKey, currentAuditKey } from "./audit-key";
import type { Db } from "./connect";
import { uuidv7 } from "./ids";
import { auditEvents, SYSTEM_CHAIN } from "./schema/audit";

export const GENESIS_HASH = "0".repeat(64);
export { SYSTEM_CHAIN };

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

/** What an event's hash covers: everything but the row number `seq`, the key id and the hash itself. */
export type HashedEvent = Omit<AuditRow, "seq" | "hash" | "keyId" | "at"> & {
  /** Microseconds since 1970 as PostgreSQL stores them, in decimal. */
  atMicros: string;
};

export function hashEvent(key: AuditKey, e: HashedEvent): string {
  return key.mac(
    "event",
    canonicalJson([
      e.chainId,
      e.chainSeq,
      e.id,
      e.atMicros,
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
    ]),
  );
}

/** A JavaScript time (whole milliseconds) in microseconds, as PostgreSQL will store it. */
export const microsOf = (at: Date): string => (BigInt(at.getTime()) * 1000n).toString();

/** Selects `at` as PostgreSQL's microseconds since 1970, exactly (text, so no float rounding). */
export const atMicrosSql = sql<string>`((extract(epoch from ${auditEvents.at}) * 1000000)::bigint)::text`;

/** The text whose `hashtextextended(…, 0)` is the chain's advisory lock (tests take it too). */
export const chainLockName = (chainId: string) => `evident:audit:${chainId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `lockChain` as a statement with its chain written in, for a caller that sends it in one round
 * trip with others (simple protocol, so no parameters); the id is checked to be a UUID first.
 */
export function chainLockStatement(chainId: string): string {
  if (!UUID.test(chainId)) throw new Error("an audit chain's id is a UUID");
  return `select pg_advisory_xact_lock(hashtextextended('${chainLockName(chainId)}', 0))`;
}

/** `chainHeadSql` with the chain written in (checked), to go with `chainLockStatement`. */
export function chainHeadStatement(chainId: string): string {
  if (!UUID.test(chainId)) throw new Error("an audit chain's id is a UUID");
  return `select chain_seq as "chainSeq", hash, key_id as "keyId" from audit_events
           where chain_id = '${chainId}' order by chain_seq desc limit 1`;
}

/**
 * The insert of `events` (from `chainEvents`) as one statement with its values written in, each
 * quoted by `literal` (the driver's `escapeLiteral`), for a caller that sends it with `commit` in
 * one round trip so that the chain's lock is held as briefly as possible.
 */
export function auditInsertStatement(
  events: readonly AuditColumns[],
  literal: (s: string) => string,
): string {
  const text = (v: string | null) => (v === null ? "null" : literal(v));
  const rows = events.map(
    (e) =>
      `(${Number(e.chainSeq)}, ${text(e.id)}::uuid, ${text(e.at.toISOString())}::timestamptz, ${text(e.actorKind)}, ${text(e.actorId)}, ${text(e.clinicId)}::uuid, ${text(e.patientId)}::uuid, ${text(e.action)}, ${text(e.entityType)}, ${text(e.entityId)}, ${text(e.requestId)}, ${text(JSON.stringify(e.detail))}::jsonb, ${text(e.prevHash)}, ${text(e.hash)}, ${text(e.keyId)})`,
  );
  return `insert into audit_events (chain_seq, id, at, actor_kind, actor_id, clinic_id, patient_id, action,
            entity_type, entity_id, request_id, detail, prev_hash, hash, key_id) values ${rows.join(", ")}`;
}

/** Takes the chain's lock until the transaction ends. */
export async function lockChain(tx: Tx, chainId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chainLockName(chainId)}, 0))`);
}

/** The newest event of a chain, as the next append needs it; none for an empty chain. */
export type ChainHead = { chainSeq: number; hash: string; keyId: string | null } | null;

/** Reads `chainId`'s head (call it holding the chain's lock, so nobody appends meanwhile). */
export const chainHeadSql = (chainId: SQL | string) =>
  sql`select ${auditEvents.chainSeq} as "chainSeq", ${auditEvents.hash} as hash, ${auditEvents.keyId} as "keyId"
        from ${auditEvents} where ${auditEvents.chainId} = ${chainId}
        order by ${auditEvents.chainSeq} desc limit 1`;

/** The columns of one event as inserted (`seq` and `chain_id` are the table's). */
export type AuditColumns = Omit<AuditRow, "seq" | "chainId">;

/**
 * The events `inputs` (all of one chain) appended after `head`, each hashed over the one before:
 * what `appendAudit` inserts, computed without the database so a caller can insert several with
 * one statement. Refuses a chain written with another key.
 */
export function chainEvents(key: AuditKey, head: ChainHead, inputs: readonly AuditInput[]): AuditColumns[] {
  if (head && head.keyId !== key.id)
    throw new Error(
      head.keyId === null
        ? "The audit trail has events from before keyed chains that were never re-chained: run `evident migrate`."
        : "The audit trail was written with another audit key: set EVIDENT_AUDIT_KEY to the installation's key.",
    );
  let chainSeq = Number(head?.chainSeq ?? 0);
  let prevHash = head?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    // Whole milliseconds, as the CHECK on `at` requires (a JavaScript Date has no finer part).
    const at = new Date(input.at.getTime());
    const row: HashedEvent = {
      chainId: input.clinicId ?? SYSTEM_CHAIN,
      chainSeq: ++chainSeq,
      id: uuidv7(at.getTime()),
      atMicros: microsOf(at),
      actorKind: input.actorKind,
      actorId: input.actorId,
      clinicId: input.clinicId,
      patientId: input.patientId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      requestId: input.requestId,
      detail: JSON.parse(canonicalJson(input.detail ?? {})) as Record<string, unknown>,
      prevHash,
    };
    const { chainId: _generated, atMicros: _micros, ...columns } = row;
    prevHash = hashEvent(key, row);
    return { ...columns, at, hash: prevHash, keyId: key.id };
  });
}

/** Appends within the caller's transaction, to the chain of `input.clinicId`. */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await appendAuditWith(tx, currentAuditKey(), input);
}

/** `appendAudit` with a key given, for the one writer that runs before a key is installed (re-chaining). */
export async function appendAuditWith(tx: Tx, key: AuditKey, input: AuditInput): Promise<void> {
  const chainId = input.clinicId ?? SYSTEM_CHAIN;
  await lockChain(tx, chainId);
  const { rows } = await tx.execute<NonNullable<ChainHead>>(chainHeadSql(chainId));
  await tx.insert(auditEvents).values(chainEvents(key, rows[0] ?? null, [input]));
}
