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
