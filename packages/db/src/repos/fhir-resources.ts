/**
 * Stored rows as FHIR resources: one mapping for the FHIR API's reads and searches (./fhir.ts)
 * and the Bulk Data export (../bulk-export/), so a resource is the same whichever way it leaves.
 * Each takes only the columns it needs, so the export can read no more than that.
 */
import {
  type FhirResource,
  toFhirCondition,
  toFhirPatient,
  toFhirProcedure,
  toObservations,
  toQuestionnaireResponse,
} from "@evident/domain/fhir";
import { findInstrument } from "@evident/domain/instruments";
import { type SQL, sql } from "drizzle-orm";
import type { episodes, patients, treatments } from "../schema";
import type { ResponseRow } from "./response-views";

const lastUpdatedOf = (r: { createdAt: Date; updatedAt?: Date | null }) => r.updatedAt ?? r.createdAt;

/** meta.lastUpdated in SQL: the last change, or the creation of a row that never changed. */
export const lastUpdatedSql = (t: { createdAt: SQL | unknown; updatedAt?: unknown }) =>
  t.updatedAt ? sql`coalesce(${t.updatedAt}, ${t.createdAt})` : sql`${t.createdAt}`;

type PatientRow = Pick<
  typeof patients.$inferSelect,
  | "id"
  | "givenName"
  | "familyName"
  | "birthDate"
  | "sex"
  | "email"
  | "phone"
  | "mrn"
  | "createdAt"
  | "updatedAt"
  | "version"
>;
// Patients' and episodes' versions are raised by a trigger on every change (migration
// fhir-row-versions); treatments' by their corrections.
export function patientResource(p: PatientRow) {
  return toFhirPatient({ ...p, lastUpdated: lastUpdatedOf(p).toISOString() });
}

type EpisodeRow = Pick<
  typeof episodes.$inferSelect,
  "id" | "patientId" | "condition" | "spinalLevels" | "onsetDate" | "createdAt" | "updatedAt" | "version"
>;
export function conditionResource(e: EpisodeRow) {
  return toFhirCondition({
    ...e,
    lastUpdated: lastUpdatedOf(e).toISOString(),
    recordedDate: e.createdAt.toISOString().slice(0, 10),
  });
}

type TreatmentRow = Pick<
  typeof treatments.$inferSelect,
  | "id"
  | "patientId"
  | "episodeId"
  | "kind"
  | "treatmentDate"
  | "details"
  | "version"
  | "createdAt"
  | "updatedAt"
>;
export function procedureResource(t: TreatmentRow) {
  return toFhirProcedure({
    ...t,
    date: t.treatmentDate,
    version: t.version,
    lastUpdated: lastUpdatedOf(t).toISOString(),
  });
}

export type ResponseSource = Pick<
  ResponseRow,
  "id" | "patientId" | "instrument" | "answers" | "completedAt" | "supersedesId" | "createdAt"
>;

const responseMeta = (r: ResponseSource) => ({ versionId: "1", lastUpdated: r.createdAt.toISOString() });

export function responseResource(r: ResponseSource): FhirResource[] {
  const def = findInstrument(r.instrument);
  if (!def) return [];
  return [
    {
      ...toQuestionnaireResponse(def, {
        id: r.id,
        answers: r.answers,
        authored: r.completedAt.toISOString(),
        subject: { reference: `Patient/${r.patientId}` },
        ...(r.supersedesId ? { status: "amended" as const } : {}),
      }),
      meta: responseMeta(r),
    },
  ];
}

export function observationsOf(r: ResponseSource): FhirResource[] {
  const def = findInstrument(r.instrument);
  if (!def) return [];
  return toObservations(def, r.answers, {
    effective: r.completedAt.toISOString(),
    subject: { reference: `Patient/${r.patientId}` },
    derivedFrom: { reference: `QuestionnaireResponse/${r.id}` },
    status: r.supersedesId ? "amended" : "final",
    idPrefix: r.id,
    meta: responseMeta(r),
  });
}
