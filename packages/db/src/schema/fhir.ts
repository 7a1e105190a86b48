/**
 * SMART Backend Services clients (SMART App Launch 2.x): systems that read a clinic's data over
 * the FHIR API with a signed JWT instead of a browser session. Each belongs to one clinic and
 * sees only that clinic. Its public keys are stored as a JWKS (or fetched from `jwks_url`);
 * revoking sets `revoked_at`, and every token of the client stops working at once, since each
 * request checks the client row.
 *
 * `fhir_client_assertions` holds every accepted assertion's `jti` until it expires, so a replayed
 * assertion is refused by the primary key, whichever server receives it.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const fhirClients = pgTable(
  "fhir_clients",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    /** A JSON Web Key Set with the client's public keys ({"keys": [...]}); null with a URL. */
    jwks: jsonb("jwks").$type<{ keys: Record<string, unknown>[] }>(),
    jwksUrl: text("jwks_url"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    revokedAt: ts("revoked_at"),
    revokedBy: uuid("revoked_by"),
  },
  (t) => [index("fhir_clients_clinic_idx").on(t.clinicId, t.createdAt)],
);

export const fhirClientAssertions = pgTable(
  "fhir_client_assertions",
  {
    /** The client's clinic: every clinic table says whose it is (tenancy, clearing a clinic). */
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => fhirClients.id),
    jti: text("jti").notNull(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.jti] }),
    index("fhir_client_assertions_exp_idx").on(t.expiresAt),
  ],
);

/**
 * Bulk Data exports (FHIR Bulk Data IG v2): one row per kick-off, owned by the client that asked
 * (only its tokens poll, cancel or download) in its clinic. The job runner writes the NDJSON files
 * under the data directory and records them in `output`; they are deleted at `expires_at` (or on
 * cancel), and the row stays as the record of what was exported, when and for whom.
 */
export const fhirExports = pgTable(
  "fhir_exports",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id")
      .notNull()
      .references(() => fhirClients.id),
    level: text("level", { enum: ["system", "patient", "group"] }).notNull(),
    /** The Group of a group-level export ("treatment-fusion"). */
    groupId: text("group_id"),
    types: text("types").array().notNull(),
    since: ts("since"),
    /** The kick-off URL, as the manifest repeats it. */
    request: text("request").notNull(),
    status: text("status", {
      enum: ["accepted", "in-progress", "completed", "failed", "cancelled", "expired"],
    })
      .notNull()
      .default("accepted"),
    /** Source rows read of the total, and the type at hand (X-Progress). */
    progress: jsonb("progress").$type<{ done: number; total: number; type: string | null }>(),
    transactionTime: ts("transaction_time"),
    /** The files written: type, file name in the export's directory, resources in it. */
    output: jsonb("output").$type<{ type: string; file: string; count: number }[]>(),
    error: text("error"),
    createdAt: ts("created_at").notNull(),
    finishedAt: ts("finished_at"),
    expiresAt: ts("expires_at"),
  },
  (t) => [
    index("fhir_exports_client_idx").on(t.clinicId, t.clientId, t.createdAt),
    index("fhir_exports_expiry_idx").on(t.status, t.expiresAt),
  ],
);
