/**
 * Decisions made with the decision aid. A patient may save one only once the decision aid is
 * open for them (after the safety questions, and a clinician's review of any red flag): the same
 * rule the portal follows, checked again here in the transaction that writes.
 */
import { conflict, notFound } from "@evident/domain";
import type { DecisionView } from "@evident/domain/api";
import { type ContentLanguage, decisionAidContent, valuesVersion } from "@evident/domain/evidence";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { decisions } from "../schema/decisions";
import { whereClinic } from "../tenancy";
import { decisionAidHold } from "./intakes";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

type Row = typeof decisions.$inferSelect;

const present = (r: Row): DecisionView => ({
  id: r.id,
  contentVersion: r.contentVersion,
  valuesVersion: r.valuesVersion,
  values: r.values,
  choice: r.choice,
  questions: r.questions,
  language: r.language,
  source: r.source,
  decidedAt: r.decidedAt.toISOString(),
});

export function decisionRepository(db: Db, scope: Scope) {
  async function list(patientId: string): Promise<DecisionView[]> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const rows = await tx
          .select()
          .from(decisions)
          .where(and(whereClinic(decisions, scope), eq(decisions.patientId, patientId)))
          .orderBy(desc(decisions.decidedAt), desc(decisions.id));
        return rows.map(present);
      },
      (items) => ({
        action: "read",
        entityType: "decision",
        patientId,
        detail: { decisions: items.map((d) => d.id) },
      }),
    );
  }

  async function save(
    patientId: string,
    input: {
      values: Record<string, number>;
      choice: string;
      questions?: string | undefined;
      language?: ContentLanguage | undefined;
    },
    source: "portal" | "clinic",
  ): Promise<DecisionView> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const hold = await decisionAidHold(tx, scope.clinicId, patientId);
      if (hold === "no-intake")
        throw conflict("the safety questions come first: answer them before choosing care", "choice");
      if (hold === "review")
        throw conflict("a clinician reviews the safety answers before the decision aid opens", "choice");
      const id = uuidv7();
      const [row] = await tx
        .insert(decisions)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          contentVersion: decisionAidContent.version,
          valuesVersion,
          values: input.values,
          choice: input.choice,
          questions: input.questions ?? null,
          language: input.language ?? "en",
          source,
          savedBy: scope.actor.id,
          decidedAt: scope.now(),
        })
        .returning();
      await audit(tx, scope, {
        action: "create",
        entityType: "decision",
        entityId: id,
        patientId,
        detail: {
          choice: input.choice,
          contentVersion: decisionAidContent.version,
          valuesVersion,
          language: input.language ?? "en",
        },
      });
      return present(row!);
    });
  }

  /**
   * One of the patient's decisions (404 if it is not theirs); with `exportAs`, audited as an
   * export in that format (the summary PDF leaves the app) instead of a read.
   */
  async function get(patientId: string, id: string, exportAs?: "summary-pdf"): Promise<DecisionView> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [row] = await tx
          .select()
          .from(decisions)
          .where(
            and(whereClinic(decisions, scope), eq(decisions.patientId, patientId), eq(decisions.id, id)),
          );
        if (!row) throw notFound("decision");
        return present(row);
      },
      (d) =>
        exportAs
          ? {
              action: "export",
              entityType: "decision",
              entityId: d.id,
              patientId,
              detail: { format: exportAs },
            }
          : { action: "read", entityType: "decision", entityId: d.id, patientId },
    );
  }

  return { list, save, get };
}
