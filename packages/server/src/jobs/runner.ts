/**
 * Runs the background jobs: on each tick it queues the hour's follow-up contacts run (once per
 * hour, whichever server asks first) and works every due run it can claim. The contact rules go
 * by the day (an invitation the day a window opens, reminders 3 and 7 days on); running them
 * hourly only means a follow-up that became due during the day (a treatment recorded late) is not
 * left until tomorrow. Several servers may tick
 * at once: claims use SKIP LOCKED and the work is idempotent, so each message goes out once.
 * Time comes from the app's clock, so tests move a fixed clock and call `runJobsOnce`.
 *
 * The data-quality rules (domain/quality) run nightly: the day's run is queued on the first tick
 * after midnight UTC (key per day, so once however many servers ask, and not again with
 * `again`: it is staff's "run now", not this, that re-checks a clinic during the day).
 *
 * Bulk Data exports (./fhir-export.ts) run in a lane of their own (`runExportJobsOnce`), woken
 * as soon as one is queued and on each tick, so a long export never holds up the hour's
 * reminders and a reminder run never delays an export.
 */
import {
  claimJob,
  enqueueJob,
  FHIR_EXPORT_JOB,
  failJob,
  finishJob,
  refreshSummaries,
  releaseJob,
  runDiaryReminders,
  runFollowUpContacts,
  runQualityChecks,
  uuidv7,
} from "@evident/db";
import { toIsoDate } from "@evident/domain";
import type { AppDeps } from "../http/env";
import { describeError, fallbackLogger, safeMessage } from "../http/logger";
import { cleanUpFhirExports, ExportInterrupted, runFhirExport } from "./fhir-export";

export const FOLLOW_UP_CONTACTS = "follow-up-contacts";
export const DIARY_REMINDERS = "diary-reminders";
export const FHIR_EXPORT_CLEANUP = "fhir-export-cleanup";
export const DATA_QUALITY = "data-quality";
const LONG_KINDS = [FHIR_EXPORT_JOB];

export type JobReport = {
  id: string;
  kind: string;
  key: string;
  result: Record<string, unknown> | null;
  error?: string;
};

/**
 * Queues this hour's run and works all due runs. With `again`, queues another run even if this
 * hour's has run (for an operator or a test that changed something since; sends nothing twice).
 */
export async function runJobsOnce(deps: AppDeps, opts: { again?: boolean } = {}): Promise<JobReport[]> {
  const { database, clock, config } = deps;
  const now = clock.now();
  const hour = now.toISOString().slice(0, 13);
  for (const kind of [FOLLOW_UP_CONTACTS, DIARY_REMINDERS, FHIR_EXPORT_CLEANUP])
    await enqueueJob(database.system.db, {
      kind,
      key: opts.again ? `${kind}:${hour}:again:${uuidv7()}` : `${kind}:${hour}`,
      runAfter: now,
      now,
    });
  await enqueueJob(database.system.db, {
    kind: DATA_QUALITY,
    key: `${DATA_QUALITY}:${toIsoDate(now)}`,
    runAfter: now,
    now,
  });
  const done: JobReport[] = [];
  for (;;) {
    const job = await claimJob(database.system.db, clock.now(), { not: LONG_KINDS });
    if (!job) break;
    try {
      let result: Record<string, unknown>;
      if (job.kind === FOLLOW_UP_CONTACTS) {
        result = await runFollowUpContacts(database.system.db, {
          today: toIsoDate(clock.now()),
          now: clock.now(),
          baseUrl: config.publicUrl,
        });
      } else if (job.kind === DIARY_REMINDERS) {
        result = await runDiaryReminders(database.system.db, {
          now: clock.now(),
          baseUrl: config.publicUrl,
        });
      } else if (job.kind === FHIR_EXPORT_CLEANUP) {
        result = await cleanUpFhirExports(deps);
      } else if (job.kind === DATA_QUALITY) {
        const runs = await runQualityChecks(database.system.db, {
          now: clock.now(),
          trigger: "nightly",
          actor: { kind: "system", id: DATA_QUALITY },
        });
        result = { clinics: runs.length, patientsChecked: runs.reduce((n, r) => n + r.patientsChecked, 0) };
      } else {
        throw new Error(`unknown job kind ${job.kind}`);
      }
      await finishJob(database.system.db, job.id, clock.now(), result);
      done.push({ id: job.id, kind: job.kind, key: job.key, result });
    } catch (e) {
      // Stored and shown to administrators: never the failed query's parameters.
      const message = safeMessage(e);
      await failJob(database.system.db, job, clock.now(), message);
      done.push({ id: job.id, kind: job.kind, key: job.key, result: null, error: message });
      break; // leave retries to the next tick
    }
  }
  return done;
}

/**
 * Works every queued Bulk Data export, one after another. With `signal` (the server stopping), an
 * export under way stops and its run is put back in the queue, to start again from the beginning.
 */
export async function runExportJobsOnce(
  deps: AppDeps,
  opts: { signal?: AbortSignal } = {},
): Promise<JobReport[]> {
  const { database, clock } = deps;
  const done: JobReport[] = [];
  while (!opts.signal?.aborted) {
    const job = await claimJob(database.system.db, clock.now(), { only: LONG_KINDS });
    if (!job) break;
    try {
      const exportId = job.key.slice(FHIR_EXPORT_JOB.length + 1);
      const result = await runFhirExport(deps, exportId, job.id, opts);
      await finishJob(database.system.db, job.id, clock.now(), result);
      done.push({ id: job.id, kind: job.kind, key: job.key, result });
    } catch (e) {
      if (e instanceof ExportInterrupted) {
        await releaseJob(database.system.db, job.id, clock.now());
        break;
      }
      const message = safeMessage(e);
      await failJob(database.system.db, job, clock.now(), message);
      done.push({ id: job.id, kind: job.kind, key: job.key, result: null, error: message });
      break;
    }
  }
  return done;
}

/**
 * Applies the outcome summaries' queue (db/repos/summaries.ts) for every clinic, and recomputes
 * what was computed for an earlier day, so outcomes reads seldom find anything left to do.
 */
export async function refreshQueuedSummaries(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await refreshSummaries(deps.database.system.db, { clinicId: null, today: toIsoDate(now), now });
}

export function startJobRunner(deps: AppDeps, everyMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const logError = (e: unknown) =>
    (deps.logger ?? fallbackLogger()).error({ err: describeError(e) }, "jobs failed");
  const tick = () => {
    if (stopped) return;
    running = running
      .then(() => runJobsOnce(deps))
      .then(() => refreshQueuedSummaries(deps))
      .catch(logError);
    exportPass();
  };
  // The export lane: one pass at a time; a wake-up during a pass asks for another after it.
  const stopping = new AbortController();
  let exporting: Promise<void> | null = null;
  let again = false;
  const exportPass = () => {
    if (stopped) return;
    if (exporting) {
      again = true;
      return;
    }
    exporting = runExportJobsOnce(deps, { signal: stopping.signal })
      .then(() => undefined, logError)
      .finally(() => {
        exporting = null;
        if (again) {
          again = false;
          exportPass();
        }
      });
  };
  deps.exportQueue?.listen(exportPass);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      await running;
      await exporting;
    },
  };
}

/** How a kick-off wakes the export lane of this server's runner (none in tests: they run it). */
export function exportQueue(): { wake(): void; listen(fn: () => void): void } {
  let listener: (() => void) | null = null;
  return {
    wake: () => listener?.(),
    listen: (fn) => {
      listener = fn;
    },
  };
}
