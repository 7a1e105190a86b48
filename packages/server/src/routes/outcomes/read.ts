/**
 * How every outcomes endpoint reads: staff see their own clinic, researchers all clinics pooled,
 * through the clinic's outcomes repository (db/repos/scoped-reads.ts). The summaries of that scope
 * are first brought up to date on the primary (only what writes have queued since the job runner
 * last did, or what was computed for an earlier day: db/repos/summaries.ts), through the system role
 * as the job runner does. A researcher's pooled read runs as the research role, which can read only
 * the aggregate tables: what must be computed from patients' rows first (the pooled comparison) is
 * computed and cached on the primary by `preparePooled`, as the system role. The read itself goes
 * where `database.reads` sends it — a replica when EVIDENT_READ_DATABASE_URL is set, once it has
 * replayed that refresh and that cache write (db/replica.ts) — and the audit event, and what a
 * clinic's read keeps, are written on the primary last (the audit chain's lock is taken at the end,
 * so a slow analysis never holds up other writes).
 */
import { type Db, type OutcomesKeep, type OutcomesQuery, refreshSummaries, StaleRead } from "@evident/db";
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
  /** The instant the figures are current to: now, or the last change a lagging replica had applied. */
  dataAsOf: string;
  /** The notes every outcomes response starts with: whose data, and the small-cell rule (and any lag). */
  scopeNotes: string[];
};

/** Said when a replica had not caught up: what the figures leave out. */
export function lagNote(currentTo: Date): string {
  const at = currentTo.toISOString();
  return `Read from a copy of the database that was behind: changes after ${at.slice(11, 19)} UTC on ${at.slice(0, 10)} are not included yet.`;
}

export async function readOutcomes<T>(
  c: Context<AppEnv>,
  entityType: string,
  query: OutcomesQuery<T>,
  detail: (data: T) => Record<string, unknown>,
  opts: {
    /** What a clinic's read keeps (a cache of its aggregates), written on the primary after it. */
    keep?: OutcomesKeep<T>;
    /** For a pooled read: aggregates to compute and store first, on the primary as the system role. */
    preparePooled?: (system: Db, asOf: string) => Promise<void>;
  } = {},
): Promise<OutcomesRead<T>> {
  const { actor, outcomes } = clinicRepositories(c);
  const { database, clock } = c.get("deps");
  const now = clock.now();
  const asOf = toIsoDate(now);
  const pooled = actor.role === "researcher";
  await refreshSummaries(database.system.db, { clinicId: pooled ? null : actor.clinicId, today: asOf, now });
  if (pooled && opts.preparePooled) await opts.preparePooled(database.system.db, asOf);
  // The primary's position is taken after both writes above, so a replica is read once it has them.
  const read = await database.reads.run((on) =>
    outcomes(on).read(entityType, { pooled, asOf }, query, detail, opts.keep),
  );
  return {
    data: read.data,
    pooled,
    generatedAt: now.toISOString(),
    asOf,
    dataAsOf: (read.currentTo ?? now).toISOString(),
    scopeNotes: [
      pooled
        ? "All clinics pooled, de-identified: only counts and estimates leave the database."
        : "This clinic only.",
      smallCellNote,
      ...(read.currentTo ? [lagNote(read.currentTo)] : []),
    ],
  };
}

/**
 * A pooled result computed and cached as the system role is not where it was read: on a replica
 * that had not replayed it, the read is done on the primary (db/replica.ts); on the primary, a
 * write in between moved the data version, and `untilFresh` computes it again.
 */
export class StaleCache extends StaleRead {}

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
