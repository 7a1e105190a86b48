/**
 * Bulk Data exports (schema/fhir.ts `fhir_exports`): the client's side — kick off (queued for the
 * job runner in the same transaction, and audited as an export), look up its own export, cancel,
 * record a file downloaded — on the clinic's scoped database; and the runner's side — start,
 * progress, finish, fail, expire — through the system role, as every job does.
 *
 * Another client's export is not found, even in the same clinic: the files are the asking
 * client's, as the IG's `requiresAccessToken` means.
 */
import type { BulkType, ExportLevel, ExportProgress } from "@evident/domain/fhir";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { treatments } from "../schema";
import { fhirExports } from "../schema/fhir";
import { jobs } from "../schema/jobs";
import { whereClinic } from "../tenancy";
import type { CreatedBy } from "./clinics";
import { audit, inTx, type Scope } from "./scope";

export type FhirExportRow = typeof fhirExports.$inferSelect;
export const FHIR_EXPORT_JOB = "fhir-export";

export type ExportKickOff = {
  clientId: string;
  level: ExportLevel;
  groupId: string | null;
  types: BulkType[];
  since: Date | null;
  request: string;
};

export function fhirExportRepository(db: Db, scope: Scope) {
  const mine = (id: string, clientId: string) =>
    and(whereClinic(fhirExports, scope), eq(fhirExports.id, id), eq(fhirExports.clientId, clientId));

  /** Records the kick-off and queues its job; audited as an export by the client. */
  async function kickOff(k: ExportKickOff): Promise<FhirExportRow> {
    return inTx(db, async (tx) => {
      const now = scope.now();
      const [row] = await tx
        .insert(fhirExports)
        .values({ id: uuidv7(), clinicId: scope.clinicId, ...k, createdAt: now })
        .returning();
      await tx.insert(jobs).values({
        id: uuidv7(),
        kind: FHIR_EXPORT_JOB,
        key: `${FHIR_EXPORT_JOB}:${row!.id}`,
        runAfter: now,
        createdAt: now,
      });
      await audit(tx, scope, {
        action: "export",
        entityType: "fhir-bulk-export",
        entityId: row!.id,
        detail: { level: k.level, types: k.types, since: k.since?.toISOString() ?? null, group: k.groupId },
      });
      return row!;
    });
  }

  /** How many of the client's exports are queued or running. */
  async function unfinished(clientId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(fhirExports)
      .where(
        and(
          whereClinic(fhirExports, scope),
          eq(fhirExports.clientId, clientId),
          inArray(fhirExports.status, ["accepted", "in-progress"]),
        ),
      );
    return row?.n ?? 0;
  }

  async function find(id: string, clientId: string): Promise<FhirExportRow | null> {
    const [row] = await db.select().from(fhirExports).where(mine(id, clientId));
    return row ?? null;
  }

  /** Cancels an export not yet cancelled or expired; false when there is none to cancel. */
  async function cancel(id: string, clientId: string): Promise<boolean> {
    return inTx(db, async (tx) => {
      const rows = await tx
        .update(fhirExports)
        .set({ status: "cancelled", finishedAt: scope.now(), expiresAt: scope.now() })
        .where(and(mine(id, clientId), inArray(fhirExports.status, ["accepted", "in-progress", "completed"])))
        .returning({ id: fhirExports.id });
      if (rows.length === 0) return false;
      await audit(tx, scope, { action: "cancel", entityType: "fhir-bulk-export", entityId: id });
      return true;
    });
  }

  /** One file handed to the client: an export of the records in it. */
  async function fileDownloaded(id: string, file: { type: string; file: string; count: number }) {
    await inTx(db, (tx) =>
      audit(tx, scope, {
        action: "export",
        entityType: "fhir-bulk-file",
        entityId: id,
        detail: { file: file.file, type: file.type, resources: file.count },
      }),
    );
  }

  /** Patients with a treatment of each kind (the Groups' sizes). */
  async function cohortSizes(): Promise<Map<string, number>> {
    const rows = await db
      .select({ kind: treatments.kind, n: sql<number>`count(distinct ${treatments.patientId})::int` })
      .from(treatments)
      .where(whereClinic(treatments, scope))
      .groupBy(treatments.kind);
    return new Map(rows.map((r) => [r.kind, r.n]));
  }

  return { kickOff, unfinished, find, cancel, fileDownloaded, cohortSizes };
}

/** `evident fhir export`: one audit event in each clinic exported, as the command line's. */
export async function auditCommandExport(
  db: Db,
  clinicId: string,
  by: CreatedBy,
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await inTx(db, (tx) =>
    appendAudit(tx, {
      at: now,
      actorKind: by.actorKind,
      actorId: by.actorId,
      clinicId,
      patientId: null,
      action: "export",
      entityType: "fhir-bulk-export",
      entityId: null,
      requestId: null,
      detail,
    }),
  );
}

// The runner's side (system role).

export async function loadExport(db: Db, id: string): Promise<FhirExportRow | null> {
  const [row] = await db.select().from(fhirExports).where(eq(fhirExports.id, id));
  return row ?? null;
}

/** Marks an accepted export as running; false when it was cancelled (or ran) meanwhile. */
export async function startExport(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(fhirExports)
    .set({ status: "in-progress", progress: null, error: null })
    .where(and(eq(fhirExports.id, id), inArray(fhirExports.status, ["accepted", "in-progress"])))
    .returning({ id: fhirExports.id });
  return rows.length > 0;
}

/** Records progress and answers whether the export is still wanted (not cancelled). */
export async function recordExportProgress(db: Db, id: string, progress: ExportProgress): Promise<boolean> {
  const rows = await db
    .update(fhirExports)
    .set({ progress })
    .where(and(eq(fhirExports.id, id), eq(fhirExports.status, "in-progress")))
    .returning({ id: fhirExports.id });
  return rows.length > 0;
}

export async function completeExport(
  db: Db,
  id: string,
  done: {
    transactionTime: Date;
    output: { type: string; file: string; count: number }[];
    at: Date;
    expiresAt: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(fhirExports)
    .set({
      status: "completed",
      transactionTime: done.transactionTime,
      output: done.output,
      finishedAt: done.at,
      expiresAt: done.expiresAt,
    })
    .where(and(eq(fhirExports.id, id), eq(fhirExports.status, "in-progress")))
    .returning({ id: fhirExports.id });
  return rows.length > 0;
}

export async function failExport(db: Db, id: string, error: string, at: Date): Promise<void> {
  await db
    .update(fhirExports)
    .set({ status: "failed", error: error.slice(0, 500), finishedAt: at, expiresAt: at })
    .where(and(eq(fhirExports.id, id), eq(fhirExports.status, "in-progress")));
}

/** Completed exports past their time become `expired`; returns their ids (files to delete). */
export async function expireExports(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .update(fhirExports)
    .set({ status: "expired" })
    .where(and(eq(fhirExports.status, "completed"), lte(fhirExports.expiresAt, now)))
    .returning({ id: fhirExports.id });
  return rows.map((r) => r.id);
}

/** Ids of exports whose files should exist (queued, running or completed and not expired). */
export async function liveExportIds(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ id: fhirExports.id })
    .from(fhirExports)
    .where(inArray(fhirExports.status, ["accepted", "in-progress", "completed"]));
  return new Set(rows.map((r) => r.id));
}
