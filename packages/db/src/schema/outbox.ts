/** The transactional outbox: every e-mail is a row written with the change that caused it, sent by the job runner. */
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinicRef } from "./clinics";
import { createdAt, ts } from "./columns";
import { patients } from "./patients";

export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey(),
    clinicId: clinicRef(),
    patientId: uuid("patient_id").references(() => patients.id),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /**
     * pending: waiting for SMTP (or for none: shown in the app); sent; failed (after retries);
     * withdrawn: not sent because it no longer applied (a reminder for a follow-up answered first).
     */
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "withdrawn"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * The invitation or account link (password reset, staff invitation) whose token this message
     * carries: the token is made when the message is sent and put in the body only then.
     */
    linkId: uuid("link_id"),
    /** Makes a message idempotent: the same key is never queued twice. */
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    /** When a dispatcher took it; a claim older than a few minutes belongs to a dead dispatcher. */
    claimedAt: ts("claimed_at"),
    sentAt: ts("sent_at"),
    /** Set with status `withdrawn`: when, and why in words staff can read (the patient answered…). */
    withdrawnAt: ts("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_status_idx").on(t.status, t.createdAt),
  ],
);
