/**
 * Red-flag intakes: the patient's answers verbatim, the rules version that judged them, the tier
 * and flags it gave (so a later rules change never rewrites what the clinic was told), and the
 * clinician's review. `flag_details` keeps each flag whole — what it suggested, the action, the
 * sources, the answers that raised it and any sooner deadline; intakes stored before it existed
 * (rules versions up to 2026-11-22.1) have only the flag ids. An intake at a tier that holds procedures blocks elective procedures until
 * `reviewed_at` is set (db/repos/intakes `procedureBlock`).
 */
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, patients, staffUsers } from "../schema";

/** A flag as stored: the domain's `TriageFlag` (kept as plain JSON). */
export type StoredFlag = {
  id: string;
  tier: "emergency" | "urgent" | "soon" | "none";
  suggests: string;
  action: string;
  source: string[];
  answer: { id: string; value: number | boolean | "unsure" }[];
  dueWithinHours: number | null;
};

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const intakes = pgTable(
  "intakes",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    answers: jsonb("answers").$type<Record<string, number | boolean | "unsure" | null>>().notNull(),
    rulesVersion: text("rules_version").notNull(),
    tier: text("tier", { enum: ["emergency", "urgent", "soon", "none"] }).notNull(),
    /** Ids of the rules that fired, most urgent first. */
    flags: text("flags").array().notNull(),
    /** The flags as given (domain/triage `TriageFlag`), most urgent first; null on older intakes. */
    flagDetails: jsonb("flag_details").$type<StoredFlag[]>(),
    source: text("source", { enum: ["portal", "clinic"] }).notNull(),
    /** The patient account or staff user who submitted it. */
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: ts("submitted_at").notNull(),
    reviewedAt: ts("reviewed_at"),
    reviewedBy: uuid("reviewed_by").references(() => staffUsers.id),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("intakes_patient_idx").on(t.clinicId, t.patientId, t.submittedAt),
    index("intakes_reviewed_by_idx").on(t.reviewedBy),
    check("intakes_review_pair", sql`(${t.reviewedAt} is null) = (${t.reviewedBy} is null)`),
  ],
);
