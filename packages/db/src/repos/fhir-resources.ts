/**
 * Stored rows as FHIR resources: one mapping for the FHIR API's reads and searches (./fhir.ts)
 * and the Bulk Data export (../bulk-export/), so a resource is the same whichever way it leaves.
 * Each takes only the columns it needs, so the export can read no more than that.
 */
import { createHash } from "node:crypto";
import {
  type FhirResource,
  toFhirCondition,
  toFhirConsent,
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

/** A consent with what its FHIR Consent names: the signed document, the clinic, who recorded it. */
export type ConsentSource = {
  id: string;
  patientId: string;
  purpose: "procedure" | "research" | "story";
  treatmentKind: string | null;
  version: number;
  language: "en" | "es";
  sha256: string;
  method: "portal" | "paper";
  typedName: string | null;
  witnessName: string | null;
  teachBackRounds: number | null;
  signedAt: Date;
  withdrawnAt: Date | null;
  recordedByName: string | null;
  clinicName: string;
  documentTitle: string;
  canonicalText: string;
  documentPublishedAt: Date;
};

/**
 * A consent changes once, when it is withdrawn: version 1 as signed, 2 once withdrawn, and
 * meta.lastUpdated the later of the two instants. The document's text goes with it (base64), with
 * its SHA-1 as R4's Attachment.hash asks and the SHA-256 kept with the signature.
 */
export function consentResource(c: ConsentSource) {
  const bytes = Buffer.from(c.canonicalText, "utf8");
  return toFhirConsent({
    id: c.id,
    patientId: c.patientId,
    purpose: c.purpose,
    treatmentKind: c.treatmentKind,
    documentVersion: c.version,
    documentTitle: c.documentTitle,
    language: c.language,
    method: c.method,
    typedName: c.typedName,
    witnessName: c.witnessName,
    recordedByName: c.recordedByName,
    teachBackRounds: c.teachBackRounds,
    signedAt: c.signedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    clinicName: c.clinicName,
    documentData: bytes.toString("base64"),
    documentSize: bytes.length,
    documentSha1: createHash("sha1").update(bytes).digest("base64"),
    documentSha256: c.sha256,
    documentPublishedAt: c.documentPublishedAt.toISOString(),
    version: c.withdrawnAt ? 2 : 1,
    lastUpdated: (c.withdrawnAt ?? c.signedAt).toISOString(),
  });
}

/** The columns of a ConsentSource, in SQL over `consents x` (for the Bulk Data export's cursor). */
export const consentSourceColumns = `x.id, x.patient_id as "patientId", x.purpose, x.treatment_kind as "treatmentKind",
       x.version, x.language, x.sha256, x.method, x.typed_name as "typedName", x.witness_name as "witnessName",
       x.teach_back_rounds as "teachBackRounds", x.signed_at as "signedAt", x.withdrawn_at as "withdrawnAt",
       (select s.name from staff_users s where s.id = x.recorded_by) as "recordedByName",
       (select cl.name from clinics cl where cl.id = x.clinic_id) as "clinicName",
       d.content->>'title' as "documentTitle", d.canonical_text as "canonicalText",
       d.published_at as "documentPublishedAt"`;
