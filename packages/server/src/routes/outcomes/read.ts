/**
 * How every outcomes endpoint reads: staff see their own clinic, researchers all clinics pooled,
 * through the clinic's outcomes repository (db/repos/scoped-reads.ts). The summaries of that scope
 * are first brought up to date (only what writes have queued since the job runner last did, or what
 * was computed for an earlier day: db/repos/summaries.ts), through the system role as the job runner
 * does. A researcher's pooled read then runs as the research role, which can read only the
 * aggregate tables: what must be computed from patients' rows first (the pooled comparison) is
 * computed and cached by `preparePooled` as the system role. The audit event is appended last (the audit chain's lock is taken at the end, so a slow
 * analysis never holds up other writes).
 */
import { type Db, type OutcomesQuery, refreshSummaries } from "@evident/db";
import { toIsoDate } from "@evident/domain";
import { smallCellNote } from "@evident/domain/outcomes";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { clinicRepositories } from "../../http/scoped";

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
  query: OutcomesQuery<T>,
  detail: (data: T) => Record<string, unknown>,
  /** For a pooled read: aggregates to compute and store first, as the system role. */
  preparePooled?: (system: Db, asOf: string) => Promise<void>,
): Promise<OutcomesRead<T>> {
  const { actor, outcomes } = clinicRepositories(c);
  const { database, clock } = c.get("deps");
  const now = clock.now();
  const asOf = toIsoDate(now);
  const pooled = actor.role === "researcher";
  await refreshSummaries(database.system.db, { clinicId: pooled ? null : actor.clinicId, today: asOf, now });
  if (pooled && preparePooled) await preparePooled(database.system.db, asOf);
  const data = await outcomes.read(entityType, { pooled, asOf }, query, detail);
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

/** A write between computing a pooled result as the system role and reading it moved the data version. */
export class StaleCache extends Error {}

/** Runs `attempt` again (a few times at most) while it finds its cached result stale. */
export async function untilFresh<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof StaleCache) || tried >= tries) throw e;
    }
  }
}
