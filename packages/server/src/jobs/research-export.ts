/**
 * The web app's de-identified research exports on the job runner (../routes/research queues
 * them), in the export lane beside the Bulk Data exports:
 *
 * - `runResearchExport` writes one export's files under `<data dir>/research-exports/<id>/`,
 *   reading through the app's pool scoped to the export's clinic, so row-level security holds it
 *   to that clinic whatever the SQL says; progress is recorded batch by batch for the page's bar.
 *   The files and their SHA-256 are recorded and audited as the requester's export. A server
 *   stopping puts the run back in the queue, to start again from the beginning.
 * - `cleanUpResearchExports` (with the hourly Bulk Data clean-up) expires completed exports after
 *   EVIDENT_BULK_EXPORT_HOURS and deletes every directory that belongs to no live export (expired,
 *   failed, or left by a crash), with the same sweep as the Bulk Data exports.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import {
  completeResearchExport,
  expireResearchExports,
  failResearchExport,
  liveResearchExportIds,
  loadResearchExport,
  recordResearchProgress,
  startResearchExport,
  writeResearchExport,
} from "@evident/db";
import { toIsoDate } from "@evident/domain";
import { recordedCohort } from "@evident/domain/research";
import type { AppConfig } from "../config";
import type { AppDeps } from "../http/env";
import { safeMessage } from "../http/logger";
import { sweepExportDirs } from "./export-dirs";
import { ExportInterrupted, exportExpiry, jobHeartbeat } from "./fhir-export";

export const researchExportDirOf = (config: Pick<AppConfig, "dataDir">, id: string) =>
  path.join(config.dataDir, "research-exports", id);

const removeFiles = (config: Pick<AppConfig, "dataDir">, id: string) =>
  rm(researchExportDirOf(config, id), { recursive: true, force: true });

export async function runResearchExport(
  deps: AppDeps,
  exportId: string,
  jobId: string,
  opts: { signal?: AbortSignal } = {},
): Promise<Record<string, unknown>> {
  const { database, clock, config } = deps;
  const system = database.system.db;
  const row = await loadResearchExport(system, exportId);
  if (!row || !(await startResearchExport(system, exportId)))
    return { skipped: row?.status ?? "unknown export" };
  await removeFiles(config, exportId);
  const beat = jobHeartbeat(deps, jobId);
  const cohort = recordedCohort(row.cohort);
  try {
    const result = await writeResearchExport({
      pool: database.pool,
      scopedClinicId: row.clinicId,
      clinicIds: [row.clinicId],
      filter: cohort.filter,
      cohortLine: cohort.saved?.line,
      format: row.format,
      dir: researchExportDirOf(config, exportId),
      today: toIsoDate(clock.now()),
      signal: opts.signal,
      onProgress: async (p) => {
        await recordResearchProgress(system, exportId, p);
        await beat();
      },
    });
    const at = clock.now();
    await completeResearchExport(system, row, {
      ...result,
      at,
      expiresAt: exportExpiry(config, at),
    });
    return { patients: result.patients, suppressed: result.suppressed, files: result.files.length };
  } catch (e) {
    await removeFiles(config, exportId);
    if (opts.signal?.aborted) throw new ExportInterrupted();
    const message = safeMessage(e);
    await failResearchExport(system, exportId, message, clock.now());
    return { failed: message };
  }
}

export async function cleanUpResearchExports(deps: AppDeps): Promise<Record<string, unknown>> {
  const system = deps.database.system.db;
  const expired = await expireResearchExports(system, deps.clock.now());
  const root = path.dirname(researchExportDirOf(deps.config, "-"));
  const removed = await sweepExportDirs(root, () => liveResearchExportIds(system));
  return { researchExpired: expired.length, researchRemoved: removed };
}
