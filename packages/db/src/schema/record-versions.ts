/**
 * The earlier versions of clinical records that are updated in place (adverse events, treatments):
 * a record keeps its id, since follow-ups, problem reports and exports point at it, and each
 * change writes one row here with the record as it was, what changed, why and by whom. So a
 * record never silently loses what it said, and its history can be shown and exported.
 */
import type { FieldChange } from "@evident/domain/records/changes";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, patients } from "../schema";

export const recordVersions = pgTable(
  "record_versions",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    /** "adverse-event" or "treatment". */
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The version this change made; the snapshot is version - 1. */
    version: integer("version").notNull(),
    /** The whole record before the change, as stored. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changes: jsonb("changes").$type<FieldChange[]>().notNull(),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    uniqueIndex("record_versions_entity_version_key").on(t.entityType, t.entityId, t.version),
    index("record_versions_patient_idx").on(t.clinicId, t.patientId),
  ],
);
