/**
 * Works the outbox: sends each waiting message in a transaction of its own that first re-checks
 * that it still applies (a reminder for a follow-up answered, cancelled or closed meanwhile is
 * withdrawn with the reason, not sent) — see db/repos/outbox.ts for why that is race-free. Several
 * servers share the work without taking the same message (SKIP LOCKED). A failure goes back to
 * pending until it has been tried MAX_ATTEMPTS times. Without a mailer nothing is tried: the
 * messages wait, visible in the app.
 */
import { outboxDue, type SendOutcome, sendOutboxMessage } from "@evident/db";
import type { AppDeps } from "../http/env";
import { describeError, fallbackLogger } from "../http/logger";

export type DispatchReport = { sent: number; failed: number; withdrawn: number };

export async function dispatchOnce(deps: AppDeps): Promise<DispatchReport> {
  const { mailer, database, clock } = deps;
  const report: DispatchReport = { sent: 0, failed: 0, withdrawn: 0 };
  if (!mailer) return report;
  for (;;) {
    const ids = await outboxDue(database.system.db, clock.now());
    let progress = false;
    for (const id of ids) {
      const outcome: SendOutcome = await sendOutboxMessage(database.system.db, id, clock.now(), (msg) =>
        mailer.send({ to: msg.toAddress, subject: msg.subject, text: msg.body, messageId: msg.id }),
      );
      if (outcome === "skipped") continue;
      report[outcome] += 1;
      if (outcome !== "failed") progress = true;
    }
    // Stop on a failure (retries wait for the next round) or when the rest are another server's.
    if (ids.length === 0 || report.failed > 0 || !progress) break;
  }
  return report;
}

export function startDispatcher(deps: AppDeps, everyMs = 5000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = dispatchOnce(deps).catch((e) =>
      (deps.logger ?? fallbackLogger()).error({ err: describeError(e) }, "outbox dispatch failed"),
    );
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
