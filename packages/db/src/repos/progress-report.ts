/**
 * What the progress report needs of one patient (domain/progress-report lays it out), read in one
 * transaction and audited as one read: the record as the patient page reads it (answers with
 * scores, treatments, follow-ups: patients.ts), the pain diary's last 180 days, the adverse events,
 * the typical course of the latest treatment (recovery.ts, the portal's own), and the clinic's
 * name. Staff reach their clinic's patients; a patient only their own record (patientInScope).
 */
import { addDays, toIsoDate } from "@evident/domain";
import type { AeKind } from "@evident/domain/adverse-events/rules";
import type { ProgressReportData } from "@evident/domain/progress-report";
import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../connect";
import { adverseEvents, clinics } from "../schema";
import { painDiaryEntries } from "../schema/diary";
import { whereClinic } from "../tenancy";
import { patientRepository } from "./patients";
import { typicalFor } from "./recovery";
import { auditedRead, patientInScope, type Scope } from "./scope";

export function progressReportRepository(db: Db, scope: Scope, opts: { baseUrl: string }) {
  /** The report's data in the patient's language, or `lang` when given (the portal's switch). */
  async function gather(patientId: string, lang?: "en" | "es"): Promise<ProgressReportData> {
    const today = toIsoDate(scope.now());
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        const p = await patientRepository(db, scope, opts).detailIn(tx, patientId);
        const [clinic] = await tx
          .select({ name: clinics.name })
          .from(clinics)
          .where(eq(clinics.id, scope.clinicId));
        const diary = await tx
          .select()
          .from(painDiaryEntries)
          .where(
            and(
              whereClinic(painDiaryEntries, scope),
              eq(painDiaryEntries.patientId, patientId),
              gte(painDiaryEntries.entryDate, addDays(today, -180)),
            ),
          )
          .orderBy(desc(painDiaryEntries.entryDate));
        const events = await tx
          .select()
          .from(adverseEvents)
          .where(and(whereClinic(adverseEvents, scope), eq(adverseEvents.patientId, patientId)));
        const language = lang ?? p.language;
        const latest = p.treatments[0];
        const typical = latest ? await typicalFor(tx, scope, latest, today, language) : null;
        return {
          clinicName: clinic?.name ?? "",
          today,
          language,
          patient: { givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate },
          responses: p.responses.map((r) => ({
            instrument: r.instrument,
            timepoint: r.timepoint,
            score: r.score,
            detail: r.scoreDetail,
            date: r.completedAt.slice(0, 10),
            lateBaseline: r.lateBaseline,
          })),
          treatments: p.treatments.map((t) => ({ id: t.id, kind: t.kind, date: t.date })),
          followUps: p.followUps.map((f) => ({
            timepoint: f.timepoint,
            dueDate: f.dueDate,
            status: f.status,
          })),
          diary: diary.map((d) => ({
            date: d.entryDate,
            backPain: d.backPain,
            legPain: d.legPain,
            mme: d.mme,
          })),
          adverseEvents: events.map((e) => ({
            kind: e.kind as AeKind,
            onsetDate: e.onsetDate,
            severity: e.severity,
            serious: e.serious,
            outcome: e.outcome,
          })),
          typical,
        };
      },
      () => ({ action: "read", entityType: "progress-report", entityId: patientId, patientId }),
    );
  }
  return { gather };
}
