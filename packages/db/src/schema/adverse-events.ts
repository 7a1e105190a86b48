/**
 * Problems patients report from the portal ("report a problem"): kept as they were reported, with
 * the advice shown and the task opened, and linked to the adverse event a clinician records from
 * it (if any). The adverse events themselves are the core `adverse_events` table.
 */
import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { adverseEvents, clinics, patients, treatments } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const problemReports = pgTable(
  "problem_reports",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    symptoms: text("symptoms").array().notNull(),
    details: text("details"),
    onsetDate: date("onset_date").notNull(),
    /** The latest procedure before the report, which made it urgent (or not). */
    treatmentId: uuid("treatment_id").references(() => treatments.id),
    urgent: boolean("urgent").notNull(),
    taskId: uuid("task_id"),
    adverseEventId: uuid("adverse_event_id").references(() => adverseEvents.id),
    reportedAt: ts("reported_at").notNull(),
  },
  (t) => [
    index("problem_reports_patient_idx").on(t.clinicId, t.patientId),
    index("problem_reports_treatment_idx").on(t.treatmentId),
    index("problem_reports_ae_idx").on(t.adverseEventId),
  ],
);
