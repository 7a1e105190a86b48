/**
 * The pain diary: one entry per patient per day (the patient may correct the day's entry; the
 * audit trail keeps each change), and whether they want a daily reminder.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinics, patients } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type DiaryMedicationRow = { drug: string; name?: string; dose: number; dosesPerDay: number };

export const painDiaryEntries = pgTable(
  "pain_diary_entries",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    entryDate: date("entry_date").notNull(),
    backPain: integer("back_pain").notNull(),
    legPain: integer("leg_pain").notNull(),
    note: text("note"),
    medications: jsonb("medications").$type<DiaryMedicationRow[]>().notNull().default([]),
    /** Morphine milligram equivalents that day, computed with `mme_table`'s factors. */
    mme: real("mme").notNull().default(0),
    mmeTable: text("mme_table").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("pain_diary_patient_day_key").on(t.patientId, t.entryDate),
    index("pain_diary_clinic_idx").on(t.clinicId, t.patientId),
    check("pain_diary_back_range", sql`${t.backPain} between 0 and 10`),
    check("pain_diary_leg_range", sql`${t.legPain} between 0 and 10`),
  ],
);

export const diarySettings = pgTable(
  "diary_settings",
  {
    patientId: uuid("patient_id")
      .primaryKey()
      .references(() => patients.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    reminder: boolean("reminder").notNull().default(false),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("diary_settings_clinic_idx").on(t.clinicId)],
);
