/**
 * Candidacy assessments for a regenerative disc procedure, as signed off by a clinician: the
 * facts entered, the criteria version and the full result (every criterion met, unmet or unknown
 * with its source) as it was shown at sign-off. Append-only: a new assessment is a new row.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, staffUsers } from "../schema";

export const candidacyAssessments = pgTable(
  "candidacy_assessments",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    criteriaVersion: text("criteria_version").notNull(),
    outcome: text("outcome", { enum: ["eligible", "not-eligible", "needs-more-information"] }).notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    note: text("note"),
    signedBy: uuid("signed_by")
      .notNull()
      .references(() => staffUsers.id),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    index("candidacy_patient_idx").on(t.clinicId, t.patientId, t.signedAt),
    index("candidacy_signed_by_idx").on(t.signedBy),
  ],
);
