/**
 * Patients' stories (domain/stories). Staff draft a story from what the patient told them (the
 * text is theirs, checked for identifiers on every save); a clinician approves it, which publishes
 * it on the patient's story consent of that moment (`consent_id`). A withdrawal of that consent
 * sets `withdrawn_at` at once and the story is never shown again; the row stays, with its audit
 * events, as the record of what was published and when. The numbers shown beside a story are not
 * stored: they are read from the patient's answers each time.
 */
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, staffUsers, treatments } from "../schema";
import { consents } from "./consent";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const stories = pgTable(
  "stories",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    treatmentId: uuid("treatment_id")
      .notNull()
      .references(() => treatments.id),
    /** The treatment's kind when drafted: what the decision aid shows the story beside. */
    treatmentKind: text("treatment_kind").notNull(),
    language: text("language", { enum: ["en", "es"] }).notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["draft", "published", "withdrawn"] }).notNull(),
    draftedBy: uuid("drafted_by").references(() => staffUsers.id),
    draftedAt: ts("drafted_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    approvedBy: uuid("approved_by").references(() => staffUsers.id),
    /** The story consent it was published on. */
    consentId: uuid("consent_id").references(() => consents.id),
    publishedAt: ts("published_at"),
    withdrawnAt: ts("withdrawn_at"),
  },
  (t) => [
    index("stories_patient_idx").on(t.clinicId, t.patientId),
    index("stories_published_idx")
      .on(t.clinicId, t.treatmentKind, t.publishedAt)
      .where(sql`${t.status} = 'published'`),
    check(
      "stories_status_check",
      sql`(${t.status} = 'draft' and ${t.publishedAt} is null) or (${t.status} = 'published' and ${t.publishedAt} is not null and ${t.approvedBy} is not null and ${t.consentId} is not null) or (${t.status} = 'withdrawn' and ${t.withdrawnAt} is not null)`,
    ),
  ],
);
