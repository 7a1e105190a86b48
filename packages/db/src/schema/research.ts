/**
 * The de-identified research export from the web app (db/research-export is the engine):
 *
 * - `data_use_acceptances`: who accepted which version of the clinic's data-use terms, and when.
 *   An export is queued only for someone who accepted the version in force; the rows stay, so
 *   the clinic can show who agreed to what.
 * - `research_exports`: one row per export asked for, with its cohort filter and format; the job
 *   runner writes the files under the data directory and records them with their SHA-256 (also in
 *   the audit event), and the row stays as the record of what left, when and for whom.
 * - `saved_cohorts`: named cohort filters (domain/research/saved-cohort.ts), one row per version —
 *   saving a name again adds the next version, old versions are never changed. The clinic is the
 *   owner's; a `network` cohort is readable by every clinic (its own RLS policy, migration 0028).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const dataUseAcceptances = pgTable(
  "data_use_acceptances",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    termsVersion: text("terms_version").notNull(),
    acceptedAt: ts("accepted_at").notNull(),
  },
  (t) => [uniqueIndex("data_use_acceptances_key").on(t.clinicId, t.staffUserId, t.termsVersion)],
);

export const researchExports = pgTable(
  "research_exports",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => staffUsers.id),
    format: text("format", { enum: ["redcap", "csv"] }).notNull(),
    /** The cohort filter (domain/research/cohort.ts), as asked. */
    cohort: jsonb("cohort").$type<Record<string, unknown>>().notNull(),
    termsVersion: text("terms_version").notNull(),
    status: text("status", { enum: ["queued", "running", "completed", "failed", "expired"] })
      .notNull()
      .default("queued"),
    progress: jsonb("progress").$type<{ done: number; total: number }>(),
    files: jsonb("files").$type<{ name: string; sha256: string; bytes: number; rows: number }[]>(),
    patients: integer("patients"),
    suppressed: integer("suppressed"),
    error: text("error"),
    createdAt: ts("created_at").notNull(),
    finishedAt: ts("finished_at"),
    expiresAt: ts("expires_at"),
  },
  (t) => [
    index("research_exports_clinic_idx").on(t.clinicId, t.createdAt),
    index("research_exports_expiry_idx").on(t.status, t.expiresAt),
  ],
);

export const savedCohorts = pgTable(
  "saved_cohorts",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    version: integer("version").notNull(),
    scope: text("scope", { enum: ["clinic", "network"] }).notNull(),
    /** The cohort filter (domain/research/cohort.ts), validated before it is stored. */
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull(),
    /** Null when saved from the command line. */
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("saved_cohorts_version_key").on(t.clinicId, t.name, t.version),
    index("saved_cohorts_scope_idx").on(t.scope, t.name),
  ],
);
