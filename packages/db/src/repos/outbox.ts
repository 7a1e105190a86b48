/**
 * The outbox: every message the system sends is first a row here, written in the transaction that
 * decided to send it. A dispatcher claims pending rows with FOR UPDATE SKIP LOCKED (so several
 * servers never take the same row), sends them through SMTP and records the outcome. Without SMTP
 * they wait here, visible to staff in the app.
 */
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { outboxMessages } from "../schema";
import { auditedRead, type Scope } from "./scope";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export function outboxRepository(db: Db, scope: Scope) {
  async function list(limit = 50) {
    return auditedRead(
      db,
      scope,
      (tx) =>
        tx
          .select()
          .from(outboxMessages)
          .where(eq(outboxMessages.clinicId, scope.clinicId))
          .orderBy(desc(outboxMessages.createdAt))
          .limit(limit),
      (rows) => ({ action: "read", entityType: "outbox", detail: { messages: rows.map((r) => r.id) } }),
    );
  }
  return { list };
}

/** Dispatcher side (all clinics): claim a batch of messages to send. */
export async function claimOutbox(db: Db, now: Date, batch = 20): Promise<OutboxMessage[]> {
  // A message stuck in "sending" for 10 minutes belongs to a dispatcher that died: retry it.
  const staleBefore = new Date(now.getTime() - 10 * 60_000);
  return db.transaction(async (tx) => {
    const ids = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        or(
          eq(outboxMessages.status, "pending"),
          and(eq(outboxMessages.status, "sending"), lt(outboxMessages.claimedAt, staleBefore)),
        ),
      )
      .orderBy(outboxMessages.createdAt)
      .limit(batch)
      .for("update", { skipLocked: true });
    if (ids.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({ status: "sending", attempts: sql`${outboxMessages.attempts} + 1`, claimedAt: now })
      .where(
        inArray(
          outboxMessages.id,
          ids.map((r) => r.id),
        ),
      )
      .returning();
  });
}

export const MAX_ATTEMPTS = 5;

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: "sent", sentAt: at, lastError: null })
    .where(eq(outboxMessages.id, id));
}

export async function markFailed(db: Db, msg: OutboxMessage, error: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      status: msg.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      lastError: error.slice(0, 500),
      claimedAt: null,
    })
    .where(eq(outboxMessages.id, msg.id));
}
