/**
 * The audit trail's tables. `audit_events` holds one chain per clinic (plus one for events with no
 * clinic: the command line, sign-ins of unknown users): `chain_id` is the clinic's id or the nil
 * UUID, `chain_seq` the event's place in its chain (1, 2, 3, … with no gaps), and `hash` an
 * HMAC-SHA-256, under a key kept outside the database, over the event and the hash before it
 * (audit.ts). `seq` only numbers rows in the order they were written, for listing; it is not part
 * of any hash. `at` is stored to the millisecond (a CHECK), and the hash covers it to the
 * microsecond as PostgreSQL returns it, so a shift of a fraction of a millisecond shows.
 *
 * A trigger refuses UPDATE, DELETE and TRUNCATE on `audit_events` for everyone, the owner
 * included, and the app's role may only INSERT and SELECT it (roles.ts). A superuser can still
 * disable the trigger: the anchors written outside the database (audit-anchors.ts) catch that.
 *
 * `audit_key` records which key the chains are written with (an HMAC of a fixed text, never the
 * key), so a server started with another key refuses instead of writing a chain nobody can check.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The chain of events that belong to no clinic. */
export const SYSTEM_CHAIN = "00000000-0000-0000-0000-000000000000";

export const auditEvents = pgTable(
  "audit_events",
  {
    /** The order rows were written in, across chains (for listing; not hashed). */
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    /** The clinic's chain, or SYSTEM_CHAIN for events with no clinic. */
    chainId: uuid("chain_id")
      .notNull()
      .generatedAlwaysAs(sql`coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid)`),
    /** Position in the chain: 1, 2, 3, … with no gaps. */
    chainSeq: bigint("chain_seq", { mode: "number" }).notNull(),
    id: uuid("id").notNull().unique(),
    at: ts("at").notNull(),
    actorKind: text("actor_kind", { enum: ["staff", "patient", "system", "anonymous"] }).notNull(),
    actorId: text("actor_id"),
    clinicId: uuid("clinic_id"),
    patientId: uuid("patient_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /** The key the hash was made with (audit_key.key_id); null only for events from before keyed chains, until re-chained. */
    keyId: text("key_id"),
  },
  (t) => [
    uniqueIndex("audit_chain_seq_key").on(t.chainId, t.chainSeq),
    index("audit_patient_idx").on(t.clinicId, t.patientId, t.at),
    index("audit_chain_at_idx").on(t.chainId, t.at),
    // Events from before keyed chains, until re-chained: empty afterwards, so checking is instant.
    index("audit_unchained_idx").on(t.seq).where(sql`${t.keyId} is null`),
    check("audit_events_at_ms", sql`${t.at} = date_trunc('milliseconds', ${t.at})`),
  ],
);

export const auditKey = pgTable(
  "audit_key",
  {
    /** One row. */
    singleton: boolean("singleton").primaryKey().default(true),
    keyId: text("key_id").notNull(),
    since: ts("since").notNull().defaultNow(),
  },
  (t) => [check("audit_key_one_row", sql`${t.singleton}`)],
);
