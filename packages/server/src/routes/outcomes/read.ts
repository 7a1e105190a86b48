/**
 * How every outcomes endpoint reads: staff see their own clinic, researchers all clinics pooled;
 * the summaries of that scope are first brought up to date (only what writes have queued since
 * the job runner last did, or what was computed for an earlier day: db/repos/summaries.ts), then
 * the query runs in one transaction whose last step appends the audit event (the audit chain's
 * lock is taken at the end, so a slow analysis never holds up other writes).
 */
import { appendAudit, type Executor, refreshSummaries } from "@evident/db";
import { toIsoDate } from "@evident/domain";
import { smallCellNote } from "@evident/domain/outcomes";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { staffActor } from "../../http/scoped";

export type OutcomesRead<T> = {
  data: T;
  pooled: boolean;
  generatedAt: string;
  asOf: string;
  /** The notes every outcomes response starts with: whose data, and the small-cell rule. */
  scopeNotes: string[];
};

export async function readOutcomes<T>(
  c: Context<AppEnv>,
  entityType: string,
  query: (tx: Executor, clinicId: string | null, asOf: string) => Promise<T>,
  detail: (data: T) => Record<string, unknown>,
): Promise<OutcomesRead<T>> {
  const actor = staffActor(c);
  const { database, clock } = c.get("deps");
  const now = clock.now();
  const asOf = toIsoDate(now);
  const pooled = actor.role === "researcher";
  await refreshSummaries(database.db, { clinicId: pooled ? null : actor.clinicId, today: asOf, now });
  const data = await database.db.transaction(async (tx) => {
    const result = await query(tx, pooled ? null : actor.clinicId, asOf);
    await appendAudit(tx, {
      at: now,
      actorKind: "staff",
      actorId: actor.userId,
      clinicId: actor.clinicId,
      patientId: null,
      action: "read",
      entityType,
      entityId: null,
      requestId: c.get("requestId"),
      detail: { pooled, ...detail(result) },
    });
    return result;
  });
  return {
    data,
    pooled,
    generatedAt: now.toISOString(),
    asOf,
    scopeNotes: [
      pooled
        ? "All clinics pooled, de-identified: only counts and estimates leave the database."
        : "This clinic only.",
      smallCellNote,
    ],
  };
}
