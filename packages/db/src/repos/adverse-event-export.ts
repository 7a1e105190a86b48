/**
 * Adverse events gathered for the outside world: everything the MedWatch-style report and the
 * FHIR AdverseEvent need (domain/adverse-events/export.ts draws them). A report downloaded is
 * audited as an export, since it leaves the clinic; the FHIR API's reads and searches as reads.
 */
import { notFound, toIsoDate, treatmentKind } from "@evident/domain";
import type { AdverseEventRecord } from "@evident/domain/adverse-events/export";
import type { AeKind, Seriousness } from "@evident/domain/adverse-events/rules";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { adverseEvents, clinics, patients, treatments } from "../schema";
import { whereClinic } from "../tenancy";
import { clockOf, presentAdverseEvent } from "./adverse-events";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

/** The clinic's events matching `where`, newest onset first, as export records. */
export async function gatherAdverseEvents(
  tx: Executor,
  scope: Scope,
  where: SQL | undefined,
): Promise<AdverseEventRecord[]> {
  const rows = await tx
    .select({ e: adverseEvents, p: patients, clinic: clinics.name, t: treatments })
    .from(adverseEvents)
    .innerJoin(patients, eq(patients.id, adverseEvents.patientId))
    .innerJoin(clinics, eq(clinics.id, adverseEvents.clinicId))
    .leftJoin(treatments, eq(treatments.id, adverseEvents.treatmentId))
    .where(and(whereClinic(adverseEvents, scope), where))
    .orderBy(desc(adverseEvents.onsetDate), desc(adverseEvents.id));
  const today = toIsoDate(scope.now());
  return rows.map(({ e, p, clinic, t }) => {
    const view = presentAdverseEvent(e, today);
    const regulatory = (t?.details as { regulatory?: { pathway?: string } } | undefined)?.regulatory;
    return {
      id: e.id,
      kind: e.kind as AeKind,
      onsetDate: e.onsetDate,
      awareDate: view.awareDate,
      severity: e.severity,
      seriousness: e.seriousness as Seriousness[],
      relatedness: e.relatedness,
      expected: e.expected,
      outcome: e.outcome,
      actions: e.actions,
      description: e.description,
      clock: clockOf(e),
      submittedAt: view.clock.submittedAt,
      version: e.version,
      lastUpdated: (e.updatedAt ?? e.createdAt).toISOString(),
      patient: {
        id: p.id,
        givenName: p.givenName,
        familyName: p.familyName,
        birthDate: p.birthDate,
        sex: p.sex,
      },
      treatment: t
        ? {
            id: t.id,
            kind: t.kind,
            label: treatmentKind(t.kind)?.label ?? t.kind,
            date: t.treatmentDate,
            regulatoryPathway: regulatory?.pathway ?? null,
            procedure: (t.details as { procedure?: unknown }).procedure ?? null,
          }
        : null,
      clinic: { name: clinic },
    };
  });
}

export function adverseEventExportRepository(db: Db, scope: Scope) {
  /** Everything an export needs, audited as an export in the named format. */
  async function exportRecord(
    id: string,
    format: "medwatch-json" | "medwatch-pdf" | "fhir-json",
  ): Promise<AdverseEventRecord> {
    return inTx(db, async (tx) => {
      const [r] = await gatherAdverseEvents(tx, scope, eq(adverseEvents.id, id));
      if (!r) throw notFound("adverse event");
      await audit(tx, scope, {
        action: "export",
        entityType: "adverse-event",
        entityId: id,
        patientId: r.patient.id,
        detail: { format },
      });
      return r;
    });
  }

  /** One event for the FHIR API (a read). */
  async function read(id: string): Promise<AdverseEventRecord> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [r] = await gatherAdverseEvents(tx, scope, eq(adverseEvents.id, id));
        if (!r) throw notFound("AdverseEvent");
        await patientInScope(tx, scope, r.patient.id);
        return r;
      },
      (r) => ({ action: "read", entityType: "fhir-adverse-event", entityId: id, patientId: r.patient.id }),
    );
  }

  /** A patient's events for the FHIR API (a search by subject). */
  async function forPatient(patientId: string): Promise<AdverseEventRecord[]> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        return gatherAdverseEvents(tx, scope, eq(adverseEvents.patientId, patientId));
      },
      () => ({ action: "read", entityType: "fhir-adverse-event", patientId }),
    );
  }

  return { exportRecord, read, forPatient };
}
