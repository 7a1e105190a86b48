/**
 * The jobs queue (schema/jobs.ts): enqueue a run once per key, claim due runs with
 * FOR UPDATE SKIP LOCKED (a run another server holds is skipped, not waited for), and record how
 * it ended. A run left `running` for 15 minutes belongs to a server that died and is taken again;
 * the work is idempotent, so finishing it twice does no harm.
 */
import { and, eq, inArray, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { jobs } from "../schema/jobs";

export type JobRow = typeof jobs.$inferSelect;

export const JOB_MAX_ATTEMPTS = 5;
const STALE_MS = 15 * 60_000;

/** Queues a run under `key` unless one exists already; true when this call queued it. */
export async function enqueueJob(
  db: Db,
  job: { kind: string; key: string; runAfter: Date; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({ id: uuidv7(), kind: job.kind, key: job.key, runAfter: job.runAfter, createdAt: job.now })
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Claims one due run (or a stale one), or null when there is none free. `kinds` limits the claim
 * to those kinds (`not` to every other kind): long runs, like Bulk Data exports, have a lane of
 * their own so they never hold up the hour's reminders.
 */
export async function claimJob(
  db: Db,
  now: Date,
  kinds?: { only: readonly string[] } | { not: readonly string[] },
): Promise<JobRow | null> {
  const staleBefore = new Date(now.getTime() - STALE_MS);
  const ofKind = !kinds
    ? undefined
    : "only" in kinds
      ? inArray(jobs.kind, [...kinds.only])
      : notInArray(jobs.kind, [...kinds.not]);
  return db.transaction(async (tx) => {
    const [free] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          ofKind,
          or(
            and(eq(jobs.status, "pending"), lte(jobs.runAfter, now)),
            and(eq(jobs.status, "running"), lt(jobs.claimedAt, staleBefore)),
          ),
        ),
      )
      .orderBy(jobs.runAfter)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!free) return null;
    const [row] = await tx
      .update(jobs)
      .set({ status: "running", claimedAt: now, attempts: sql`${jobs.attempts} + 1` })
      .where(eq(jobs.id, free.id))
      .returning();
    return row ?? null;
  });
}

/** A long run says it is alive, so it is not taken for a dead server's after 15 minutes. */
export async function touchJob(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ claimedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, "running")));
}

export async function finishJob(
  db: Db,
  id: string,
  at: Date,
  result: Record<string, unknown>,
): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "done", finishedAt: at, result, lastError: null })
    .where(eq(jobs.id, id));
}

/** Puts a claimed run back in the queue, due now (its server is stopping before it could finish). */
export async function releaseJob(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: "pending",
      claimedAt: null,
      runAfter: now,
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
    })
    .where(eq(jobs.id, id));
}

/** A failed run is tried again (after a minute) until it has failed JOB_MAX_ATTEMPTS times. */
export async function failJob(db: Db, job: JobRow, at: Date, error: string): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: job.attempts >= JOB_MAX_ATTEMPTS ? "failed" : "pending",
      runAfter: new Date(at.getTime() + 60_000),
      claimedAt: null,
      lastError: error.slice(0, 500),
      finishedAt: job.attempts >= JOB_MAX_ATTEMPTS ? at : null,
    })
    .where(eq(jobs.id, job.id));
}
