/** Imaging studies of a clinic's patients: recorded and read with an audit event each. */
import { badRequest, toIsoDate } from "@evident/domain";
import type { ImagingView } from "@evident/domain/api";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { type ImagingFindingRow, imagingStudies } from "../schema/imaging";
import { whereClinic } from "../tenancy";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

const present = (r: typeof imagingStudies.$inferSelect): ImagingView => ({
  id: r.id,
  date: r.studyDate,
  modality: r.modality,
  findings: r.findings,
  notes: r.notes,
  createdAt: r.createdAt.toISOString(),
});

export function imagingRepository(db: Db, scope: Scope) {
  async function record(
    patientId: string,
    input: {
      date: string;
      modality: "mri" | "ct" | "xray";
      findings: ImagingFindingRow[];
      notes?: string | undefined;
    },
  ): Promise<ImagingView> {
    if (input.date > toIsoDate(scope.now())) throw badRequest("cannot be in the future", "date");
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      const id = uuidv7();
      const [row] = await tx
        .insert(imagingStudies)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          studyDate: input.date,
          modality: input.modality,
          findings: input.findings,
          notes: input.notes ?? null,
          recordedBy: scope.actor.id,
          createdAt: scope.now(),
        })
        .returning();
      await audit(tx, scope, {
        action: "create",
        entityType: "imaging",
        entityId: id,
        patientId,
        detail: { modality: input.modality, levels: input.findings.map((f) => f.level) },
      });
      return present(row!);
    });
  }

  async function list(patientId: string): Promise<ImagingView[]> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const rows = await tx
          .select()
          .from(imagingStudies)
          .where(and(whereClinic(imagingStudies, scope), eq(imagingStudies.patientId, patientId)))
          .orderBy(desc(imagingStudies.studyDate));
        return rows.map(present);
      },
      () => ({ action: "read", entityType: "imaging", patientId }),
    );
  }

  return { record, list };
}
