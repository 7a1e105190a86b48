/**
 * Questionnaire answers: validated and scored by the instrument library, stored verbatim with the
 * instrument version and the score, and attached to the follow-up they answer. A follow-up is
 * completed when every instrument it asks for has a current answer. Submitting answers for a
 * follow-up deletes its portal draft in the same transaction.
 *
 * A stored answer set is never changed. Staff correct one by writing a new version (same
 * follow-up, timepoint and completion time, scored afresh) that names the version it corrects and
 * why; the corrected version is marked superseded and kept. Reads use current versions only.
 * A second answer to a questionnaire the follow-up already holds is refused (409 naming it), from
 * the portal and the clinic alike: the correction is the only way to change one.
 */
import {
  badRequest,
  conflict,
  ErrorCode,
  EvidentError,
  type Issue,
  notFound,
  toIsoDate,
} from "@evident/domain";
import type { ResponseView } from "@evident/domain/api";
import { findInstrument, scoreAnswers } from "@evident/domain/instruments";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { episodes, followUps, patients, questionnaireResponses, staffUsers } from "../schema";
import { responseDrafts } from "../schema/drafts";
import { whereClinic } from "../tenancy";
import { assertSafetyQuestionsAnswered } from "./intakes";
import { withdrawQueuedContacts } from "./outbox";
import { isCurrent, presentWithHistory } from "./response-views";
import { audit, inTx, type Scope, type Tx } from "./scope";

export type ResponseBatchInput = {
  followUpId?: string | undefined;
  responses: { instrument: string; answers: Record<string, number | boolean | null> }[];
};

type FollowUpRow = typeof followUps.$inferSelect;

/**
 * Refuses (409) answers to questionnaires the follow-up already holds, naming each by its place in
 * the submission, with when and by whom it was answered and what to do instead.
 */
async function assertNotAnswered(tx: Tx, followUpId: string, instruments: readonly string[]) {
  const held = await tx
    .select({
      instrument: questionnaireResponses.instrument,
      completedAt: questionnaireResponses.completedAt,
      staff: staffUsers.name,
    })
    .from(questionnaireResponses)
    .leftJoin(staffUsers, eq(staffUsers.id, questionnaireResponses.enteredBy))
    .where(
      and(
        eq(questionnaireResponses.followUpId, followUpId),
        inArray(questionnaireResponses.instrument, [...instruments]),
        isCurrent,
      ),
    );
  if (held.length === 0) return;
  const issues = instruments.flatMap((id, i): Issue[] => {
    const h = held.find((x) => x.instrument === id);
    if (!h) return [];
    const who = h.staff ? `entered by ${h.staff}` : "by the patient";
    return [
      {
        path: `responses.${i}.instrument`,
        message: `${findInstrument(id)?.shortTitle ?? id} was already answered for this follow-up on ${toIsoDate(h.completedAt)} (${who}); to change those answers, correct them`,
      },
    ];
  });
  throw new EvidentError(
    ErrorCode.conflict,
    issues.length === 1
      ? issues[0]!.message
      : `${issues.length} questionnaires were already answered for this follow-up`,
    issues,
  );
}

async function targetFollowUp(
  tx: Tx,
  scope: Scope,
  patientId: string,
  followUpId: string | undefined,
  today: string,
  instruments: readonly string[],
) {
  if (followUpId) {
    const [f] = await tx
      .select()
      .from(followUps)
      .where(
        and(whereClinic(followUps, scope), eq(followUps.patientId, patientId), eq(followUps.id, followUpId)),
      );
    if (!f) throw badRequest("no such follow-up for this patient", "followUpId");
    if (f.cancelledAt) throw badRequest("this follow-up was cancelled", "followUpId");
    await assertNotAnswered(tx, f.id, instruments);
    if (f.completedAt) throw badRequest("this follow-up is already completed", "followUpId");
    if (today < f.windowStart || today > f.windowEnd) {
      throw badRequest(
        `this follow-up can be answered from ${f.windowStart} to ${f.windowEnd}`,
        "followUpId",
      );
    }
    return f;
  }
  // Without an explicit target, answers count for the open follow-up due soonest.
  const [open] = await tx
    .select()
    .from(followUps)
    .where(
      and(
        whereClinic(followUps, scope),
        eq(followUps.patientId, patientId),
        isNull(followUps.completedAt),
        isNull(followUps.cancelledAt),
        lte(followUps.windowStart, today),
        gte(followUps.windowEnd, today),
      ),
    )
    .orderBy(asc(followUps.dueDate))
    .limit(1);
  if (open) await assertNotAnswered(tx, open.id, instruments);
  return open ?? null;
}

export function responseRepository(db: Db, scope: Scope) {
  async function submit(
    patientId: string,
    batch: ResponseBatchInput,
    source: "portal" | "clinic",
  ): Promise<{ responses: ResponseView[]; followUp: FollowUpRow | null }> {
    // Validate and score everything before writing anything.
    const issues: Issue[] = [];
    const scored = batch.responses.map((r, i) => {
      try {
        return scoreAnswers(r.instrument, r.answers, `responses.${i}.answers`);
      } catch (e) {
        const errIssues = (e as { issues?: Issue[] }).issues ?? [];
        issues.push(
          ...errIssues.map((x) =>
            x.path === "instrument" ? { ...x, path: `responses.${i}.instrument` } : x,
          ),
        );
        return null;
      }
    });
    const seen = new Set<string>();
    batch.responses.forEach((r, i) => {
      if (seen.has(r.instrument))
        issues.push({ path: `responses.${i}.instrument`, message: "answered twice in one submission" });
      seen.add(r.instrument);
    });
    if (issues.length > 0) throw badRequest(issues);

    return inTx(db, async (tx) => {
      const [patient] = await tx
        .select({ id: patients.id })
        .from(patients)
        .where(and(whereClinic(patients, scope), eq(patients.id, patientId)))
        .for("update");
      if (!patient) throw notFound("patient");
      if (source === "portal") await assertSafetyQuestionsAnswered(tx, scope.clinicId, patientId);
      const now = scope.now();
      const today = toIsoDate(now);
      const followUp = await targetFollowUp(
        tx,
        scope,
        patientId,
        batch.followUpId,
        today,
        batch.responses.map((r) => r.instrument),
      );
      const [episode] = followUp
        ? [{ id: followUp.episodeId }]
        : await tx
            .select({ id: episodes.id })
            .from(episodes)
            .where(and(whereClinic(episodes, scope), eq(episodes.patientId, patientId)))
            .orderBy(asc(episodes.createdAt))
            .limit(1);
      const rows = await tx
        .insert(questionnaireResponses)
        .values(
          scored.map((s) => ({
            id: uuidv7(),
            clinicId: scope.clinicId,
            patientId,
            episodeId: episode?.id ?? null,
            followUpId: followUp?.id ?? null,
            instrument: s!.instrument.id,
            instrumentVersion: s!.instrument.version,
            timepoint: followUp?.timepoint ?? "unscheduled",
            answers: s!.answers,
            score: s!.result.score,
            scoreDetail: {
              ...(s!.result.extras ?? {}),
              ...(s!.result.reason ? { reason: s!.result.reason } : {}),
            },
            completedAt: now,
            source,
            enteredBy: source === "clinic" ? scope.actor.id : null,
            createdAt: now,
          })),
        )
        .returning();
      let updated: FollowUpRow | null = followUp;
      if (followUp) {
        await tx.delete(responseDrafts).where(eq(responseDrafts.followUpId, followUp.id));
        const answered = await tx
          .select({ instrument: questionnaireResponses.instrument })
          .from(questionnaireResponses)
          .where(and(eq(questionnaireResponses.followUpId, followUp.id), isCurrent));
        const done = followUp.instruments.every((i) => answered.some((a) => a.instrument === i));
        if (done) {
          const [completed] = await tx
            .update(followUps)
            .set({ status: "completed", completedAt: now })
            .where(eq(followUps.id, followUp.id))
            .returning();
          updated = completed ?? null;
          // A reminder still queued must not reach a patient who has answered.
          await withdrawQueuedContacts(tx, [followUp.id], "completed", now);
        }
      }
      for (const r of rows) {
        await audit(tx, scope, {
          action: "create",
          entityType: "questionnaire-response",
          entityId: r.id,
          patientId,
          detail: { instrument: r.instrument, timepoint: r.timepoint, source },
        });
      }
      return { responses: await presentWithHistory(tx, scope.clinicId, rows), followUp: updated };
    });
  }

  /** Staff correct a stored answer set: a new version with the reason; the old one is kept, superseded. */
  async function correct(
    patientId: string,
    responseId: string,
    input: { answers: Record<string, number | boolean | null>; reason: string },
  ): Promise<ResponseView> {
    return inTx(db, async (tx) => {
      const [old] = await tx
        .select()
        .from(questionnaireResponses)
        .where(
          and(
            whereClinic(questionnaireResponses, scope),
            eq(questionnaireResponses.patientId, patientId),
            eq(questionnaireResponses.id, responseId),
          ),
        )
        .for("update");
      if (!old) throw notFound("answer set for this patient");
      if (old.supersededAt)
        throw conflict("these answers were already corrected; correct the latest version", "responseId");
      const scored = scoreAnswers(old.instrument, input.answers, "answers");
      if (JSON.stringify(scored.answers) === JSON.stringify(old.answers))
        throw badRequest("are the same as the current version; change at least one answer", "answers");
      const now = scope.now();
      await tx
        .update(questionnaireResponses)
        .set({ supersededAt: now })
        .where(eq(questionnaireResponses.id, old.id));
      const [row] = await tx
        .insert(questionnaireResponses)
        .values({
          id: uuidv7(now.getTime()),
          clinicId: scope.clinicId,
          patientId,
          episodeId: old.episodeId,
          followUpId: old.followUpId,
          instrument: old.instrument,
          instrumentVersion: scored.instrument.version,
          timepoint: old.timepoint,
          answers: scored.answers,
          score: scored.result.score,
          scoreDetail: {
            ...(scored.result.extras ?? {}),
            ...(scored.result.reason ? { reason: scored.result.reason } : {}),
          },
          completedAt: old.completedAt,
          source: "clinic",
          enteredBy: scope.actor.id,
          createdAt: now,
          supersedesId: old.id,
          correctionReason: input.reason,
        })
        .returning();
      await audit(tx, scope, {
        action: "correct",
        entityType: "questionnaire-response",
        entityId: row!.id,
        patientId,
        detail: {
          supersedes: old.id,
          instrument: old.instrument,
          reason: input.reason,
          scoreBefore: old.score ?? null,
          scoreAfter: row!.score ?? null,
        },
      });
      const [view] = await presentWithHistory(tx, scope.clinicId, [row!]);
      return view!;
    });
  }

  return { submit, correct };
}
