/**
 * Bulk Data exports on the job runner (../routes/fhir/bulk.ts queues them):
 *
 * - `runFhirExport` writes one export's NDJSON files under `<data dir>/fhir-exports/<id>/`,
 *   reading through the app's pool scoped to the export's clinic (row-level security holds it to
 *   that clinic, whatever the code asks). Before each batch it records its progress, which also
 *   tells it whether the client cancelled: then it stops and removes what it wrote. A server
 *   shutting down stops it too, leaving the export to be run again from the start.
 * - `cleanUpFhirExports` (hourly) expires completed exports past their time and deletes every
 *   directory that belongs to no live export: expired, cancelled, failed, or left by a crash.
 *
 * Files are on the server's own disk: with several servers on one database, an export is
 * downloadable from the server that ran it (ARCHITECTURE.md says so).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import {
  completeExport,
  expireExports,
  failExport,
  isExportCancelled,
  liveExportIds,
  loadExport,
  recordExportProgress,
  startExport,
  touchJob,
  writeBulkExport,
} from "@evident/db";
import { type BulkType, groupKind } from "@evident/domain/fhir";
import type { AppConfig } from "../config";
import type { AppDeps } from "../http/env";
import { safeMessage } from "../http/logger";
import { sweepExportDirs } from "./export-dirs";

const HEARTBEAT_MS = 30_000;

/**
 * Keeps a long export job's claim alive from its progress callback: touches the job at most every
 * 30 s, so the runner does not take it for abandoned while it is still writing.
 */
export function jobHeartbeat(deps: Pick<AppDeps, "database" | "clock">, jobId: string) {
  let last = Date.now();
  return async () => {
    if (Date.now() - last <= HEARTBEAT_MS) return;
    last = Date.now();
    await touchJob(deps.database.system.db, jobId, deps.clock.now());
  };
}

/** When an export finished at `at` is deleted (EVIDENT_BULK_EXPORT_HOURS later). */
export const exportExpiry = (config: Pick<AppConfig, "bulkExportHours">, at: Date) =>
  new Date(at.getTime() + config.bulkExportHours * 3_600_000);

export const exportsDirOf = (config: Pick<AppConfig, "dataDir">) => path.join(config.dataDir, "fhir-exports");
export const exportDirOf = (config: Pick<AppConfig, "dataDir">, id: string) =>
  path.join(exportsDirOf(config), id);

export const removeExportFiles = (config: Pick<AppConfig, "dataDir">, id: string) =>
  rm(exportDirOf(config, id), { recursive: true, force: true });

export class ExportInterrupted extends Error {
  constructor() {
    super("the server is stopping; the export will run again");
  }
}

export async function runFhirExport(
  deps: AppDeps,
  exportId: string,
  jobId: string,
  opts: { signal?: AbortSignal } = {},
): Promise<Record<string, unknown>> {
  const { database, clock, config } = deps;
  const system = database.system.db;
  const row = await loadExport(system, exportId);
  if (!row || !(await startExport(system, exportId))) return { skipped: row?.status ?? "unknown export" };
  await removeExportFiles(config, exportId);
  const cancelled = new AbortController();
  const stop = AbortSignal.any([cancelled.signal, ...(opts.signal ? [opts.signal] : [])]);
  const beat = jobHeartbeat(deps, jobId);
  try {
    const result = await writeBulkExport({
      pool: database.pool,
      scopedClinicId: row.clinicId,
      clinicIds: [row.clinicId],
      types: row.types as BulkType[],
      since: row.since,
      groupKind: row.groupId ? (groupKind(row.groupId) ?? null) : null,
      dir: exportDirOf(config, exportId),
      now: () => clock.now(),
      signal: stop,
      onProgress: async (p) => {
        if (!(await recordExportProgress(system, exportId, p))) cancelled.abort();
        await beat();
      },
    });
    const at = clock.now();
    const done = await completeExport(system, exportId, {
      transactionTime: result.transactionTime,
      output: result.files,
      at,
      expiresAt: exportExpiry(config, at),
    });
    if (!done) {
      await removeExportFiles(config, exportId);
      return { cancelled: true };
    }
    return {
      resources: result.files.reduce((n, f) => n + f.count, 0),
      files: result.files.length,
    };
  } catch (e) {
    await removeExportFiles(config, exportId);
    if (opts.signal?.aborted) throw new ExportInterrupted();
    if (isExportCancelled(e) || (await loadExport(system, exportId))?.status === "cancelled")
      return { cancelled: true };
    const message = safeMessage(e);
    await failExport(system, exportId, message, clock.now());
    return { failed: message };
  }
}

export async function cleanUpFhirExports(deps: AppDeps): Promise<Record<string, unknown>> {
  const { database, clock, config } = deps;
  const expired = await expireExports(database.system.db, clock.now());
  const removed = await sweepExportDirs(exportsDirOf(config), () => liveExportIds(database.system.db));
  return { expired: expired.length, removed };
}
