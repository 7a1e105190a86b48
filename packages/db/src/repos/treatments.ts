/**
 * Recording a treatment schedules its follow-ups (pure rules in @evident/domain/pathway; the
 * timepoints and questionnaires of the clinic's measurement plan at that moment) in the same
 * transaction, closes the episode's baseline window at the treatment date (an answer given
 * after treatment is no longer a baseline), and cancels the follow-ups of earlier treatments in
 * the episode that fall due from that date on: after an injection and then a fusion, a later
 * questionnaire measures both, and belongs to the fusion's own schedule. An investigational
 * treatment passes the candidacy gate and the consent gate first (./candidacy-gate.ts,
 * ./consent-gate.ts).
 */
import { badRequest, conflict, notFound, scheduleFollowUps } from "@evident/domain";
import type {
  RecordHistory,
  TreatmentCandidacy,
  TreatmentConsent,
  TreatmentCorrected,
  TreatmentView,
} from "@evident/domain/api";
import { followUpTimepoints, instrumentsAt } from "@evident/domain/pathway/plan";
import { completedInWindow, movedSchedule, supersededFollowUps } from "@evident/domain/pathway/reschedule";
import { fieldChanges } from "@evident/domain/records/changes";
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { episodes, followUps, patients, treatments } from "../schema";
import { followUpContacts } from "../schema/jobs";
import { whereClinic } from "../tenancy";
import {
  auditedCandidacy,
  type CandidacyOverride,
  candidacyAfterCorrection,
  candidacyFields,
  gateTreatment,
} from "./candidacy-gate";
import { type ConsentOverride, consentAfterCorrection, consentFields, gateConsent } from "./consent-gate";
import { assertProcedureAllowed } from "./intakes";
import { withdrawQueuedContacts } from "./outbox";
import { BASELINE_WINDOW_DAYS, presentTreatment } from "./patients";
import { planOf } from "./plans";
import { changesOf, writeVersion } from "./record-versions";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";

export type TreatmentInput = {
  kind: string;
  date: string;
  episodeId?: string | undefined;
  notes?: string | undefined;
  details?: Record<string, unknown>;
  candidacyOverride?: CandidacyOverride | undefined;
  consentOverride?: ConsentOverride | undefined;
};

export type TreatmentCorrectionInput = Omit<TreatmentInput, "episodeId"> & {
  version: number;
  reason: string;
};

type TreatmentRow = typeof treatments.$inferSelect;

/** The fields a correction is described by ("date", "procedure.levels", "notes"). */
const comparable = (t: TreatmentRow): Record<string, unknown> => ({
  kind: t.kind,
  date: t.treatmentDate,
  ...t.details,
  candidacy: candidacyFields(t.candidacy as TreatmentCandidacy | null),
  consent: consentFields(t.consent as TreatmentConsent | null),
});

export function treatmentRepository(db: Db, scope: Scope) {
  async function record(patientId: string, input: TreatmentInput): Promise<TreatmentView> {
    return inTx(db, async (tx) => {
      const [patient] = await tx
        .select({ id: patients.id })
        .from(patients)
        .where(and(whereClinic(patients, scope), eq(patients.id, patientId)))
        .for("update");
      if (!patient) throw notFound("patient");
      // Red flags first: no injection or operation while a flagged triage waits for review.
      await assertProcedureAllowed(tx, scope.clinicId, patientId, input.kind);
      const candidacy = await gateTreatment(tx, scope, patientId, input, input.candidacyOverride);
      const consent = await gateConsent(tx, scope, patientId, input, input.consentOverride);
      const [episode] = await tx
        .select()
        .from(episodes)
        .where(
          and(
            whereClinic(episodes, scope),
            eq(episodes.patientId, patientId),
            input.episodeId ? eq(episodes.id, input.episodeId) : undefined,
          ),
        )
        .orderBy(desc(episodes.createdAt))
        .limit(1);
      if (!episode) {
        throw input.episodeId
          ? badRequest("no such episode for this patient", "episodeId")
          : notFound("episode");
      }
      const now = scope.now();
      const id = uuidv7();
      const details = { ...(input.details ?? {}), ...(input.notes ? { notes: input.notes } : {}) };
      const [row] = await tx
        .insert(treatments)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          episodeId: episode.id,
          kind: input.kind,
          treatmentDate: input.date,
          details,
          candidacy,
          consent,
          recordedBy: scope.actor.id,
          createdAt: now,
        })
        .returning();
      // Timepoints and their questionnaires come from the clinic's plan as it is now.
      const plan = await planOf(tx, scope.clinicId);
      const schedule = scheduleFollowUps(input.date, followUpTimepoints(plan));
      if (schedule.length > 0)
        await tx.insert(followUps).values(
          schedule.map((f) => ({
            id: uuidv7(),
            clinicId: scope.clinicId,
            patientId,
            episodeId: episode.id,
            treatmentId: id,
            timepoint: f.timepoint,
            dueDate: f.dueDate,
            windowStart: f.windowStart,
            windowEnd: f.windowEnd,
            instruments: instrumentsAt(plan, f.timepoint),
            createdAt: now,
          })),
        );
      // The baseline can no longer be answered once treatment has happened.
      await tx
        .update(followUps)
        .set({ windowEnd: sql`least(${followUps.windowEnd}, ${input.date}::date)` })
        .where(
          and(
            whereClinic(followUps, scope),
            eq(followUps.episodeId, episode.id),
            eq(followUps.timepoint, "baseline"),
            isNull(followUps.completedAt),
            gt(followUps.windowEnd, input.date),
          ),
        );
      const superseded = await tx
        .update(followUps)
        .set({ status: "cancelled", cancelledAt: now })
        .where(
          and(
            whereClinic(followUps, scope),
            eq(followUps.episodeId, episode.id),
            isNotNull(followUps.treatmentId),
            ne(followUps.treatmentId, id),
            eq(followUps.status, "scheduled"),
            gte(followUps.dueDate, input.date),
            sql`${followUps.treatmentId} in (select t.id from ${treatments} t where t.episode_id = ${episode.id} and t.treatment_date <= ${input.date})`,
          ),
        )
        .returning({ id: followUps.id });
      await withdrawQueuedContacts(
        tx,
        superseded.map((f) => f.id),
        "cancelled",
        now,
      );
      await audit(tx, scope, {
        action: "create",
        entityType: "treatment",
        entityId: id,
        patientId,
        detail: {
          kind: input.kind,
          date: input.date,
          followUps: schedule.length,
          cancelledFollowUps: superseded.length,
          ...(candidacy ? { candidacy: auditedCandidacy(candidacy) } : {}),
          ...(consent ? { consent: consentFields(consent) } : {}),
        },
      });
      return presentTreatment(row!);
    });
  }

  /**
   * Corrects a recorded treatment: refused (409) when it changed since `version` was read, the
   * earlier version kept with the reason, audited. A new date moves the follow-up schedule
   * (pathway/reschedule.ts): answers already given stay as they are.
   */
  async function correct(
    patientId: string,
    treatmentId: string,
    input: TreatmentCorrectionInput,
  ): Promise<TreatmentCorrected> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const [old] = await tx
        .select()
        .from(treatments)
        .where(
          and(
            whereClinic(treatments, scope),
            eq(treatments.patientId, patientId),
            eq(treatments.id, treatmentId),
          ),
        )
        .for("update");
      if (!old) throw notFound("treatment");
      if (old.version !== input.version)
        throw conflict(
          `this treatment was corrected (now version ${old.version}) after you opened it; reload it and make your correction again`,
          "version",
        );
      // A different kind of procedure is held back by red flags as a new one would be.
      if (input.kind !== old.kind) await assertProcedureAllowed(tx, scope.clinicId, patientId, input.kind);
      const candidacy = await candidacyAfterCorrection(tx, scope, old, input);
      const consent = await consentAfterCorrection(tx, scope, old, input);
      const details = { ...(input.details ?? {}), ...(input.notes ? { notes: input.notes } : {}) };
      const changes = fieldChanges(
        comparable(old),
        comparable({ ...old, kind: input.kind, treatmentDate: input.date, details, candidacy, consent }),
      );
      if (changes.length === 0) throw badRequest("changes nothing: change at least one field, or cancel", "");
      const now = scope.now();
      const [row] = await tx
        .update(treatments)
        .set({
          kind: input.kind,
          treatmentDate: input.date,
          details,
          candidacy,
          consent,
          version: old.version + 1,
          updatedAt: now,
        })
        .where(and(eq(treatments.id, treatmentId), eq(treatments.version, old.version)))
        .returning();
      const schedule =
        input.date === old.treatmentDate
          ? { moved: 0, completedOutsideWindow: [], cancelled: 0, reinstated: 0, contactsRestarted: 0 }
          : await reschedule(tx, row!, now);
      await writeVersion(tx, scope, {
        entityType: "treatment",
        entityId: treatmentId,
        patientId,
        version: row!.version,
        snapshot: old,
        changes,
        reason: input.reason,
      });
      await audit(tx, scope, {
        action: "correct",
        entityType: "treatment",
        entityId: treatmentId,
        patientId,
        detail: {
          version: row!.version,
          reason: input.reason,
          changes,
          schedule,
          ...(candidacy ? { candidacy: auditedCandidacy(candidacy) } : {}),
          ...(consent ? { consent: consentFields(consent) } : {}),
        },
      });
      return { ...presentTreatment(row!), schedule };
    });
  }

  /** Moves the treatment's follow-ups to its new date and re-derives the episode's supersession. */
  async function reschedule(tx: Tx, t: TreatmentRow, now: Date) {
    const own = await tx
      .select()
      .from(followUps)
      .where(and(whereClinic(followUps, scope), eq(followUps.treatmentId, t.id)));
    const moved = movedSchedule(
      t.treatmentDate,
      own.map((f) => f.timepoint),
    );
    const completedOutsideWindow: string[] = [];
    const windowMoved: string[] = [];
    for (const f of own) {
      const to = moved.get(f.timepoint);
      if (!to) continue;
      await tx.update(followUps).set(to).where(eq(followUps.id, f.id));
      if (f.completedAt && !completedInWindow(f.completedAt, to)) completedOutsideWindow.push(f.timepoint);
      if (!f.completedAt && (f.windowStart !== to.windowStart || f.windowEnd !== to.windowEnd))
        windowMoved.push(f.id);
    }
    // An open follow-up whose window moved: e-mails still queued name the old dates, so they are
    // withdrawn, and its contacts start again (invitation, reminders, call) when the new window
    // opens. What was sent stays in the outbox and the audit log.
    await withdrawQueuedContacts(tx, windowMoved, "rescheduled", now);
    if (windowMoved.length > 0)
      await tx.delete(followUpContacts).where(inArray(followUpContacts.followUpId, windowMoved));
    // The baseline is open until the episode's first treatment (and at most its usual window).
    await tx
      .update(followUps)
      .set({
        windowEnd: sql`least(${followUps.dueDate} + ${BASELINE_WINDOW_DAYS}::int, (select min(t.treatment_date) from ${treatments} t where t.episode_id = ${t.episodeId}))`,
      })
      .where(
        and(
          whereClinic(followUps, scope),
          eq(followUps.episodeId, t.episodeId),
          eq(followUps.timepoint, "baseline"),
          isNull(followUps.completedAt),
        ),
      );
    const episodeTreatments = await tx
      .select({ id: treatments.id, date: treatments.treatmentDate, recordedAt: treatments.createdAt })
      .from(treatments)
      .where(and(whereClinic(treatments, scope), eq(treatments.episodeId, t.episodeId)));
    const open = await tx
      .select()
      .from(followUps)
      .where(
        and(
          whereClinic(followUps, scope),
          eq(followUps.episodeId, t.episodeId),
          isNotNull(followUps.treatmentId),
          isNull(followUps.completedAt),
        ),
      );
    const superseded = supersededFollowUps(
      episodeTreatments,
      open.map((f) => ({ id: f.id, treatmentId: f.treatmentId!, dueDate: f.dueDate })),
    );
    let cancelled = 0;
    let reinstated = 0;
    for (const f of open) {
      const cancel = superseded.has(f.id);
      if (cancel && f.status === "scheduled") {
        await tx
          .update(followUps)
          .set({ status: "cancelled", cancelledAt: now })
          .where(eq(followUps.id, f.id));
        await withdrawQueuedContacts(tx, [f.id], "cancelled", now);
        cancelled++;
      } else if (!cancel && f.status === "cancelled") {
        await tx
          .update(followUps)
          .set({ status: "scheduled", cancelledAt: null })
          .where(eq(followUps.id, f.id));
        reinstated++;
      }
    }
    return {
      moved: moved.size,
      completedOutsideWindow,
      cancelled,
      reinstated,
      contactsRestarted: windowMoved.length,
    };
  }

  /** The treatment's corrections, newest first (audited as a read). */
  async function history(patientId: string, treatmentId: string): Promise<RecordHistory> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const [t] = await tx
          .select({ version: treatments.version })
          .from(treatments)
          .where(
            and(
              whereClinic(treatments, scope),
              eq(treatments.patientId, patientId),
              eq(treatments.id, treatmentId),
            ),
          );
        if (!t) throw notFound("treatment");
        return { version: t.version, items: await changesOf(tx, scope, "treatment", treatmentId) };
      },
      () => ({ action: "read", entityType: "treatment-history", entityId: treatmentId, patientId }),
    );
  }

  return { record, correct, history };
}
