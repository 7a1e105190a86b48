/**
 * Background jobs: one row per run of a job (e.g. "follow-up-contacts:2026-03-02", the day's
 * invitations, reminders and escalations). Any server may work a job: it claims rows with
 * FOR UPDATE SKIP LOCKED, so two servers never run the same row at once, and a row left
 * `running` by a server that died is taken again after a while. The work itself is idempotent
 * (unique keys in the outbox and the task queue), so running a job again sends nothing twice.
 */
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinics, followUps, outboxMessages } from "../schema";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    /** One row per key: the same day's run is queued once however many servers ask. */
    key: text("key").notNull(),
    runAfter: ts("run_after").notNull(),
    status: text("status", { enum: ["pending", "running", "done", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    claimedAt: ts("claimed_at"),
    finishedAt: ts("finished_at"),
    /** What the run did (counts), for the operator. */
    result: jsonb("result").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex("jobs_key").on(t.key), index("jobs_status_idx").on(t.status, t.runAfter)],
);

/**
 * Each contact about a follow-up (0 the invitation, 1 and 2 the reminders), at most once: the
 * primary key is the idempotency key that makes a second runner, or a re-run after a crash,
 * write nothing. The message itself is the outbox row it names.
 */
export const followUpContacts = pgTable(
  "follow_up_contacts",
  {
    followUpId: uuid("follow_up_id")
      .notNull()
      .references(() => followUps.id),
    number: integer("number").notNull(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** Null when the patient has no e-mail to write to (the contact is recorded, nothing is sent). */
    outboxMessageId: uuid("outbox_message_id").references(() => outboxMessages.id),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.followUpId, t.number] }),
    index("follow_up_contacts_clinic_idx").on(t.clinicId),
    index("follow_up_contacts_outbox_idx").on(t.outboxMessageId),
  ],
);
