/**
 * Account links and recovery codes. An account link is a one-time link e-mailed to a person: a
 * staff invitation (set a first password) or a password reset, for staff or for a patient. Like a
 * portal invitation, its token is made when the e-mail is handed to SMTP and only its SHA-256 is
 * kept, so nobody reading the database or the outbox can use it.
 *
 * Recovery codes are the staff's way in when their authenticator is lost: ten per enrolment,
 * shown once, each stored as its SHA-256 (they are random, so a fast hash is enough) and good
 * once.
 */
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, patientAccounts, staffUsers } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const accountLinks = pgTable(
  "account_links",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    purpose: text("purpose", { enum: ["staff-invitation", "password-reset"] }).notNull(),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    patientAccountId: uuid("patient_account_id").references(() => patientAccounts.id),
    /** SHA-256 of the token, set when the e-mail is sent; null before. */
    tokenHash: text("token_hash"),
    expiresAt: ts("expires_at").notNull(),
    /** Used, or withdrawn by a newer link of the same purpose. */
    usedAt: ts("used_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("account_links_token_key").on(t.tokenHash),
    index("account_links_staff_idx").on(t.staffUserId),
    index("account_links_patient_idx").on(t.patientAccountId),
    check("account_links_one_person", sql`(${t.staffUserId} is null) <> (${t.patientAccountId} is null)`),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text("code_hash").notNull(),
    usedAt: ts("used_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex("recovery_codes_user_code_key").on(t.staffUserId, t.codeHash)],
);
