/**
 * The research export from the web app (schema/research.ts): the data-use terms' acceptance and
 * the exports a researcher or admin asks for, on the clinic's scoped database — and the job
 * runner's side (start, progress, finish with the files' checksums, fail, expire) through the
 * system role. An export is queued only for someone who accepted the terms' current version; each
 * is audited when asked for, when its files are ready (with their SHA-256) and at each download.
 * People see only their own exports: the files are the person's who agreed to the terms.
 */
import { conflict, forbidden } from "@evident/domain";
import type { ResearchExportView } from "@evident/domain/api";
import { dataUseTerms } from "@evident/domain/research";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import type { WrittenFile } from "../research-export";
import { jobs } from "../schema/jobs";
import { dataUseAcceptances, researchExports } from "../schema/research";
import { whereClinic } from "../tenancy";
import { audit, inTx, type Scope } from "./scope";

export type ResearchExportRow = typeof researchExports.$inferSelect;
export const RESEARCH_EXPORT_JOB = "research-export";

export function presentResearchExport(r: ResearchExportRow): ResearchExportView {
  return {
    id: r.id,
    format: r.format,
    cohort: r.cohort,
    status: r.status,
    progress: r.progress ?? null,
    files: r.status === "completed" ? (r.files ?? []) : [],
    patients: r.patients ?? null,
    suppressed: r.suppressed ?? null,
    error: r.error ?? null,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}

export function researchExportRepository(db: Db, scope: Scope) {
  const me = scope.actor.id;
  const mine = (id: string) =>
    and(whereClinic(researchExports, scope), eq(researchExports.id, id), eq(researchExports.requestedBy, me));

  /** When the person accepted the terms' current version, or null. */
  async function acceptedAt(): Promise<Date | null> {
    const [row] = await db
      .select({ at: dataUseAcceptances.acceptedAt })
      .from(dataUseAcceptances)
      .where(
        and(
          whereClinic(dataUseAcceptances, scope),
          eq(dataUseAcceptances.staffUserId, me),
          eq(dataUseAcceptances.termsVersion, dataUseTerms.version),
        ),
      );
    return row?.at ?? null;
  }

  /** Records acceptance of the version shown (it must be the current one); audited once. */
  async function accept(version: string): Promise<Date> {
    if (version !== dataUseTerms.version)
      throw conflict(
        `These terms were replaced by version ${dataUseTerms.version}: read them again`,
        "version",
      );
    return inTx(db, async (tx) => {
      const now = scope.now();
      const rows = await tx
        .insert(dataUseAcceptances)
        .values({
          id: uuidv7(),
          clinicId: scope.clinicId,
          staffUserId: me,
          termsVersion: version,
          acceptedAt: now,
        })
        .onConflictDoNothing()
        .returning({ at: dataUseAcceptances.acceptedAt });
      if (rows.length === 0) return (await acceptedAt()) ?? now;
      await audit(tx, scope, {
        action: "accept",
        entityType: "data-use-terms",
        entityId: null,
        detail: { version },
      });
      return now;
    });
  }

  /** Queues an export (after the terms were accepted), audited with its cohort. */
  async function create(
    format: "redcap" | "csv",
    cohort: Record<string, unknown>,
  ): Promise<ResearchExportRow> {
    if (!(await acceptedAt()))
      throw forbidden(`Accept the data-use terms (version ${dataUseTerms.version}) before exporting`);
    return inTx(db, async (tx) => {
      const now = scope.now();
      const [row] = await tx
        .insert(researchExports)
        .values({
          id: uuidv7(),
          clinicId: scope.clinicId,
          requestedBy: me,
          format,
          cohort,
          termsVersion: dataUseTerms.version,
          createdAt: now,
        })
        .returning();
      await tx.insert(jobs).values({
        id: uuidv7(),
        kind: RESEARCH_EXPORT_JOB,
        key: `${RESEARCH_EXPORT_JOB}:${row!.id}`,
        runAfter: now,
        createdAt: now,
      });
      await audit(tx, scope, {
        action: "request",
        entityType: "research-export",
        entityId: row!.id,
        detail: { format, cohort, termsVersion: dataUseTerms.version },
      });
      return row!;
    });
  }

  async function list(): Promise<ResearchExportRow[]> {
    return db
      .select()
      .from(researchExports)
      .where(and(whereClinic(researchExports, scope), eq(researchExports.requestedBy, me)))
      .orderBy(desc(researchExports.createdAt))
      .limit(20);
  }

  async function find(id: string): Promise<ResearchExportRow | null> {
    const [row] = await db.select().from(researchExports).where(mine(id));
    return row ?? null;
  }

  async function fileDownloaded(id: string, file: WrittenFile): Promise<void> {
    await inTx(db, (tx) =>
      audit(tx, scope, {
        action: "download",
        entityType: "research-export",
        entityId: id,
        detail: { file: file.name, sha256: file.sha256 },
      }),
    );
  }

  return { acceptedAt, accept, create, list, find, fileDownloaded };
}

// The runner's side (system role).

export async function loadResearchExport(db: Db, id: string): Promise<ResearchExportRow | null> {
  const [row] = await db.select().from(researchExports).where(eq(researchExports.id, id));
  return row ?? null;
}

export async function startResearchExport(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(researchExports)
    .set({ status: "running", progress: null, error: null })
    .where(and(eq(researchExports.id, id), inArray(researchExports.status, ["queued", "running"])))
    .returning({ id: researchExports.id });
  return rows.length > 0;
}

export async function recordResearchProgress(db: Db, id: string, progress: { done: number; total: number }) {
  await db.update(researchExports).set({ progress }).where(eq(researchExports.id, id));
}

/** The files are ready: recorded with their checksums, and audited as the requester's export. */
export async function completeResearchExport(
  db: Db,
  row: ResearchExportRow,
  done: { files: WrittenFile[]; patients: number; suppressed: number; at: Date; expiresAt: Date },
): Promise<void> {
  await inTx(db, async (tx) => {
    await tx
      .update(researchExports)
      .set({
        status: "completed",
        files: done.files,
        patients: done.patients,
        suppressed: done.suppressed,
        finishedAt: done.at,
        expiresAt: done.expiresAt,
      })
      .where(eq(researchExports.id, row.id));
    await appendAudit(tx, {
      at: done.at,
      actorKind: "staff",
      actorId: row.requestedBy,
      clinicId: row.clinicId,
      patientId: null,
      action: "export",
      entityType: "research-export",
      entityId: row.id,
      requestId: null,
      detail: {
        via: "web",
        format: row.format,
        cohort: row.cohort,
        files: done.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
        patients: done.patients,
        suppressed: done.suppressed,
      },
    });
  });
}

export async function failResearchExport(db: Db, id: string, error: string, at: Date): Promise<void> {
  await db
    .update(researchExports)
    .set({ status: "failed", error: error.slice(0, 500), finishedAt: at })
    .where(eq(researchExports.id, id));
}

/** Completed exports past their time become `expired`; returns their ids (files to delete). */
export async function expireResearchExports(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .update(researchExports)
    .set({ status: "expired" })
    .where(and(eq(researchExports.status, "completed"), lte(researchExports.expiresAt, now)))
    .returning({ id: researchExports.id });
  return rows.map((r) => r.id);
}

/** Exports whose files may exist and be wanted: queued, running or completed (not yet expired). */
export async function liveResearchExportIds(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ id: researchExports.id })
    .from(researchExports)
    .where(inArray(researchExports.status, ["queued", "running", "completed"]));
  return new Set(rows.map((r) => r.id));
}
