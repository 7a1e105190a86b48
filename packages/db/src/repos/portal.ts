/**
 * What a signed-in patient sees: their own due and upcoming follow-ups, completed answers
 * (current versions), and their questionnaire drafts.
 */
import { notFound, type PatientLanguage, toIsoDate } from "@evident/domain";
import type { PortalHome } from "@evident/domain/api";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../connect";
import { clinics, followUps, patients, questionnaireResponses } from "../schema";
import { whereClinic } from "../tenancy";
import { draftRepository } from "./drafts";
import { baselineTiming, presentFollowUp } from "./patients";
import { isCurrent, presentWithHistory } from "./response-views";
import { type ResponseBatchInput, responseRepository } from "./responses";
import { audit, auditedRead, inTx, type Scope } from "./scope";

export function portalRepository(db: Db, scope: Scope) {
  if (!scope.patientId) throw new Error("portal repository needs a patient scope");
  const patientId: string = scope.patientId;
  const own = <T extends { clinicId: unknown; patientId: unknown }>(t: T) =>
    and(
      eq(t.clinicId as typeof patients.clinicId, scope.clinicId),
      eq(t.patientId as typeof patients.id, patientId),
    );

  async function home(): Promise<PortalHome> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [p] = await tx
          .select({
            givenName: patients.givenName,
            familyName: patients.familyName,
            clinicName: clinics.name,
          })
          .from(patients)
          .innerJoin(clinics, eq(clinics.id, patients.clinicId))
          .where(and(whereClinic(patients, scope), eq(patients.id, patientId)));
        if (!p) throw notFound("patient");
        const today = toIsoDate(scope.now());
        const timing = await baselineTiming(tx, scope.clinicId, patientId, scope.now());
        const fus = (
          await tx.select().from(followUps).where(own(followUps)).orderBy(asc(followUps.dueDate))
        ).map((f) => presentFollowUp(f, today, timing));
        const completed = await tx
          .select()
          .from(questionnaireResponses)
          .where(and(own(questionnaireResponses), isCurrent))
          .orderBy(desc(questionnaireResponses.completedAt))
          .limit(50);
        return {
          patient: { givenName: p.givenName, familyName: p.familyName },
          clinic: { name: p.clinicName },
          due: fus.filter((f) => f.status === "open"),
          upcoming: fus.filter((f) => f.status === "upcoming").slice(0, 3),
          completed: await presentWithHistory(tx, scope.clinicId, completed),
        };
      },
      () => ({ action: "read", entityType: "portal-home", patientId, entityId: patientId }),
    );
  }

  async function submit(batch: ResponseBatchInput) {
    return responseRepository(db, scope).submit(patientId, batch, "portal");
  }

  /** The patient chose the language they read (the portal's switch): kept for their e-mails too. */
  async function setLanguage(language: PatientLanguage): Promise<{ language: PatientLanguage }> {
    return inTx(db, async (tx) => {
      const [row] = await tx
        .update(patients)
        .set({ language, updatedAt: scope.now() })
        .where(and(whereClinic(patients, scope), eq(patients.id, patientId)))
        .returning({ language: patients.language });
      if (!row) throw notFound("patient");
      await audit(tx, scope, {
        action: "set-language",
        entityType: "patient",
        entityId: patientId,
        patientId,
        detail: { language },
      });
      return { language: row.language };
    });
  }

  const drafts = draftRepository(db, { ...scope, patientId });
  return { home, submit, getDraft: drafts.get, saveDraft: drafts.save, setLanguage };
}
