/** Patients, their portal accounts and invitations, and the sign-in sessions and attempts of staff and patients. */
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinicRef, staffUsers } from "./clinics";
import { createdAt, ts } from "./columns";

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    birthDate: date("birth_date").notNull(),
    sex: text("sex", { enum: ["female", "male", "other", "unknown"] }).notNull(),
    email: text("email"),
    phone: text("phone"),
    mrn: text("mrn"),
    /**
     * The language the patient reads: the portal opens in it, and every e-mail they get (portal
     * invitation, follow-up invitations and reminders, diary reminders, password resets) is
     * written in it. Set by staff at registration, changed by the patient with the portal's switch.
     */
    language: text("language", { enum: ["en", "es"] })
      .notNull()
      .default("en"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    /**
     * FHIR Patient meta.versionId and meta.lastUpdated: raised by the `bump_row_version` trigger on
     * every change to the row, whoever makes it; `updated_at` is the writer's time, or the
     * statement's when the writer did not set it.
     */
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    index("patients_clinic_name_idx").on(t.clinicId, t.familyName, t.givenName),
    uniqueIndex("patients_clinic_mrn_key").on(t.clinicId, t.mrn),
  ],
);

export const patientAccounts = pgTable(
  "patient_accounts",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    email: text("email").notNull(),
    passwordHash: text("password_hash"),
    activatedAt: ts("activated_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("patient_accounts_patient_key").on(t.patientId),
    uniqueIndex("patient_accounts_email_key").on(sql`lower(${t.email})`),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    /**
     * SHA-256 of the token. Null until the message is handed to SMTP: the token is made at that
     * moment and exists only in the e-mail (db/repos/account-links.ts).
     */
    tokenHash: text("token_hash"),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_patient_idx").on(t.clinicId, t.patientId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie value. */
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["staff", "patient"] }).notNull(),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    patientAccountId: uuid("patient_account_id").references(() => patientAccounts.id),
    clinicId: clinicRef(),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    /** A name for the session in lists and in "end this session" (the id is the cookie's hash). */
    handle: uuid("handle").notNull().default(sql`gen_random_uuid()`),
    /** Client address and browser at sign-in, to help people recognise their sessions. */
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    uniqueIndex("sessions_handle_key").on(t.handle),
    index("sessions_staff_user_idx").on(t.staffUserId),
    index("sessions_patient_account_idx").on(t.patientAccountId),
    check(
      "sessions_one_principal",
      sql`(${t.kind} = 'staff' and ${t.staffUserId} is not null) or (${t.kind} = 'patient' and ${t.patientAccountId} is not null)`,
    ),
  ],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey(),
    /** Lower-cased e-mail tried, which sign-in (staff or patient), and the client address. */
    email: text("email").notNull(),
    kind: text("kind", { enum: ["staff", "patient"] })
      .notNull()
      .default("staff"),
    ip: text("ip").notNull(),
    /** SHA-256 of the browser's device cookie, if it sent one (server/auth/throttle.ts). */
    device: text("device"),
    succeeded: boolean("succeeded").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.at),
    index("login_attempts_ip_idx").on(t.ip, t.at),
    index("login_attempts_at_idx").on(t.at),
  ],
);
