/**
 * The outbox: every message the system sends is first a row here, written in the transaction that
 * decided to send it. Without SMTP they wait here, visible to staff in the app.
 *
 * Sending is one transaction per message, and the message is handed to SMTP inside it. That is
 * what makes "no reminder after the patient answered" hold even when the two happen at once:
 *
 * 1. the transaction first takes a share lock on the message's follow-up (if it is a follow-up
 *    contact) — the row a completion or cancellation updates — so a completion in progress is
 *    waited for, and a completion that starts now waits until the message is sent or not;
 * 2. then it locks the message with FOR UPDATE SKIP LOCKED (another dispatcher has it: skip) and
 *    re-reads it: a message already withdrawn or sent is left alone;
 * 3. it re-checks the follow-up: answered, cancelled or its window closed → the message is marked
 *    `withdrawn` with the reason, not sent;
 * 4. otherwise it sends, and records `sent` (or the error) before committing.
 *
 * Completion and cancellation withdraw the follow-up's queued messages in their own transaction
 * (`withdrawQueuedContacts`), after updating the follow-up: follow-up first, then messages, the
 * same order as here, so the two never deadlock. The price is that a completion may wait for one
 * SMTP hand-over (the mailer has short timeouts). A crash between SMTP's acceptance and the commit
 * sends the message again later, with the same Message-ID: at least once, never lost.
 *
 * A message that carries a one-time link (invitation, password reset) is stored without its token;
 * the token is made here, in the sending transaction, and exists only in what is sent
 * (`account-links.ts`).
 */
import { followUpStatus, toIsoDate } from "@evident/domain";
import { and, count, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../connect";
import { followUps, outboxMessages } from "../schema";
import { followUpContacts } from "../schema/jobs";
import { whereClinic } from "../tenancy";
import { linkWithdrawnReason, mintLinkToken, redactLinks } from "./account-links";
import { auditedRead, type Scope, type Tx } from "./scope";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export function outboxRepository(db: Db, scope: Scope) {
  /** A page of the clinic's messages, newest first, and how many there are in all. */
  async function list(limit = 50, offset = 0) {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await tx
          .select()
          .from(outboxMessages)
          .where(whereClinic(outboxMessages, scope))
          .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
          .limit(limit)
          .offset(offset);
        const [all] = await tx
          .select({ n: count() })
          .from(outboxMessages)
          .where(whereClinic(outboxMessages, scope));
        return { rows: rows.map((r) => ({ ...r, body: redactLinks(r.body) })), total: all?.n ?? 0 };
      },
      (page) => ({
        action: "read",
        entityType: "outbox",
        detail: { messages: page.rows.map((r) => r.id) },
      }),
    );
  }
  return { list };
}

export const MAX_ATTEMPTS = 5;

/** Why a follow-up contact is no longer sent, in words staff read on the Messages page. */
export const withdrawalReasons = {
  completed: "Not sent: the patient answered the questionnaire first.",
  cancelled: "Not sent: the follow-up was cancelled first (a later treatment replaced it).",
  missed: "Not sent: the answer window had closed.",
  rescheduled:
    "Not sent: the treatment date was corrected, which moved the answer window; a new invitation goes out when it opens.",
} as const;

/**
 * A message may be tried now: pending, or left "sending" for 10 minutes by a dispatcher of an
 * earlier version that died mid-send (this version never commits "sending").
 */
const sendable = (now: Date) =>
  or(
    eq(outboxMessages.status, "pending"),
    and(
      eq(outboxMessages.status, "sending"),
      lt(outboxMessages.claimedAt, new Date(now.getTime() - 10 * 60_000)),
    ),
  );

/** Dispatcher side (all clinics): the ids of messages to try, oldest first. Nothing is locked. */
export async function outboxDue(db: Db, now: Date, batch = 20): Promise<string[]> {
  const rows = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(sendable(now))
    .orderBy(outboxMessages.createdAt)
    .limit(batch);
  return rows.map((r) => r.id);
}

export type SendOutcome = "sent" | "failed" | "withdrawn" | "skipped";

/**
 * Sends one message, or withdraws it, in one transaction (see the module comment for the order
 * of locks). `skipped`: another dispatcher holds it, or it is no longer waiting.
 */
export async function sendOutboxMessage(
  db: Db,
  id: string,
  now: Date,
  send: (msg: OutboxMessage) => Promise<void>,
): Promise<SendOutcome> {
  return db.transaction(async (tx) => {
    const [followUp] = await tx
      .select({
        windowStart: followUps.windowStart,
        windowEnd: followUps.windowEnd,
        completedAt: followUps.completedAt,
        cancelledAt: followUps.cancelledAt,
      })
      .from(followUpContacts)
      .innerJoin(followUps, eq(followUps.id, followUpContacts.followUpId))
      .where(eq(followUpContacts.outboxMessageId, id))
      .for("share", { of: followUps });
    const [msg] = await tx
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.id, id), sendable(now)))
      .for("update", { skipLocked: true });
    if (!msg) return "skipped";
    if (followUp) {
      const status = followUpStatus(followUp, toIsoDate(now));
      if (status === "completed" || status === "cancelled" || status === "missed") {
        await tx
          .update(outboxMessages)
          .set({ status: "withdrawn", withdrawnAt: now, withdrawnReason: withdrawalReasons[status] })
          .where(eq(outboxMessages.id, id));
        return "withdrawn";
      }
    }
    let body = msg.body;
    if (msg.linkId) {
      const withToken = await mintLinkToken(tx, { kind: msg.kind, linkId: msg.linkId, body }, now);
      if (withToken === null) {
        await tx
          .update(outboxMessages)
          .set({ status: "withdrawn", withdrawnAt: now, withdrawnReason: linkWithdrawnReason })
          .where(eq(outboxMessages.id, id));
        return "withdrawn";
      }
      body = withToken;
    }
    const attempts = msg.attempts + 1;
    try {
      await send({ ...msg, body });
    } catch (e) {
      await tx
        .update(outboxMessages)
        .set({
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          attempts,
          claimedAt: now,
          lastError: (e as Error).message.slice(0, 500),
        })
        .where(eq(outboxMessages.id, id));
      return "failed";
    }
    await tx
      .update(outboxMessages)
      .set({ status: "sent", attempts, claimedAt: now, sentAt: now, lastError: null })
      .where(eq(outboxMessages.id, id));
    return "sent";
  });
}

/**
 * Withdraws the queued (not yet sent) contacts of follow-ups just completed or cancelled, in the
 * caller's transaction, after it updated the follow-ups (the lock order above).
 */
export async function withdrawQueuedContacts(
  tx: Tx,
  followUpIds: readonly string[],
  why: keyof typeof withdrawalReasons,
  now: Date,
): Promise<number> {
  if (followUpIds.length === 0) return 0;
  const rows = await tx
    .update(outboxMessages)
    .set({ status: "withdrawn", withdrawnAt: now, withdrawnReason: withdrawalReasons[why] })
    .where(
      and(
        eq(outboxMessages.status, "pending"),
        inArray(
          outboxMessages.id,
          tx
            .select({ id: followUpContacts.outboxMessageId })
            .from(followUpContacts)
            .where(inArray(followUpContacts.followUpId, [...followUpIds])),
        ),
      ),
    )
    .returning({ id: outboxMessages.id });
  return rows.length;
}
