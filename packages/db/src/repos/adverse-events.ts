/**
 * Adverse events recorded by staff, with their CTCAE grade and ICH E2A classification; the
 * reporting clock is computed by the domain rules and its due date stored so the worklist can
 * sort by it. Every read and write is audited. Patients' own reports are in problem-reports.ts,
 * exports in adverse-event-export.ts.
 */
import { badRequest, conflict, notFound, toIsoDate } from "@evident/domain";
import {
  type AeKind,
  type AeOutcome,
  checkAdverseEvent,
  clockAfterUpdate,
  clockStatus,
  type Relatedness,
  type ReportingClock,
  reportingClock,
  type Seriousness,
} from "@evident/domain/adverse-events/rules";
import type { AdverseEventView, RecordHistory } from "@evident/domain/api";
import { fieldChanges } from "@evident/domain/records/changes";
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { adverseEvents, patients, treatments } from "../schema";
import { whereClinic } from "../tenancy";
import { claimProblemReport, problemReportsOf } from "./problem-reports";
import { changesOf, writeVersion } from "./record-versions";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";

type AeRow = typeof adverseEvents.$inferSelect;

const awareDateOf = (r: AeRow) => r.awareDate ?? toIsoDate(r.createdAt);

/** The event's clock: from day 0 of its current classification, with the due date as stored. */
export function clockOf(r: AeRow): ReportingClock & { startDate: string } {
  const startDate = r.clockStartDate ?? awareDateOf(r);
  const clock = reportingClock({
    seriousness: r.seriousness as Seriousness[],
    expected: r.expected,
    relatedness: r.relatedness as Relatedness | null,
    awareDate: startDate,
  });
  return clock.required && r.reportDueDate
    ? { ...clock, dueDate: r.reportDueDate, startDate }
    : { ...clock, startDate };
}

export function presentAdverseEvent(r: AeRow, today: string): AdverseEventView {
  const awareDate = awareDateOf(r);
  const clock = clockOf(r);
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
      startDate: clock.startDate,
      dueDate: clock.required ? clock.dueDate : null,
      reason: clock.reason,
      status: clockStatus(clock, submittedAt, today),
      submittedAt,
    },
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    updatedAt: r.updatedAt?.toISOString() ?? null,
  };
}

/** The fields a change is described by, as the history shows them. */
function comparable(r: AeRow): Record<string, unknown> {
  return {
    kind: r.kind,
    onsetDate: r.onsetDate,
    severity: r.severity,
    seriousness: r.seriousness,
    relatedness: r.relatedness,
    expected: r.expected,
    outcome: r.outcome,
    actions: r.actions,
    description: r.description,
    treatmentId: r.treatmentId,
    reportDueDate: r.reportDueDate,
    reportSubmittedAt: r.reportSubmittedAt?.toISOString() ?? null,
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

export type AdverseEventUpdate = Omit<AdverseEventInput, "problemReportId"> & {
  version: number;
  reason: string;
};

function checkInput(input: Omit<AdverseEventInput, "problemReportId">, today: string) {
  const issues = checkAdverseEvent(input);
  if (input.onsetDate > today) issues.push({ path: "onsetDate", message: "cannot be in the future" });
  if (issues.length) throw badRequest(issues);
}

export function adverseEventRepository(db: Db, scope: Scope) {
  const today = () => toIsoDate(scope.now());

  async function assertTreatmentOf(tx: Tx, patientId: string, treatmentId: string) {
    const [t] = await tx
      .select({ id: treatments.id })
      .from(treatments)
      .where(
        and(
          whereClinic(treatments, scope),
          eq(treatments.patientId, patientId),
          eq(treatments.id, treatmentId),
        ),
      );
    if (!t) throw badRequest("is not a treatment of this patient", "treatmentId");
  }

  /** The event `id` of this clinic, locked for a change; 404 when there is none. */
  async function lockEvent(tx: Tx, id: string): Promise<AeRow> {
    const [row] = await tx
      .select()
      .from(adverseEvents)
      .where(and(whereClinic(adverseEvents, scope), eq(adverseEvents.id, id)))
      .for("update");
    if (!row) throw notFound("adverse event");
    await patientInScope(tx, scope, row.patientId);
    return row;
  }

  /**
   * Writes the event as it should now read: checked as when recorded, refused (409) when it was
   * changed since `version` was read, the earlier version kept with the reason, and the reporting
   * clock worked out again (clockAfterUpdate: day 0 is the day it became known to qualify).
   */
  async function update(id: string, input: AdverseEventUpdate): Promise<AdverseEventView> {
    checkInput(input, today());
    return inTx(db, async (tx) => {
      const old = await lockEvent(tx, id);
      if (old.version !== input.version)
        throw conflict(
          `this event was changed (now version ${old.version}) after you opened it; reload it and make your change again`,
          "version",
        );
      if (input.treatmentId) await assertTreatmentOf(tx, old.patientId, input.treatmentId);
      const before = clockOf(old);
      const clock = clockAfterUpdate(
        {
          seriousness: old.seriousness as Seriousness[],
          expected: old.expected,
          relatedness: old.relatedness as Relatedness | null,
          startDate: before.startDate,
          dueDate: before.required ? before.dueDate : null,
          submittedAt: old.reportSubmittedAt?.toISOString() ?? null,
        },
        input,
        today(),
      );
      const now = scope.now();
      const next = {
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
        treatmentId: input.treatmentId ?? null,
        clockStartDate: clock.startDate,
        reportDueDate: clock.dueDate,
        reportSubmittedAt: clock.submittedAt ? new Date(clock.submittedAt) : null,
      };
      const changes = fieldChanges(comparable(old), comparable({ ...old, ...next }));
      if (changes.length === 0) throw badRequest("changes nothing: change at least one field, or cancel", "");
      const [row] = await tx
        .update(adverseEvents)
        .set({ ...next, version: old.version + 1, updatedAt: now })
        .where(and(eq(adverseEvents.id, id), eq(adverseEvents.version, old.version)))
        .returning();
      await writeVersion(tx, scope, {
        entityType: "adverse-event",
        entityId: id,
        patientId: old.patientId,
        version: row!.version,
        snapshot: old,
        changes,
        reason: input.reason,
      });
      await audit(tx, scope, {
        action: "update",
        entityType: "adverse-event",
        entityId: id,
        patientId: old.patientId,
        detail: {
          version: row!.version,
          reason: input.reason,
          changes,
          ...(clock.restarted ? { clockRestarted: clock.startDate } : {}),
        },
      });
      return presentAdverseEvent(row!, today());
    });
  }

  /** The event's changes, newest first; read like the event itself (audited). */
  async function history(id: string): Promise<RecordHistory> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [row] = await tx
          .select({ patientId: adverseEvents.patientId, version: adverseEvents.version })
          .from(adverseEvents)
          .where(and(whereClinic(adverseEvents, scope), eq(adverseEvents.id, id)));
        if (!row) throw notFound("adverse event");
        await patientInScope(tx, scope, row.patientId);
        return {
          patientId: row.patientId,
          version: row.version,
          items: await changesOf(tx, scope, "adverse-event", id),
        };
      },
      (r) => ({ action: "read", entityType: "adverse-event-history", entityId: id, patientId: r.patientId }),
    ).then(({ version, items }) => ({ version, items }));
  }

  async function record(patientId: string, input: AdverseEventInput): Promise<AdverseEventView> {
    checkInput(input, today());
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      if (input.treatmentId) await assertTreatmentOf(tx, patientId, input.treatmentId);
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
          clockStartDate: awareDate,
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
          .where(and(whereClinic(adverseEvents, scope), eq(adverseEvents.patientId, patientId)))
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
              whereClinic(adverseEvents, scope),
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

  /** Stops the clock; a change like any other, so a form opened before it is stale. */
  async function markSubmitted(id: string): Promise<AdverseEventView> {
    return inTx(db, async (tx) => {
      const old = await lockEvent(tx, id);
      if (!old.reportDueDate || old.reportSubmittedAt) throw notFound("adverse event with a report due");
      const now = scope.now();
      const [row] = await tx
        .update(adverseEvents)
        .set({ reportSubmittedAt: now, version: old.version + 1, updatedAt: now })
        .where(eq(adverseEvents.id, id))
        .returning();
      await writeVersion(tx, scope, {
        entityType: "adverse-event",
        entityId: id,
        patientId: old.patientId,
        version: row!.version,
        snapshot: old,
        changes: fieldChanges(comparable(old), comparable(row!)),
        reason: "Expedited report submitted",
      });
      await audit(tx, scope, {
        action: "report-submitted",
        entityType: "adverse-event",
        entityId: id,
        patientId: row!.patientId,
        detail: { version: row!.version },
      });
      return presentAdverseEvent(row!, today());
    });
  }

  return { record, update, history, forPatient, openClocks, markSubmitted };
}
