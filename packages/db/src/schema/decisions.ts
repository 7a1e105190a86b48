/**
 * Decisions made with the decision aid: the patient's values and choice with the versions of the
 * content and the values questions they saw, and the language they read them in (so the record
 * shows exactly what the patient read).
 * Append-only: changing one's mind is a new row.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, patients } from "../schema";

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    contentVersion: text("content_version").notNull(),
    valuesVersion: text("values_version").notNull(),
    values: jsonb("values").$type<Record<string, number>>().notNull(),
    /** A decision-aid option id, or "unsure". */
    choice: text("choice").notNull(),
    questions: text("questions"),
    /** The language the patient read the decision aid in (the content is the same version). */
    language: text("language", { enum: ["en", "es"] })
      .notNull()
      .default("en"),
    source: text("source", { enum: ["portal", "clinic"] }).notNull(),
    /** The patient account (portal) or staff user (clinic) who saved it. */
    savedBy: uuid("saved_by").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("decisions_patient_idx").on(t.clinicId, t.patientId, t.decidedAt)],
);
