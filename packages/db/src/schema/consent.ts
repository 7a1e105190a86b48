/**
 * E-consent (domain/consent). `consent_documents`: a clinic's consent documents, one row per
 * (purpose, treatment kind, language, version); a new version is a new row, never an update, and
 * each keeps its canonical text and that text's SHA-256. `consents`: what a patient signed — in
 * the portal (typed name, after the teach-back) or on paper (the witness's name, recorded by
 * staff) — with the document's id, version, hash and language as signed; a withdrawal sets
 * `withdrawn_at` once and nothing else changes.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const consentDocuments = pgTable(
  "consent_documents",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    purpose: text("purpose", { enum: ["procedure", "research", "story"] }).notNull(),
    /** The investigational kind of a procedure consent; null for research and story consent. */
    treatmentKind: text("treatment_kind"),
    language: text("language", { enum: ["en", "es"] }).notNull(),
    version: integer("version").notNull(),
    templateVersion: text("template_version").notNull(),
    /** The rendered document (domain ConsentDocumentContent). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    canonicalText: text("canonical_text").notNull(),
    /** SHA-256 of `canonical_text` (UTF-8), hex. */
    sha256: text("sha256").notNull(),
    price: jsonb("price").$type<{ amount: number; currency: string }>(),
    publishedBy: uuid("published_by").references(() => staffUsers.id),
    publishedAt: ts("published_at").notNull(),
  },
  (t) => [
    unique("consent_documents_version_key")
      .on(t.clinicId, t.purpose, t.treatmentKind, t.language, t.version)
      .nullsNotDistinct(),
    check(
      "consent_documents_kind_check",
      sql`(${t.purpose} = 'procedure') = (${t.treatmentKind} is not null)`,
    ),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => consentDocuments.id),
    purpose: text("purpose", { enum: ["procedure", "research", "story"] }).notNull(),
    treatmentKind: text("treatment_kind"),
    version: integer("version").notNull(),
    language: text("language", { enum: ["en", "es"] }).notNull(),
    /** The document's hash as signed. */
    sha256: text("sha256").notNull(),
    method: text("method", { enum: ["portal", "paper"] }).notNull(),
    /** Portal: the name the patient typed. */
    typedName: text("typed_name"),
    /** Paper: who witnessed the signature, and the staff member who recorded it. */
    witnessName: text("witness_name"),
    recordedBy: uuid("recorded_by").references(() => staffUsers.id),
    /** Portal: how many rounds of the teach-back it took to answer all three right. */
    teachBackRounds: integer("teach_back_rounds"),
    signedAt: ts("signed_at").notNull(),
    withdrawnAt: ts("withdrawn_at"),
  },
  (t) => [
    index("consents_patient_idx").on(t.clinicId, t.patientId, t.purpose),
    // A patient's latest research consent, looked up once per treatment or answer by every pooled
    // figure (research-consent-sql.ts): without it each lookup read the whole table.
    index("consents_research_latest_idx")
      .on(t.patientId, t.signedAt.desc().nullsFirst())
      .where(sql`${t.purpose} = 'research'`),
    index("consents_withdrawn_idx")
      .on(t.patientId)
      .where(sql`${t.withdrawnAt} is not null and ${t.purpose} = 'research'`),
    check(
      "consents_method_check",
      sql`(${t.method} = 'portal' and ${t.typedName} is not null) or (${t.method} = 'paper' and ${t.witnessName} is not null and ${t.recordedBy} is not null)`,
    ),
  ],
);
