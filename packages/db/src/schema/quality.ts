/**
 * Data-quality runs (domain/quality): each run of the rules over a clinic, its count per rule,
 * and the records each rule found. Pages read the stored result with its "as of" time instead of
 * checking every record on every visit.
 *
 * `quality_counts` holds counts only (clinic, rule, count, as of) and is one of the research
 * role's aggregate tables (roles.ts AGGREGATE_TABLES): researchers read it across clinics.
 * `quality_findings` names records (patient, treatment, follow-up, answer ids) and is never
 * granted to that role; only the latest run's findings are kept for each clinic.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const qualityRuns = pgTable(
  "quality_runs",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** The instant the records were read: what the counts are "as of". */
    asOf: ts("as_of").notNull(),
    /** nightly (the job runner), on-demand (a staff member), command-line. */
    trigger: text("trigger", { enum: ["nightly", "on-demand", "command-line"] }).notNull(),
    /** The staff member who asked for it; null for the job runner and the command line. */
    ranBy: uuid("ran_by"),
    patientsChecked: integer("patients_checked").notNull(),
  },
  (t) => [index("quality_runs_clinic_idx").on(t.clinicId, t.asOf)],
);

export const qualityCounts = pgTable(
  "quality_counts",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => qualityRuns.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    rule: text("rule").notNull(),
    count: integer("count").notNull(),
    asOf: ts("as_of").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.rule] }),
    index("quality_counts_clinic_idx").on(t.clinicId, t.asOf),
  ],
);

export const qualityFindings = pgTable(
  "quality_findings",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => qualityRuns.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    rule: text("rule").notNull(),
    recordType: text("record_type", { enum: ["patient", "treatment", "follow-up", "response"] }).notNull(),
    recordId: uuid("record_id").notNull(),
    patientId: uuid("patient_id").notNull(),
    note: text("note").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.rule, t.recordId] }),
    index("quality_findings_clinic_idx").on(t.clinicId),
  ],
);
