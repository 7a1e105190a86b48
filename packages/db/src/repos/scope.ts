/**
 * A scope binds repositories to one clinic (and, for a patient, one patient record) and to the
 * actor and request that will be named in the audit trail. Handlers only ever receive scoped
 * repositories, so they cannot forget the tenant filter or the audit event.
 */

import { notFound } from "@evident/domain";
import { and, eq } from "drizzle-orm";
import { type AuditInput, appendAudit, type Executor } from "../audit";
import type { Db } from "../connect";
import { mapDbError } from "../errors";
import { patients } from "../schema";
import { whereClinic } from "../tenancy";

export type Scope = {
  clinicId: string;
  actor: { kind: "staff" | "patient" | "system"; id: string };
  /** Set for a patient actor: the only record they may see. */
  patientId?: string;
  requestId: string | null;
  now: () => Date;
};

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type AuditFields = Pick<AuditInput, "action" | "entityType"> &
  Partial<Pick<AuditInput, "entityId" | "patientId" | "detail">>;

export function auditFor(scope: Scope, fields: AuditFields): AuditInput {
  return {
    at: scope.now(),
    actorKind: scope.actor.kind,
    actorId: scope.actor.id,
    clinicId: scope.clinicId,
    patientId: fields.patientId ?? null,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId ?? null,
    requestId: scope.requestId,
    detail: fields.detail ?? {},
  };
}

/** Runs `fn` in a transaction, maps driver errors, and appends the audit events it returns. */
export async function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (e) {
    throw mapDbError(e);
  }
}

export async function audit(tx: Tx, scope: Scope, fields: AuditFields): Promise<void> {
  await appendAudit(tx, auditFor(scope, fields));
}

/**
 * Reads are audited too: the read runs, then its audit event is appended in one transaction. With
 * `from` (the same clinic's scoped database on a replica, db/replica.ts), the read runs there in a
 * read-only transaction and the audit event is appended on the primary `db` after it.
 */
export async function auditedRead<T>(
  db: Db,
  scope: Scope,
  read: (tx: Executor) => Promise<T>,
  fields: (result: T) => AuditFields | null,
  from: Db = db,
): Promise<T> {
  if (from === db)
    return inTx(db, async (tx) => {
      const result = await read(tx);
      const f = fields(result);
      if (f) await audit(tx, scope, f);
      return result;
    });
  const result = await inTx(from, read);
  const f = fields(result);
  if (f) await inTx(db, (tx) => audit(tx, scope, f));
  return result;
}

/**
 * The patient `patientId` if the scope may see them (their clinic, and for a patient actor their
 * own record), else 404. With `lock`, the row is locked for update, which serialises writes that
 * check a patient's state (holds, open follow-ups) before they change it.
 */
export async function patientInScope(
  tx: Executor,
  scope: Scope,
  patientId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<{ id: string; givenName: string; familyName: string }> {
  if (scope.patientId && scope.patientId !== patientId) throw notFound("patient");
  const q = tx
    .select({ id: patients.id, givenName: patients.givenName, familyName: patients.familyName })
    .from(patients)
    .where(and(whereClinic(patients, scope), eq(patients.id, patientId)));
  const [p] = lock ? await q.for("update") : await q;
  if (!p) throw notFound("patient");
  return p;
}
