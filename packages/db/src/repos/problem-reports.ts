/**
 * Problems patients report from the portal ("report a problem"). A report is stored with the
 * advice it got and, in the same transaction, opens a task for the clinicians (urgent for fever
 * or new weakness after a procedure: domain/adverse-events/patient-report.ts). A clinician may
 * then record an adverse event from it (adverse-events.ts), which links the two.
 */
import { badRequest, toIsoDate, treatmentKind, treatmentKinds, withEmergencyNumber } from "@evident/domain";
import {
  adviseOnProblem,
  PROCEDURE_CATEGORIES,
  type ProblemSymptom,
  problemSymptomLabels,
} from "@evident/domain/adverse-events/patient-report";
import type { ProblemReportResult, ProblemReportView } from "@evident/domain/api";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { treatments } from "../schema";
import { problemReports } from "../schema/adverse-events";
import { whereClinic } from "../tenancy";
import { clinicEmergencyNumber } from "./clinics";
import { audit, inTx, patientInScope, type Scope, type Tx } from "./scope";
import { createTask } from "./tasks";

export function presentProblemReport(r: typeof problemReports.$inferSelect): ProblemReportView {
  return {
    id: r.id,
    symptoms: r.symptoms,
    details: r.details,
    onsetDate: r.onsetDate,
    urgent: r.urgent,
    reportedAt: r.reportedAt.toISOString(),
    adverseEventId: r.adverseEventId,
  };
}

/** A patient's reports, newest first. */
export async function problemReportsOf(tx: Executor, scope: Scope, patientId: string) {
  const rows = await tx
    .select()
    .from(problemReports)
    .where(and(whereClinic(problemReports, scope), eq(problemReports.patientId, patientId)))
    .orderBy(desc(problemReports.reportedAt));
  return rows.map(presentProblemReport);
}

/**
 * Locks the patient's report `id` for recording an adverse event from it; 400 naming
 * `problemReportId` when it is not theirs or already has one.
 */
export async function claimProblemReport(tx: Tx, scope: Scope, patientId: string, id: string) {
  const [r] = await tx
    .select()
    .from(problemReports)
    .where(
      and(
        whereClinic(problemReports, scope),
        eq(problemReports.patientId, patientId),
        eq(problemReports.id, id),
      ),
    )
    .for("update");
  if (!r) throw badRequest("is not a problem report of this patient", "problemReportId");
  if (r.adverseEventId) throw badRequest("already has an adverse event recorded", "problemReportId");
  return {
    link: async (adverseEventId: string) => {
      await tx.update(problemReports).set({ adverseEventId }).where(eq(problemReports.id, id));
    },
  };
}

export function problemReportRepository(db: Db, scope: Scope) {
  const today = () => toIsoDate(scope.now());

  /** The patient's report: stored, advised on, and a clinician task opened in one transaction. */
  async function reportProblem(
    patientId: string,
    input: { symptoms: ProblemSymptom[]; details?: string | undefined; onsetDate: string },
  ): Promise<ProblemReportResult> {
    if (input.onsetDate > today()) throw badRequest("cannot be in the future", "onsetDate");
    return inTx(db, async (tx) => {
      const patient = await patientInScope(tx, scope, patientId);
      const procedureKinds = treatmentKinds
        .filter((k) => (PROCEDURE_CATEGORIES as readonly string[]).includes(k.category))
        .map((k) => k.id);
      const [last] = await tx
        .select({ id: treatments.id, date: treatments.treatmentDate, kind: treatments.kind })
        .from(treatments)
        .where(
          and(
            whereClinic(treatments, scope),
            eq(treatments.patientId, patientId),
            inArray(treatments.kind, procedureKinds),
            lte(treatments.treatmentDate, today()),
          ),
        )
        .orderBy(desc(treatments.treatmentDate))
        .limit(1);
      const advice = adviseOnProblem(input.symptoms, last?.date ?? null, today());
      const id = uuidv7();
      const now = scope.now();
      const what = input.symptoms.map((s) => problemSymptomLabels[s]).join("; ");
      const task = await createTask(tx, scope, {
        patientId,
        kind: advice.urgent ? "urgent-problem-report" : "problem-report",
        title: advice.urgent
          ? `Urgent: call ${patient.givenName} ${patient.familyName} today`
          : `Review a problem report from ${patient.givenName} ${patient.familyName}`,
        detail: `${what}${input.details ? ` — "${input.details}"` : ""}. Since ${input.onsetDate}.${
          last
            ? ` Last procedure: ${treatmentKind(last.kind)?.label ?? last.kind} on ${last.date}.`
            : " No procedure recorded."
        } Record an adverse event if it is one.`,
        priority: advice.urgent ? "urgent" : "soon",
        dueAt: new Date(now.getTime() + (advice.urgent ? 2 : 48) * 3_600_000),
        assignedRole: "clinician",
        source: { type: "problem-report", id },
        dedupeKey: `problem-report:${id}`,
      });
      await tx.insert(problemReports).values({
        id,
        clinicId: scope.clinicId,
        patientId,
        symptoms: input.symptoms,
        details: input.details ?? null,
        onsetDate: input.onsetDate,
        treatmentId: last?.id ?? null,
        urgent: advice.urgent,
        taskId: task.id,
        reportedAt: now,
      });
      await audit(tx, scope, {
        action: "create",
        entityType: "problem-report",
        entityId: id,
        patientId,
        detail: { symptoms: input.symptoms, urgent: advice.urgent, taskId: task.id },
      });
      const emergencyNumber = await clinicEmergencyNumber(tx, scope.clinicId);
      return {
        id,
        urgent: advice.urgent,
        advice: withEmergencyNumber(advice, emergencyNumber),
        taskId: task.id,
      };
    });
  }

  return { reportProblem };
}
