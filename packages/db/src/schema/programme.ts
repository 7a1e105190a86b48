/**
 * Sessions of an exercise or physiotherapy programme the patient says they did: one row per
 * patient, treatment and day. The programme itself (sessions a week, for how many weeks) is the
 * treatment's procedure record; these rows are what the portal counts against it.
 */
import { date, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, treatments } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const programmeSessions = pgTable(
  "programme_sessions",
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
    sessionDate: date("session_date").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("programme_sessions_treatment_day_key").on(t.treatmentId, t.sessionDate),
    index("programme_sessions_patient_idx").on(t.clinicId, t.patientId),
  ],
);
