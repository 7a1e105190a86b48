/**
 * The history of records updated in place (schema/record-versions.ts): one row per change, with
 * the record as it was, what changed and why. The update itself, the version row and the audit
 * event are written in one transaction by the caller.
 */
import type { RecordChange } from "@evident/domain/api";
import type { FieldChange } from "@evident/domain/records/changes";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../audit";
import { uuidv7 } from "../ids";
import { staffUsers } from "../schema";
import { recordVersions } from "../schema/record-versions";
import { whereClinic } from "../tenancy";
import type { Scope, Tx } from "./scope";

export type VersionedEntity = "adverse-event" | "treatment";

export async function writeVersion(
  tx: Tx,
  scope: Scope,
  v: {
    entityType: VersionedEntity;
    entityId: string;
    patientId: string;
    version: number;
    snapshot: Record<string, unknown>;
    changes: FieldChange[];
    reason: string;
  },
): Promise<void> {
  await tx.insert(recordVersions).values({
    id: uuidv7(),
    clinicId: scope.clinicId,
    patientId: v.patientId,
    entityType: v.entityType,
    entityId: v.entityId,
    version: v.version,
    snapshot: JSON.parse(JSON.stringify(v.snapshot)),
    changes: v.changes,
    reason: v.reason,
    changedBy: scope.actor.id,
    changedAt: scope.now(),
  });
}

/** A record's changes, newest first, with who made each. */
export async function changesOf(
  tx: Executor,
  scope: Scope,
  entityType: VersionedEntity,
  entityId: string,
): Promise<RecordChange[]> {
  const rows = await tx
    .select({ v: recordVersions, name: staffUsers.name })
    .from(recordVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, recordVersions.changedBy))
    .where(
      and(
        whereClinic(recordVersions, scope),
        eq(recordVersions.entityType, entityType),
        eq(recordVersions.entityId, entityId),
      ),
    )
    .orderBy(desc(recordVersions.version));
  return rows.map(({ v, name }) => ({
    version: v.version,
    changedAt: v.changedAt.toISOString(),
    changedBy: { id: v.changedBy, name: name ?? "Unknown user" },
    reason: v.reason,
    changes: v.changes,
  }));
}
