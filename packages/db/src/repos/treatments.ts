/**
 * Recording a treatment schedules its follow-ups (pure rules in @evident/domain/pathway; the
 * timepoints and questionnaires of the clinic's measurement plan at that moment) in the same
 * transaction, closes the episode's baseline window at the treatment date (an answer given
 * after treatment is no longer a baseline), and cancels the follow-ups of earlier treatments in
 * the episode that fall due from that date on: after an injection and then a fusion, a later
 * questionnaire measures both, and belongs to the fusion's own schedule.
 */
import { badRequest, notFound, scheduleFollowUps } from "@evident/domain";
import type { TreatmentView } from "@evident/domain/api";
import { followUpTimepoints, instrumentsAt } from "@evident/domain/pathway/plan";
import { and, desc, eq, gt, gte, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { episodes, followUps, patients, treatments } from "../schema";
import { assertProcedureAllowed } from "./intakes";
import { presentTreatment } from "./patients";
import { planOf } from "./plans";
import { audit, inTx, type Scope } from "./scope";

export type TreatmentInput = {
  kind: string;
  date: string;
  episodeId?: string | undefined;
  notes?: string | undefined;
  details?: Record<string, unknown>;
};

export function treatmentRepository(db: Db, scope: Scope) {
  async function record(patientId: string, input: TreatmentInput): Promise<TreatmentView> {
    return inTx(db, async (tx) => {
      const [patient] = await tx
        .select({ id: patients.id })
        .from(patients)
        .where(and(eq(patients.clinicId, scope.clinicId), eq(patients.id, patientId)))
        .for("update");
      if (!patient) throw notFound("patient");
      // Red flags first: no injection or operation while a flagged triage waits for review.
      await assertProcedureAllowed(tx, scope.clinicId, patientId, input.kind);
      const [episode] = await tx
        .select()
        .from(episodes)
        .where(
          and(
            eq(episodes.clinicId, scope.clinicId),
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
            eq(followUps.clinicId, scope.clinicId),
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
            eq(followUps.clinicId, scope.clinicId),
            eq(followUps.episodeId, episode.id),
            isNotNull(followUps.treatmentId),
            ne(followUps.treatmentId, id),
            eq(followUps.status, "scheduled"),
            gte(followUps.dueDate, input.date),
            sql`${followUps.treatmentId} in (select t.id from ${treatments} t where t.episode_id = ${episode.id} and t.treatment_date <= ${input.date})`,
          ),
        )
        .returning({ id: followUps.id });
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
        },
      });
      return presentTreatment(row!);
    });
  }

  return { record };
}
