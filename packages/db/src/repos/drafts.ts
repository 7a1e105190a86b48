/**
 * Portal drafts: the answers a patient has given so far to an open follow-up, saved at each step
 * so they can leave and resume later on any device. Only the patient's own open follow-up takes a
 * draft, and only its own questionnaires with valid answers (each bad one named); a draft is
 * deleted when the follow-up's answers are submitted (responses.ts). Reads and writes are audited.
 */
import { badRequest, followUpStatus, type Issue, notFound, toIsoDate } from "@evident/domain";
import type { DraftView } from "@evident/domain/api";
import { findInstrument, validateAnswers } from "@evident/domain/instruments";
import { and, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { followUps } from "../schema";
import { responseDrafts } from "../schema/drafts";
import { whereClinic } from "../tenancy";
import { audit, auditedRead, inTx, type Scope } from "./scope";

type DraftAnswers = Record<string, Record<string, number | boolean | null>>;

const present = (d: typeof responseDrafts.$inferSelect): DraftView => ({
  followUpId: d.followUpId,
  answers: d.answers,
  step: d.step,
  savedAt: d.updatedAt.toISOString(),
});

function checkAnswers(instruments: readonly string[], answers: DraftAnswers): Issue[] {
  return Object.entries(answers).flatMap(([id, sheet]): Issue[] => {
    const def = instruments.includes(id) ? findInstrument(id) : undefined;
    if (!def) return [{ path: `answers.${id}`, message: "is not a questionnaire of this follow-up" }];
    return validateAnswers(def, sheet).map((i) => ({
      path: ["answers", id, i.path].filter(Boolean).join("."),
      message: i.message,
    }));
  });
}

export function draftRepository(db: Db, scope: Scope & { patientId: string }) {
  const patientId = scope.patientId;
  const ownDraft = (followUpId: string) =>
    and(
      whereClinic(responseDrafts, scope),
      eq(responseDrafts.patientId, patientId),
      eq(responseDrafts.followUpId, followUpId),
    );
  const ownFollowUp = (followUpId: string) =>
    and(whereClinic(followUps, scope), eq(followUps.patientId, patientId), eq(followUps.id, followUpId));

  async function get(followUpId: string): Promise<DraftView | null> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [d] = await tx.select().from(responseDrafts).where(ownDraft(followUpId));
        if (d) return present(d);
        // No draft yet is an answer only about the patient's own follow-up; another's is not there.
        const [f] = await tx.select({ id: followUps.id }).from(followUps).where(ownFollowUp(followUpId));
        if (!f) throw notFound("follow-up");
        return null;
      },
      (d) => d && { action: "read", entityType: "response-draft", entityId: followUpId, patientId },
    );
  }

  async function save(
    followUpId: string,
    input: { answers: DraftAnswers; step: number },
  ): Promise<DraftView> {
    return inTx(db, async (tx) => {
      const [f] = await tx.select().from(followUps).where(ownFollowUp(followUpId)).for("update");
      if (!f) throw notFound("follow-up");
      const now = scope.now();
      if (followUpStatus(f, toIsoDate(now)) !== "open")
        throw badRequest("this questionnaire is not open for answers", "followUpId");
      const issues = checkAnswers(f.instruments, input.answers);
      if (issues.length > 0) throw badRequest(issues);
      const values = {
        followUpId,
        clinicId: scope.clinicId,
        patientId,
        answers: input.answers,
        step: input.step,
        createdAt: now,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(responseDrafts)
        .values(values)
        .onConflictDoUpdate({
          target: responseDrafts.followUpId,
          set: { answers: input.answers, step: input.step, updatedAt: now },
        })
        .returning();
      await audit(tx, scope, {
        action: "save",
        entityType: "response-draft",
        entityId: followUpId,
        patientId,
        detail: {
          step: input.step,
          answered: Object.values(input.answers).reduce(
            (n, sheet) => n + Object.values(sheet).filter((v) => v !== null).length,
            0,
          ),
        },
      });
      return present(row!);
    });
  }

  return { get, save };
}
