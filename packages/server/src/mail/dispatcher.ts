/**
 * Works the outbox: claims pending messages (SKIP LOCKED, so several servers share the work
 * without taking the same message), sends them and records the result. A failure goes back to
 * pending until it has been tried MAX_ATTEMPTS times. Without a mailer nothing is claimed: the
 * messages wait, visible in the app.
 */
import { claimOutbox, markFailed, markSent, withdrawSettledContacts } from "@evident/db";
import type { AppDeps } from "../http/env";

export async function dispatchOnce(deps: AppDeps): Promise<{ sent: number; failed: number }> {
  const { mailer, database, clock } = deps;
  if (!mailer) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  // A reminder for a follow-up answered since it was queued is withdrawn, not sent.
  await withdrawSettledContacts(database.db);
  for (;;) {
    const batch = await claimOutbox(database.db, clock.now());
    if (batch.length === 0) break;
    for (const msg of batch) {
      try {
        await mailer.send({ to: msg.toAddress, subject: msg.subject, text: msg.body, messageId: msg.id });
        await markSent(database.db, msg.id, clock.now());
        sent += 1;
      } catch (e) {
        await markFailed(database.db, msg, (e as Error).message);
        failed += 1;
      }
    }
    if (failed > 0) break; // leave retries to the next round
  }
  return { sent, failed };
}

export function startDispatcher(deps: AppDeps, everyMs = 5000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = dispatchOnce(deps).catch((e) => console.error(`outbox: ${(e as Error).message}`));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
