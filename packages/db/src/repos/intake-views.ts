/**
 * How stored intakes are presented: to the clinic (every flag as it was given, with the answers
 * that raised it; an intake stored before flags kept their answers shows its flag ids read against
 * the current rules, never judged again) and to the patient (the advice its flags call for, the
 * questions answered "not sure"). Explicit field whitelists, as for the other presenters.
 */
import { type CitationKey, citations } from "@evident/domain";
import type { IntakeView } from "@evident/domain/api";
import {
  adviceKind,
  booleanAnswerIds,
  clinicianActions,
  patientAdvice,
  triageRules,
  unsure,
} from "@evident/domain/triage";
import { inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../audit";
import { staffUsers } from "../schema";
import type { intakes } from "../schema/intakes";

export type IntakeRow = typeof intakes.$inferSelect;

/** The staff member who entered a clinic intake (a second join on staff_users). */
export const enteredBy = alias(staffUsers, "entered_by");

export async function staffNames(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inArray(staffUsers.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const sourceView = (keys: readonly string[]) =>
  keys.map((key) => ({ key, label: citations[key as CitationKey]?.text ?? key }));

/** The flags as the intake was given them; an older intake's ids read against the current rules. */
function flagsOf(row: IntakeRow): IntakeView["flags"] {
  if (row.flagDetails)
    return row.flagDetails.map((f) => ({ ...f, tier: f.tier, source: sourceView(f.source) }));
  return row.flags.flatMap((id) => {
    const rule = triageRules.find((r) => r.id === id);
    return rule
      ? [
          {
            id,
            suggests: rule.suggests,
            action: rule.action,
            tier: rule.tier,
            source: sourceView(rule.source),
            answer: null,
            dueWithinHours: rule.dueWithinHours ?? null,
          },
        ]
      : [
          {
            id,
            suggests: "(rule no longer in the current version)",
            action: "",
            tier: row.tier,
            source: [],
            answer: null,
            dueWithinHours: null,
          },
        ];
  });
}

/** The advice the patient gets for a stored intake (older ones: their tier's). */
export const adviceOf = (row: IntakeRow) => patientAdvice[adviceKind(row.tier, row.flagDetails ?? [])];

/** The yes/no questions the patient answered "not sure". */
export const unsureOf = (row: IntakeRow) => booleanAnswerIds.filter((id) => row.answers[id] === unsure);

export function presentIntake(
  row: IntakeRow,
  reviewerName: string | null,
  enteredByName: string | null,
): IntakeView {
  return {
    id: row.id,
    submittedAt: row.submittedAt.toISOString(),
    source: row.source,
    enteredBy: row.source === "clinic" ? { id: row.submittedBy, name: enteredByName ?? "" } : null,
    rulesVersion: row.rulesVersion,
    tier: row.tier,
    flags: flagsOf(row),
    answers: row.answers,
    unsure: unsureOf(row),
    clinicianAction: clinicianActions[row.tier].summary,
    blocksProcedures: clinicianActions[row.tier].blocksElectiveProcedures && row.reviewedAt === null,
    review:
      row.reviewedAt && row.reviewedBy
        ? {
            at: row.reviewedAt.toISOString(),
            by: { id: row.reviewedBy, name: reviewerName ?? "" },
            note: row.reviewNote,
          }
        : null,
  };
}
