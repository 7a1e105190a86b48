/**
 * Clinic tasks: one work queue for staff, written by any feature inside its own transaction
 * (triage, follow-up escalation, adverse events). A task names what created it (`source_type`,
 * `source_id`) so the screen can link to it and so the feature can close it when its source is
 * dealt with. `dedupe_key`, when given, makes creation idempotent (a job that runs twice opens
 * one task). A closed task keeps who closed it and when; a task is never deleted.
 */
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id").references(() => patients.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    priority: text("priority", { enum: ["emergency", "urgent", "soon", "routine"] }).notNull(),
    dueAt: ts("due_at"),
    assignedRole: text("assigned_role", { enum: ["clinician", "coordinator"] }).notNull(),
    status: text("status", { enum: ["open", "done", "cancelled"] })
      .notNull()
      .default("open"),
    sourceType: text("source_type"),
    sourceId: uuid("source_id"),
    /**
     * Closed by the feature that made it when its source is dealt with (a triage task closes when
     * a clinician reviews the triage), so the generic "complete" refuses it.
     */
    closesWithSource: boolean("closes_with_source").notNull().default(false),
    dedupeKey: text("dedupe_key"),
    /** Null when the system created it (a job, a patient's intake). */
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    completedAt: ts("completed_at"),
    completedBy: uuid("completed_by").references(() => staffUsers.id),
    completionNote: text("completion_note"),
  },
  (t) => [
    index("tasks_queue_idx").on(t.clinicId, t.status, t.dueAt),
    index("tasks_patient_idx").on(t.clinicId, t.patientId),
    index("tasks_source_idx").on(t.sourceType, t.sourceId),
    index("tasks_completed_by_idx").on(t.completedBy),
    uniqueIndex("tasks_dedupe_key").on(t.clinicId, t.dedupeKey),
    check("tasks_closed_has_time", sql`(${t.status} = 'open') = (${t.completedAt} is null)`),
    check("tasks_source_pair", sql`(${t.sourceType} is null) = (${t.sourceId} is null)`),
  ],
);
