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
 * the portal and the clinic alike: the correction is the only way to change one. Submissions are
 * stored by ./response-submit.ts, in few round trips.
 */
import { badRequest, conflict, type Issue, notFound } from "@evident/domain";
import type { ResponseView } from "@evident/domain/api";
import { scoreAnswers } from "@evident/domain/instruments";
import { and, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { questionnaireResponses } from "../schema";
import { whereClinic } from "../tenancy";
import { type Scored, storeResponses } from "./response-submit";
import { presentWithHistory } from "./response-views";
import { audit, inTx, type Scope } from "./scope";

export type ResponseBatchInput = {
  followUpId?: string | undefined;
  responses: { instrument: string; answers: Record<string, number | boolean | null> }[];
};

export function responseRepository(db: Db, scope: Scope) {
  async function submit(
    patientId: string,
    batch: ResponseBatchInput,
    source: "portal" | "clinic",
  ): Promise<{ responses: ResponseView[]; followUpCompleted: boolean }> {
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
    return storeResponses(db, scope, patientId, batch.followUpId, scored as Scored[], source);
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
