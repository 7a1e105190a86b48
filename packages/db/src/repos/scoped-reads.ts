/**
 * The outcomes and decision-aid reads as scoped repositories: the clinic's own rows through the
 * scoped database (row-level security), and a researcher's pooled read through the one named path
 * that crosses clinics (`pooled`: read-only, as the role `evident_research`, which may read the
 * aggregate tables and nothing else, so the database itself keeps a patient's row out of it). Each
 * read is audited in the reader's clinic.
 */
import type { BaselineProfile, CaseTally } from "@evident/domain/evidence";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { baselineProfile } from "./registry-cases";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";
import { summaryRegistryTallies } from "./summary-reads";

/** An outcomes query: one clinic's rows, or (`clinicId` null) every clinic's, tallied in SQL. */
export type OutcomesQuery<T> = (tx: Executor, clinicId: string | null, asOf: string) => Promise<T>;

export function outcomeReadRepository(db: Db, scope: Scope, pooledDb: Db) {
  return {
    /**
     * Runs `query` for the scope's clinic, or with `pooled` across all clinics through `pooledDb`
     * (the research role: summaries and the pooled comparisons' cache only, read-only); then the
     * audit event, in this clinic.
     */
    async read<T>(
      entityType: string,
      o: { pooled: boolean; asOf: string },
      query: OutcomesQuery<T>,
      detail: (data: T) => Record<string, unknown>,
    ): Promise<T> {
      const fields = (data: T) => ({
        action: "read" as const,
        entityType,
        detail: { pooled: o.pooled, ...detail(data) },
      });
      if (!o.pooled) return auditedRead(db, scope, (tx) => query(tx, scope.clinicId, o.asOf), fields);
      const data = await inTx(pooledDb, (tx) => query(tx, null, o.asOf));
      await inTx(db, (tx) => audit(tx, scope, fields(data)));
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
export function registryReadRepository(db: Db, scope: Scope) {
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
      );
    },
  };
}
