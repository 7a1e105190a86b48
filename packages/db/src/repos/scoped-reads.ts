/**
 * The outcomes and decision-aid reads as scoped repositories: the clinic's own rows through the
 * scoped database (row-level security), and a researcher's pooled read through the one named path
 * that crosses clinics (`pooled`: read-only, as the role `evident_research`, which may read the
 * aggregate tables and nothing else, so the database itself keeps a patient's row out of it). Each
 * read is audited in the reader's clinic. The reads may run on a replica (`on`, db/replica.ts): the
 * audit event, and what a clinic's read keeps (its comparison's cached aggregate), are then written
 * on the primary after it.
 */
import type { BaselineProfile, CaseTally } from "@evident/domain/evidence";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { baselineProfile } from "./registry-cases";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";
import { summaryRegistryTallies } from "./summary-reads";

/** An outcomes query: one clinic's rows, or (`clinicId` null) every clinic's, tallied in SQL. */
export type OutcomesQuery<T> = (tx: Executor, clinicId: string | null, asOf: string) => Promise<T>;

/** What a clinic's read keeps (a cache of its aggregates), written on the primary: never on a replica. */
export type OutcomesKeep<T> = (tx: Executor, clinicId: string, data: T) => Promise<void>;

/**
 * Where the reads run, on a replica or on the primary: the clinic's scoped database, and the
 * research role's for pooled reads.
 */
export type ReadOn = { db: Db; pooled: Db };

export function outcomeReadRepository(db: Db, scope: Scope, on: ReadOn) {
  return {
    /**
     * Runs `query` for the scope's clinic, or with `pooled` across all clinics through `on.pooled`
     * (the research role: summaries and the pooled comparisons' cache only, read-only, so it keeps
     * nothing: what it reads was computed and stored first, as the system role); then `keep` and
     * the audit event, in this clinic, on the primary.
     */
    async read<T>(
      entityType: string,
      o: { pooled: boolean; asOf: string },
      query: OutcomesQuery<T>,
      detail: (data: T) => Record<string, unknown>,
      keep?: OutcomesKeep<T>,
    ): Promise<T> {
      const clinicId = o.pooled ? null : scope.clinicId;
      const after = async (tx: Tx, data: T) => {
        if (keep && clinicId !== null) await keep(tx, clinicId, data);
        await audit(tx, scope, { action: "read", entityType, detail: { pooled: o.pooled, ...detail(data) } });
      };
      // A clinic's read on the primary: the read, what it keeps and its audit event in one transaction.
      if (!o.pooled && on.db === db)
        return inTx(db, async (tx) => {
          const data = await query(tx, clinicId, o.asOf);
          await after(tx, data);
          return data;
        });
      const data = await inTx(o.pooled ? on.pooled : on.db, (tx) => query(tx, clinicId, o.asOf));
      await inTx(db, (tx) => after(tx, data));
      return data;
    },
  };
}

export type RegistryInput = {
  profile: BaselineProfile | null;
  /** The clinic's "people like you" counts from the summaries (db/repos/summary-reads.ts). */
  tallies: CaseTally[];
};

/** The clinic's registry for "people like you", and the patient's baseline profile when one is named. */
export function registryReadRepository(db: Db, scope: Scope, from: Db = db) {
  return {
    async read<T>(
      patientId: string | null,
      asOf: string,
      odiWindow: number,
      present: (input: RegistryInput) => T,
      detail: (result: T) => Record<string, unknown>,
    ): Promise<T> {
      return auditedRead(
        db,
        scope,
        async (tx) => {
          if (patientId) await patientInScope(tx, scope, patientId);
          const profile = patientId ? await baselineProfile(tx, scope.clinicId, patientId, asOf) : null;
          return present({
            profile,
            tallies: await summaryRegistryTallies(tx, scope.clinicId, profile, odiWindow),
          });
        },
        (result) => ({
          action: "read",
          entityType: "decision-aid-registry",
          patientId,
          detail: detail(result),
        }),
        from,
      );
    },
  };
}
