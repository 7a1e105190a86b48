/**
 * Adverse events recorded by staff, with their CTCAE grade and ICH E2A classification; the
 * reporting clock is computed by the domain rules and its due date stored so the worklist can
 * sort by it. Every read and write is audited. Patients' own reports are in problem-reports.ts,
 * exports in adverse-event-export.ts.
 */
import { badRequest, notFound, toIsoDate } from "@evident/domain";
import {
  type AeKind,
  type AeOutcome,
  checkAdverseEvent,
  clockStatus,
  type Relatedness,
  reportingClock,
  type Seriousness,
} from "@evident/domain/adverse-events/rules";
import type { AdverseEventView } from "@evident/domain/api";
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { adverseEvents, patients, treatments } from "../schema";
import { claimProblemReport, problemReportsOf } from "./problem-reports";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

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
      const report = input.problemReportId
        ? await claimProblemReport(tx, scope, patientId, input.problemReportId)
        : null;
      if (report) source = "patient";
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
      await report?.link(id);
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
        const reports = await problemReportsOf(tx, scope, patientId);
        return {
          items: events.map((e) => presentAdverseEvent(e, today())),
          problemReports: reports,
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

  return { record, forPatient, openClocks, markSubmitted };
}
