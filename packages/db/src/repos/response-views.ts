/**
 * How stored answers are presented, with their correction history. Only current versions (not
 * superseded) are ever listed; a current version that corrects an earlier one carries the
 * reason and the earlier versions, newest first, so a reader sees what changed and why. Each
 * also says who entered it for the patient, and whether it is a late baseline — by the same SQL
 * rule the outcomes use to leave it out (./outcome-sql.ts `lateBaseline`), so the mark and the
 * exclusion cannot disagree.
 */
import type { ResponseVersion, ResponseView } from "@evident/domain/api";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import { questionnaireResponses, staffUsers } from "../schema";
import { lateBaseline } from "./outcome-sql";

export type ResponseRow = typeof questionnaireResponses.$inferSelect;

/** Rows that are the current version of their answers (use in every read of answers). */
export const isCurrent: SQL = isNull(questionnaireResponses.supersededAt);

function presentVersion(r: ResponseRow): ResponseVersion {
  return {
    id: r.id,
    instrumentVersion: r.instrumentVersion,
    answers: r.answers,
    score: r.score ?? null,
    scoreDetail: r.scoreDetail,
    source: r.source,
    recordedAt: r.createdAt.toISOString(),
    supersededAt: r.supersededAt?.toISOString() ?? "",
    correctionReason: r.correctionReason,
  };
}

export type Marks = { enteredBy: { id: string; name: string } | null; lateBaseline: boolean };

export function presentResponse(r: ResponseRow, earlier: readonly ResponseRow[], marks: Marks): ResponseView {
  return {
    id: r.id,
    instrument: r.instrument,
    instrumentVersion: r.instrumentVersion,
    timepoint: r.timepoint,
    followUpId: r.followUpId,
    answers: r.answers,
    score: r.score ?? null,
    scoreDetail: r.scoreDetail,
    completedAt: r.completedAt.toISOString(),
    source: r.source,
    ...marks,
    correction:
      r.supersedesId && r.correctionReason
        ? {
            reason: r.correctionReason,
            correctedAt: r.createdAt.toISOString(),
            earlier: earlier.map(presentVersion),
          }
        : null,
  };
}

/**
 * Presents current rows with the versions they supersede, loading the chains a step at a time
 * (corrections are rare, and each is one step back).
 */
export async function presentWithHistory(
  tx: Executor,
  clinicId: string,
  current: readonly ResponseRow[],
): Promise<ResponseView[]> {
  const byId = new Map<string, ResponseRow>();
  let wanted = current.flatMap((r) => (r.supersedesId ? [r.supersedesId] : []));
  while (wanted.length > 0) {
    const rows = await tx
      .select()
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.clinicId, clinicId), inArray(questionnaireResponses.id, wanted)));
    for (const r of rows) byId.set(r.id, r);
    wanted = rows.flatMap((r) => (r.supersedesId && !byId.has(r.supersedesId) ? [r.supersedesId] : []));
  }
  const ids = current.map((r) => r.id);
  const late =
    ids.length === 0
      ? new Set<string>()
      : new Set(
          (
            await tx
              .select({ id: questionnaireResponses.id })
              .from(questionnaireResponses)
              .where(
                and(inArray(questionnaireResponses.id, ids), sql`${lateBaseline("questionnaire_responses")}`),
              )
          ).map((r) => r.id),
        );
  const staffIds = [...new Set(current.flatMap((r) => (r.enteredBy ? [r.enteredBy] : [])))];
  const names = new Map(
    staffIds.length === 0
      ? []
      : (
          await tx
            .select({ id: staffUsers.id, name: staffUsers.name })
            .from(staffUsers)
            .where(inArray(staffUsers.id, staffIds))
        ).map((u) => [u.id, u.name] as const),
  );
  return current.map((r) => {
    const earlier: ResponseRow[] = [];
    for (let prev = r.supersedesId ? byId.get(r.supersedesId) : undefined; prev; ) {
      earlier.push(prev);
      prev = prev.supersedesId ? byId.get(prev.supersedesId) : undefined;
    }
    return presentResponse(r, earlier, {
      enteredBy: r.enteredBy ? { id: r.enteredBy, name: names.get(r.enteredBy) ?? "" } : null,
      lateBaseline: late.has(r.id),
    });
  });
}
