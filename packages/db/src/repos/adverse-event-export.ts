/**
 * An adverse event gathered for the outside world: everything the MedWatch-style report and the
 * FHIR AdverseEvent need (domain/adverse-events/export.ts draws them), read in one transaction
 * and audited as an export, since it leaves the clinic.
 */
import { notFound, toIsoDate, treatmentKind } from "@evident/domain";
import type { AdverseEventRecord } from "@evident/domain/adverse-events/export";
import type { AeKind, Seriousness } from "@evident/domain/adverse-events/rules";
import { and, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { adverseEvents, clinics, patients, treatments } from "../schema";
import { clockOf, presentAdverseEvent } from "./adverse-events";
import { audit, inTx, type Scope } from "./scope";

export function adverseEventExportRepository(db: Db, scope: Scope) {
  /** Everything an export needs, audited as an export. */
  async function exportRecord(id: string): Promise<AdverseEventRecord> {
    return inTx(db, async (tx) => {
      const [r] = await tx
        .select({ e: adverseEvents, p: patients, clinic: clinics.name })
        .from(adverseEvents)
        .innerJoin(patients, eq(patients.id, adverseEvents.patientId))
        .innerJoin(clinics, eq(clinics.id, adverseEvents.clinicId))
        .where(and(eq(adverseEvents.clinicId, scope.clinicId), eq(adverseEvents.id, id)));
      if (!r) throw notFound("adverse event");
      const [t] = r.e.treatmentId
        ? await tx.select().from(treatments).where(eq(treatments.id, r.e.treatmentId))
        : [];
      const view = presentAdverseEvent(r.e, toIsoDate(scope.now()));
      await audit(tx, scope, {
        action: "export",
        entityType: "adverse-event",
        entityId: id,
        patientId: r.p.id,
      });
      const regulatory = (t?.details as { regulatory?: { pathway?: string } } | undefined)?.regulatory;
      return {
        id,
        kind: r.e.kind as AeKind,
        onsetDate: r.e.onsetDate,
        awareDate: view.awareDate,
        severity: r.e.severity,
        seriousness: r.e.seriousness as Seriousness[],
        relatedness: r.e.relatedness,
        expected: r.e.expected,
        outcome: r.e.outcome,
        actions: r.e.actions,
        description: r.e.description,
        clock: clockOf(r.e),
        submittedAt: view.clock.submittedAt,
        patient: {
          id: r.p.id,
          givenName: r.p.givenName,
          familyName: r.p.familyName,
          birthDate: r.p.birthDate,
          sex: r.p.sex,
        },
        treatment: t
          ? {
              id: t.id,
              kind: t.kind,
              label: treatmentKind(t.kind)?.label ?? t.kind,
              date: t.treatmentDate,
              regulatoryPathway: regulatory?.pathway ?? null,
            }
          : null,
        clinic: { name: r.clinic },
      };
    });
  }

  return { exportRecord };
}
