/**
 * Care: episodes, treatments, scheduled follow-ups, questionnaire responses (answers verbatim with
 * the instrument version and derived scores) and adverse events.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, ts } from "./columns";
import { patients } from "./patients";

export const episodes = pgTable(
  "episodes",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    condition: text("condition").notNull(),
    spinalLevels: text("spinal_levels").array().notNull().default(sql`'{}'::text[]`),
    onsetDate: date("onset_date"),
    createdAt: createdAt(),
    /** FHIR Condition meta.versionId and meta.lastUpdated, kept as the patients' are (trigger). */
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at"),
  },
  (t) => [index("episodes_patient_idx").on(t.clinicId, t.patientId)],
);

export const treatments = pgTable(
  "treatments",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    kind: text("kind").notNull(),
    treatmentDate: date("treatment_date").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Investigational kinds only: the candidacy sign-off the treatment was recorded on, or the
     * clinician's override with its reason (api TreatmentCandidacy); null for other kinds.
     */
    candidacy: jsonb("candidacy").$type<Record<string, unknown>>(),
    /**
     * Investigational kinds only: the signed procedure consent the treatment was recorded on, or
     * the clinician's override with its reason (api TreatmentConsent); null for other kinds.
     */
    consent: jsonb("consent").$type<Record<string, unknown>>(),
    recordedBy: uuid("recorded_by"),
    createdAt: createdAt(),
    /** Raised by each correction; the earlier versions are in `record_versions`. */
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    index("treatments_patient_idx").on(t.clinicId, t.patientId),
    index("treatments_kind_idx").on(t.clinicId, t.kind),
    index("treatments_episode_idx").on(t.episodeId, t.treatmentDate),
  ],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    episodeId: uuid("episode_id")
      .notNull()
      .references(() => episodes.id),
    /** Null for the baseline, which precedes any treatment. */
    treatmentId: uuid("treatment_id").references(() => treatments.id),
    timepoint: text("timepoint").notNull(),
    dueDate: date("due_date").notNull(),
    windowStart: date("window_start").notNull(),
    windowEnd: date("window_end").notNull(),
    instruments: text("instruments").array().notNull(),
    /** Recorded events only; upcoming/open/missed are derived from the window and the date. */
    status: text("status", { enum: ["scheduled", "completed", "cancelled"] })
      .notNull()
      .default("scheduled"),
    completedAt: ts("completed_at"),
    cancelledAt: ts("cancelled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("follow_ups_patient_idx").on(t.clinicId, t.patientId),
    index("follow_ups_episode_idx").on(t.episodeId),
    index("follow_ups_window_idx").on(t.clinicId, t.status, t.windowStart),
    uniqueIndex("follow_ups_treatment_timepoint_key").on(t.treatmentId, t.timepoint),
  ],
);

export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    episodeId: uuid("episode_id").references(() => episodes.id),
    followUpId: uuid("follow_up_id").references(() => followUps.id),
    instrument: text("instrument").notNull(),
    instrumentVersion: text("instrument_version").notNull(),
    timepoint: text("timepoint").notNull(),
    answers: jsonb("answers").$type<Record<string, number | boolean | null>>().notNull(),
    score: jsonb("score").$type<number | null>(),
    scoreDetail: jsonb("score_detail").$type<Record<string, unknown>>().notNull().default({}),
    completedAt: ts("completed_at").notNull(),
    source: text("source", { enum: ["portal", "clinic", "import", "demo"] }).notNull(),
    enteredBy: uuid("entered_by"),
    createdAt: createdAt(),
    /**
     * A submitted response is never changed: a correction is a new row naming the one it
     * corrects and why, and the corrected row gets `superseded_at`. Current = not superseded.
     */
    supersedesId: uuid("supersedes_id").references((): AnyPgColumn => questionnaireResponses.id),
    correctionReason: text("correction_reason"),
    supersededAt: ts("superseded_at"),
  },
  (t) => [
    index("responses_patient_idx").on(t.clinicId, t.patientId, t.instrument),
    index("responses_follow_up_idx").on(t.followUpId),
    index("responses_episode_idx").on(t.episodeId, t.instrument, t.completedAt),
    // One correction per version: corrections form a chain, never a fork.
    uniqueIndex("responses_supersedes_key").on(t.supersedesId).where(sql`${t.supersedesId} is not null`),
    check(
      "responses_correction_has_reason",
      sql`(${t.supersedesId} is null) = (${t.correctionReason} is null)`,
    ),
  ],
);

export const adverseEvents = pgTable(
  "adverse_events",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    treatmentId: uuid("treatment_id").references(() => treatments.id),
    kind: text("kind").notNull(),
    onsetDate: date("onset_date").notNull(),
    /** CTCAE grade 1–5. */
    severity: integer("severity").notNull(),
    serious: boolean("serious").notNull().default(false),
    description: text("description"),
    createdAt: createdAt(),
    /** ICH E2A criteria met (empty: not serious); `serious` is true exactly when this is not empty. */
    seriousness: text("seriousness").array().notNull().default(sql`'{}'::text[]`),
    /** unrelated … definite; null while not assessed. */
    relatedness: text("relatedness"),
    /** Listed in the consent and product information; null while not assessed. */
    expected: boolean("expected"),
    outcome: text("outcome").notNull().default("unknown"),
    actions: text("actions"),
    /** The day the clinic learned of it: the reporting clock starts here. */
    awareDate: date("aware_date"),
    /** The expedited report's due date (ICH E2A: 7 or 15 days), null when none is needed. */
    reportDueDate: date("report_due_date"),
    reportSubmittedAt: ts("report_submitted_at"),
    /** "staff", or "patient" when recorded from the patient's own report. */
    source: text("source").notNull().default("staff"),
    recordedBy: uuid("recorded_by"),
    /**
     * Day 0 of the current reporting clock: the day the clinic learned the event qualified as it
     * is now classified (null on rows from before updates existed: the aware date).
     */
    clockStartDate: date("clock_start_date"),
    /** Raised by each update; the earlier versions are in `record_versions`. */
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    index("adverse_events_patient_idx").on(t.clinicId, t.patientId),
    index("adverse_events_clock_idx").on(t.clinicId, t.reportDueDate),
    index("adverse_events_treatment_idx").on(t.treatmentId),
  ],
);
