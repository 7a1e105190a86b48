/**
 * Adverse events. A patient's problem report is stored with the advice it got and, in the same
 * transaction, opens a task for the clinicians (urgent for fever or new weakness after a
 * procedure: domain/adverse-events/patient-report.ts). Staff record events with their CTCAE
 * grade and ICH E2A classification; the reporting clock is computed by the domain rules and its
 * due date stored so the worklist can sort by it. Every read and write is audited.
 */
import { badRequest, notFound, toIsoDate, treatmentKind, treatmentKinds } from "@evident/domain";
import type { AdverseEventRecord } from "@evident/domain/adverse-events/export";
import {
  adviseOnProblem,
  PROCEDURE_CATEGORIES,
  type ProblemSymptom,
  problemSymptomLabels,
} from "@evident/domain/adverse-events/patient-report";
import {
  type AeKind,
  type AeOutcome,
  checkAdverseEvent,
  clockStatus,
  type Relatedness,
  reportingClock,
  type Seriousness,
} from "@evident/domain/adverse-events/rules";
import type { AdverseEventView, ProblemReportResult, ProblemReportView } from "@evident/domain/api";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { adverseEvents, clinics, patients, treatments } from "../schema";
import { problemReports } from "../schema/adverse-events";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";
import { createTask } from "./tasks";

type AeRow = typeof adverseEvents.$inferSelect;

export function presentAdverseEvent(r: AeRow, today: string): AdverseEventView {
  const awareDate = r.awareDate ?? toIsoDate(r.createdAt);
  const clock = reportingClock({
    seriousness: r.seriousness as Seriousness[],
    expected: r.expected,
    relatedness: r.relatedness as Relatedness | null,
    awareDate,
  });
  const submittedAt = r.reportSubmittedAt?.toISOString() ?? null;
  return {
    id: r.id,
    patientId: r.patientId,
    treatmentId: r.treatmentId,
    kind: r.kind,
    onsetDate: r.onsetDate,
    awareDate,
    severity: r.severity,
    serious: r.serious,
    seriousness: r.seriousness,
    relatedness: r.relatedness,
    expected: r.expected,
    outcome: r.outcome,
    actions: r.actions,
    description: r.description,
    source: r.source,
    clock: {
      required: clock.required,
      days: clock.required ? clock.days : null,
      dueDate: clock.required ? clock.dueDate : null,
      reason: clock.reason,
      status: clockStatus(clock, submittedAt, today),
      submittedAt,
    },
    createdAt: r.createdAt.toISOString(),
  };
}

function presentReport(r: typeof problemReports.$inferSelect): ProblemReportView {
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

export type AdverseEventInput = {
  kind: AeKind;
  onsetDate: string;
  severity: number;
  seriousness: Seriousness[];
  relatedness: Relatedness | null;
  expected: boolean | null;
  outcome: AeOutcome;
  actions?: string | undefined;
  description?: string | undefined;
  treatmentId?: string | undefined;
  problemReportId?: string | undefined;
};

export function adverseEventRepository(db: Db, scope: Scope) {
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
            eq(treatments.clinicId, scope.clinicId),
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
      return { id, urgent: advice.urgent, advice, taskId: task.id };
    });
  }

  async function record(patientId: string, input: AdverseEventInput): Promise<AdverseEventView> {
    const issues = checkAdverseEvent(input);
    if (input.onsetDate > today()) issues.push({ path: "onsetDate", message: "cannot be in the future" });
    if (issues.length) throw badRequest(issues);
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      if (input.treatmentId) {
        const [t] = await tx
          .select({ id: treatments.id })
          .from(treatments)
          .where(
            and(
              eq(treatments.clinicId, scope.clinicId),
              eq(treatments.patientId, patientId),
              eq(treatments.id, input.treatmentId),
            ),
          );
        if (!t) throw badRequest("is not a treatment of this patient", "treatmentId");
      }
      let source = "staff";
      if (input.problemReportId) {
        const [r] = await tx
          .select()
          .from(problemReports)
          .where(
            and(
              eq(problemReports.clinicId, scope.clinicId),
              eq(problemReports.patientId, patientId),
              eq(problemReports.id, input.problemReportId),
            ),
          )
          .for("update");
        if (!r) throw badRequest("is not a problem report of this patient", "problemReportId");
        if (r.adverseEventId) throw badRequest("already has an adverse event recorded", "problemReportId");
        source = "patient";
      }
      const now = scope.now();
      const awareDate = toIsoDate(now);
      const clock = reportingClock({ ...input, awareDate });
      const id = uuidv7();
      const [row] = await tx
        .insert(adverseEvents)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          treatmentId: input.treatmentId ?? null,
          kind: input.kind,
          onsetDate: input.onsetDate,
          severity: input.severity,
          serious: input.seriousness.length > 0,
          seriousness: input.seriousness,
          relatedness: input.relatedness,
          expected: input.expected,
          outcome: input.outcome,
          actions: input.actions ?? null,
          description: input.description ?? null,
          awareDate,
          reportDueDate: clock.required ? clock.dueDate : null,
          source,
          recordedBy: scope.actor.id,
          createdAt: now,
        })
        .returning();
      if (input.problemReportId)
        await tx
          .update(problemReports)
          .set({ adverseEventId: id })
          .where(eq(problemReports.id, input.problemReportId));
      await audit(tx, scope, {
        action: "create",
        entityType: "adverse-event",
        entityId: id,
        patientId,
        detail: {
          kind: input.kind,
          severity: input.severity,
          serious: input.seriousness.length > 0,
          reportDue: clock.required ? clock.dueDate : null,
        },
      });
      return presentAdverseEvent(row!, awareDate);
    });
  }

  async function forPatient(patientId: string) {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const events = await tx
          .select()
          .from(adverseEvents)
          .where(and(eq(adverseEvents.clinicId, scope.clinicId), eq(adverseEvents.patientId, patientId)))
          .orderBy(desc(adverseEvents.onsetDate));
        const reports = await tx
          .select()
          .from(problemReports)
          .where(and(eq(problemReports.clinicId, scope.clinicId), eq(problemReports.patientId, patientId)))
          .orderBy(desc(problemReports.reportedAt));
        return {
          items: events.map((e) => presentAdverseEvent(e, today())),
          problemReports: reports.map(presentReport),
        };
      },
      () => ({ action: "read", entityType: "adverse-event", patientId }),
    );
  }

  /** Events whose expedited report is still to be made, soonest due first (for the worklist). */
  async function openClocks(limit = 100): Promise<(AdverseEventView & { patientName: string })[]> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await tx
          .select({ e: adverseEvents, given: patients.givenName, family: patients.familyName })
          .from(adverseEvents)
          .innerJoin(patients, eq(patients.id, adverseEvents.patientId))
          .where(
            and(
              eq(adverseEvents.clinicId, scope.clinicId),
              isNotNull(adverseEvents.reportDueDate),
              isNull(adverseEvents.reportSubmittedAt),
            ),
          )
          .orderBy(asc(adverseEvents.reportDueDate))
          .limit(limit);
        return rows.map((r) => ({
          ...presentAdverseEvent(r.e, today()),
          patientName: `${r.given} ${r.family}`,
        }));
      },
      (rows) => ({ action: "read", entityType: "adverse-event", detail: { events: rows.map((r) => r.id) } }),
    );
  }

  async function markSubmitted(id: string): Promise<AdverseEventView> {
    return inTx(db, async (tx) => {
      const [row] = await tx
        .update(adverseEvents)
        .set({ reportSubmittedAt: scope.now() })
        .where(
          and(
            eq(adverseEvents.clinicId, scope.clinicId),
            eq(adverseEvents.id, id),
            isNotNull(adverseEvents.reportDueDate),
            isNull(adverseEvents.reportSubmittedAt),
          ),
        )
        .returning();
      if (!row) throw notFound("adverse event with a report due");
      await audit(tx, scope, {
        action: "report-submitted",
        entityType: "adverse-event",
        entityId: id,
        patientId: row.patientId,
      });
      return presentAdverseEvent(row, today());
    });
  }

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
      const view = presentAdverseEvent(r.e, today());
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
        clock: reportingClock({
          seriousness: r.e.seriousness as Seriousness[],
          expected: r.e.expected,
          relatedness: r.e.relatedness as Relatedness | null,
          awareDate: view.awareDate,
        }),
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

  return { reportProblem, record, forPatient, openClocks, markSubmitted, exportRecord };
}
