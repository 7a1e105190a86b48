/**
 * A clinic's public track record (server/routes/track-record): whether its administrators have
 * published it, and the address it is published under. One row per clinic, created at the first
 * publication; unpublishing keeps the row (and its slug) with `published` false. The page's
 * figures are not stored: they are computed from the outcome summaries when it is read.
 */
import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const clinicTrackRecords = pgTable("clinic_track_records", {
  clinicId: uuid("clinic_id")
    .primaryKey()
    .references(() => clinics.id),
  /** The page's address (/clinics/{slug}/track-record): lower-case letters, digits and hyphens. */
  slug: text("slug").notNull().unique("clinic_track_records_slug_key"),
  published: boolean("published").notNull().default(false),
  /** The latest publication (null: never published). */
  publishedAt: ts("published_at"),
  changedBy: uuid("changed_by").references(() => staffUsers.id),
  changedAt: ts("changed_at").notNull(),
});
