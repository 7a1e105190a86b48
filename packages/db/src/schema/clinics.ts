/** Clinics and their staff: the tenant every clinical row belongs to, and who works there. */
import { sql } from "drizzle-orm";
import { bigint, boolean, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, ts } from "./columns";

/** The owning clinic of a clinical row (the tenancy key). */
export const clinicRef = () =>
  uuid("clinic_id")
    .notNull()
    .references(() => clinics.id);

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  /** IANA time zone (validated with Intl): local evening for the diary reminder, and so on. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Every staff member must sign in with a second factor (admins must whatever this says). */
  requireMfa: boolean("require_mfa").notNull().default(false),
  /** ISO 3166-1 alpha-2: gives the default emergency number (domain/emergency-number.ts). */
  country: text("country").notNull().default("US"),
  /** The number patients are told to call in an emergency; null: the country's default. */
  emergencyNumber: text("emergency_number"),
  /**
   * The clinic's administrators agree that researchers see its name on the benchmarking funnel
   * (otherwise only its stable label); changed through the clinic's settings, audited.
   */
  benchmarkNamed: boolean("benchmark_named").notNull().default(false),
});

export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "clinician", "coordinator", "researcher"] }).notNull(),
    /** Null until an invited staff member sets a password through their invitation link. */
    passwordHash: text("password_hash"),
    /** When the account was first usable (created with a password, or its invitation accepted). */
    activatedAt: ts("activated_at"),
    disabledAt: ts("disabled_at"),
    /** The TOTP secret, sealed with the server's secret key (server/auth/secret-box.ts). */
    mfaSecret: text("mfa_secret"),
    /** Set once enrolment was confirmed with a code; null while enrolment is only started. */
    mfaEnabledAt: ts("mfa_enabled_at"),
    /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238 section 5.2). */
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_users_email_key").on(sql`lower(${t.email})`)],
);
