/**
 * Outcome summaries: what the outcomes pages and "people like you" read instead of every answer.
 * Each table holds counts only, per clinic and treatment kind (a "slice"), keyed so that summing
 * rows across clinics or across a range of a key gives the pooled figure. No row names a patient,
 * a treatment or a follow-up.
 *
 * They are kept current by `summary_dirty`: triggers on every table an outcome is computed from
 * queue the (clinic, kind) slices a write can change, in the write's own transaction; the job
 * runner (and any outcomes read, before it reads) recomputes those slices from the same SQL the
 * direct computation uses (db/repos/summaries.ts). Figures that depend on the day (survival, what
 * has fallen due for "people like you") are computed for the slice's `as_of` day and recomputed
 * when the day changes.
 */
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Slices a write may have changed, queued by triggers in the write's transaction. Kind null: every kind of the clinic. */
export const summaryDirty = pgTable(
  "summary_dirty",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind"),
    queuedAt: ts("queued_at").notNull().defaultNow(),
  },
  (t) => [index("summary_dirty_clinic_idx").on(t.clinicId)],
);

/** One row per (clinic, kind) slice: when and for which day it was last computed, and its version. */
export const summarySlices = pgTable(
  "summary_slices",
  {
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind").notNull(),
    /** The day the day-dependent parts were computed for. */
    asOf: date("as_of").notNull(),
    refreshedAt: ts("refreshed_at").notNull(),
    /** From a sequence: cached results computed from older versions are not used. */
    version: bigint("version", { mode: "number" }).notNull(),
    /** Episodes whose first treatment (on or before `as_of`) is of this kind. */
    firstTreatments: integer("first_treatments").notNull(),
    /** Of those, the episodes of patients who have not withdrawn research consent (pooled figures). */
    pooledFirstTreatments: integer("pooled_first_treatments").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.kind] })],
);

/** Per clinic: patients with at least one treatment (not additive over kinds, so kept apart). */
export const summaryClinics = pgTable("summary_clinics", {
  clinicId: uuid("clinic_id").primaryKey(),
  patients: integer("patients").notNull(),
  /** Of those, patients who have not withdrawn research consent (pooled figures). */
  pooledPatients: integer("pooled_patients").notNull().default(0),
  refreshedAt: ts("refreshed_at").notNull(),
  /** From the same sequence, new at every refresh of the clinic: what a cached comparison is keyed by. */
  version: bigint("version", { mode: "number" }).notNull(),
});

/** Follow-ups alike in kind, timepoint, window and recorded events (the report's follow-up tallies). */
export const outcomeFollowUpSummary = pgTable(
  "outcome_follow_up_summary",
  {
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind").notNull(),
    timepoint: text("timepoint").notNull(),
    windowStart: date("window_start").notNull(),
    windowEnd: date("window_end").notNull(),
    completed: boolean("completed").notNull(),
    cancelled: boolean("cancelled").notNull(),
    /** The earliest in the group (only whether there is one matters to the report). */
    completedAt: ts("completed_at"),
    cancelledAt: ts("cancelled_at"),
    n: integer("n").notNull(),
    /** Counted in pooled figures: no patient in the row has withdrawn research consent. */
    pooled: boolean("pooled").notNull().default(true),
  },
  (t) => [index("outcome_follow_up_summary_slice_idx").on(t.clinicId, t.kind)],
);

/** Answers per (kind, timepoint, instrument, baseline score, follow-up score): the exact histogram of change. */
export const outcomeAnswerSummary = pgTable(
  "outcome_answer_summary",
  {
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind").notNull(),
    timepoint: text("timepoint").notNull(),
    instrument: text("instrument").notNull(),
    baseline: doublePrecision("baseline"),
    followUp: doublePrecision("follow_up").notNull(),
    n: integer("n").notNull(),
    /** Counted in pooled figures (research consent not withdrawn). */
    pooled: boolean("pooled").notNull().default(true),
  },
  (t) => [
    index("outcome_answer_summary_slice_idx").on(t.clinicId, t.kind),
    index("outcome_answer_summary_read_idx").on(t.instrument, t.timepoint),
  ],
);

/** Surgery-free survival tallies by first treatment: (kind, days, event) counted. */
export const survivalSummary = pgTable(
  "survival_summary",
  {
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind").notNull(),
    days: integer("days").notNull(),
    surgery: boolean("surgery").notNull(),
    n: integer("n").notNull(),
    /** Counted in pooled figures (research consent not withdrawn). */
    pooled: boolean("pooled").notNull().default(true),
  },
  (t) => [index("survival_summary_slice_idx").on(t.clinicId, t.kind)],
);

/**
 * "People like you": treatments counted by the matching dimensions (the baseline Oswestry score,
 * STarT Back group, pain-duration band — stored as the band's first week — and age), and per
 * decision-aid timepoint how many had fallen due, how many have a score before and after, and how
 * many of those improved on back pain. A patient's figure sums the rows within their range.
 */
export const registrySummary = pgTable(
  "registry_summary",
  {
    clinicId: uuid("clinic_id").notNull(),
    kind: text("kind").notNull(),
    odi: doublePrecision("odi"),
    startBack: text("start_back"),
    weeks: integer("weeks"),
    age: integer("age"),
    treated: integer("treated").notNull(),
    /**
     * Per decision-aid timepoint: how many had fallen due, had a score before and after, and
     * improved. Integer columns, not one jsonb object: a figure sums tens of thousands of rows.
     */
    due3m: integer("due_3m").notNull(),
    n3m: integer("n_3m").notNull(),
    responders3m: integer("responders_3m").notNull(),
    due6m: integer("due_6m").notNull(),
    n6m: integer("n_6m").notNull(),
    responders6m: integer("responders_6m").notNull(),
    due12m: integer("due_12m").notNull(),
    n12m: integer("n_12m").notNull(),
    responders12m: integer("responders_12m").notNull(),
  },
  (t) => [index("registry_summary_slice_idx").on(t.clinicId, t.kind, t.odi)],
);

/**
 * The adjusted comparison's result (aggregates only), cached per scope and question for one day
 * and one data version. `clinic_id` null: all clinics pooled (researchers).
 */
export const comparisonCache = pgTable(
  "comparison_cache",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id"),
    question: text("question").notNull(),
    asOf: date("as_of").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    result: jsonb("result").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("comparison_cache_key_idx").on(t.question, t.asOf, t.version)],
);

/** Numbers slice refreshes, so a cached comparison knows whether its data changed. */
export const summaryVersionSeq = pgSequence("summary_version_seq");
