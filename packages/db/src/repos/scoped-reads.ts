/**
 * The outcomes and decision-aid reads as scoped repositories: the clinic's own rows through the
 * scoped database (row-level security), and a researcher's pooled read through the one named path
 * that crosses clinics (`pooled`, the system role, read-only). Each read is audited in the reader's
 * clinic.
 */
import type { BaselineProfile, RegistryCase } from "@evident/domain/evidence";
import { sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { baselineProfile, registryCases } from "./registry-cases";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

/** An outcomes query: one clinic's rows, or (`clinicId` null) every clinic's, tallied in SQL. */
export type OutcomesQuery<T> = (tx: Executor, clinicId: string | null, asOf: string) => Promise<T>;

export function outcomeReadRepository(db: Db, scope: Scope, pooledDb: Db) {
  return {
    /**
     * Runs `query` for the scope's clinic, or with `pooled` across all clinics as the system role in
     * a read-only transaction (the queries passed here return tallies, never a patient's row;
     * only estimates computed from them leave the server); then the audit event, in this clinic.
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
      const data = await inTx(pooledDb, async (tx) => {
        await tx.execute(sql`set transaction read only`);
        return query(tx, null, o.asOf);
      });
      await inTx(db, (tx) => audit(tx, scope, fields(data)));
      return data;
    },
  };
}

export type RegistryInput = {
  profile: BaselineProfile | null;
  cases: RegistryCase[];
};

/** The clinic's registry for "people like you", and the patient's baseline profile when one is named. */
export function registryReadRepository(db: Db, scope: Scope) {
  return {
    async read<T>(
      patientId: string | null,
      asOf: string,
      present: (input: RegistryInput) => T,
      detail: (result: T) => Record<string, unknown>,
    ): Promise<T> {
      return auditedRead(
        db,
        scope,
        async (tx) => {
          if (patientId) await patientInScope(tx, scope, patientId);
          const profile = patientId ? await baselineProfile(tx, scope.clinicId, patientId, asOf) : null;
          return present({ profile, cases: await registryCases(tx, scope.clinicId, { today: asOf }) });
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
