/**
 * Questionnaires in progress in the portal, kept on the server so a patient can leave half-way
 * and resume later, on this device or another. One draft per follow-up, saved at each step and
 * deleted when the answers are submitted (in the same transaction).
 */
import { index, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, followUps, patients } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const responseDrafts = pgTable(
  "response_drafts",
  {
    followUpId: uuid("follow_up_id")
      .primaryKey()
      .references(() => followUps.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    /** Answers so far: questionnaire id → item id → answer. */
    answers: jsonb("answers").$type<Record<string, Record<string, number | boolean | null>>>().notNull(),
    /** The step the patient was on. */
    step: integer("step").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("response_drafts_patient_idx").on(t.clinicId, t.patientId)],
);
