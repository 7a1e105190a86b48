/**
 * A clinic's measurement plan (which questionnaires at which timepoint) and its confirmed
 * instrument licences. The plan is one row per scheduled timepoint; replacing the plan replaces
 * those rows (the audit trail keeps what it was). Licence confirmations are append-only: the
 * latest one for an instrument is the one that counts, earlier ones stay as history.
 * `updated_by` / `confirmed_by` are null when the system wrote them (a new clinic, the demo).
 */
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const planTimepoints = pgTable(
  "measurement_plan_timepoints",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    timepoint: text("timepoint").notNull(),
    /** Questionnaire ids in the order they are asked. */
    instruments: text("instruments").array().notNull(),
    updatedBy: uuid("updated_by").references(() => staffUsers.id),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.timepoint] }),
    index("measurement_plan_updated_by_idx").on(t.updatedBy),
  ],
);

export const instrumentLicences = pgTable(
  "instrument_licences",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    instrument: text("instrument").notNull(),
    /** The licence or agreement reference the administrator gave. */
    reference: text("reference").notNull(),
    confirmedBy: uuid("confirmed_by").references(() => staffUsers.id),
    confirmedAt: ts("confirmed_at").notNull(),
  },
  (t) => [
    index("instrument_licences_clinic_idx").on(t.clinicId, t.instrument, t.confirmedAt),
    index("instrument_licences_confirmed_by_idx").on(t.confirmedBy),
  ],
);
