/**
 * The outcomes and decision-aid reads as scoped repositories: the clinic's own rows through the
 * scoped database (row-level security), and a researcher's pooled read through the one named path
 * that crosses clinics (`pooled`, the system role). Each read is audited in the reader's clinic.
 * The reads may run on a replica (`on`, db/replica.ts): the audit event, and anything a read
 * keeps (the comparison's cached aggregate), are then written on the primary after it.
 */
import type { BaselineProfile, CaseTally } from "@evident/domain/evidence";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { baselineProfile } from "./registry-cases";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";
import { summaryRegistryTallies } from "./summary-reads";

/** An outcomes query: one clinic's rows, or (`clinicId` null) every clinic's, tallied in SQL. */
export type OutcomesQuery<T> = (tx: Executor, clinicId: string | null, asOf: string) => Promise<T>;

/** What a read keeps, written on the primary (a cache of aggregates): never on a replica. */
export type OutcomesKeep<T> = (tx: Executor, clinicId: string | null, data: T) => Promise<void>;

/** Where the reads run: the clinic's scoped database and the pooled one, on a replica or the primary. */
export type ReadOn = { db: Db; pooled: Db };

export function outcomeReadRepository(
  db: Db,
  scope: Scope,
  pooledDb: Db,
  on: ReadOn = { db, pooled: pooledDb },
) {
  return {
    /**
     * Runs `query` for the scope's clinic, or with `pooled` across all clinics as the system role
     * (the queries passed here return tallies, never a patient's row; only estimates computed from
     * them leave the server); then `keep`, and the audit event in this clinic.
     */
    async read<T>(
      entityType: string,
      o: { pooled: boolean; asOf: string },
      query: OutcomesQuery<T>,
      detail: (data: T) => Record<string, unknown>,
      keep?: OutcomesKeep<T>,
    ): Promise<T> {
      const after = async (tx: Tx, clinicId: string | null, data: T) => {
        if (keep && clinicId !== null) await keep(tx, clinicId, data);
        await audit(tx, scope, {
          action: "read",
          entityType,
          detail: { pooled: o.pooled, ...detail(data) },
        });
      };
      if (o.pooled) {
        const data = await inTx(on.pooled, (tx) => query(tx, null, o.asOf));
        if (keep) await inTx(pooledDb, (tx) => keep(tx, null, data));
        await inTx(db, (tx) => after(tx, null, data));
        return data;
      }
      if (on.db === db)
        return inTx(db, async (tx) => {
          const data = await query(tx, scope.clinicId, o.asOf);
          await after(tx, scope.clinicId, data);
          return data;
        });
      const data = await inTx(on.db, (tx) => query(tx, scope.clinicId, o.asOf));
      await inTx(db, (tx) => after(tx, scope.clinicId, data));
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
