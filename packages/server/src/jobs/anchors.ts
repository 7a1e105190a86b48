/**
 * Anchors the audit chains from the running server: once at start, then every minute in which a
 * chain changed, and a last time at shutdown, so removing the newest events or emptying the trail
 * shows against a record outside the database (db/audit-anchors.ts). A minute in which nothing was
 * audited adds no line, since the last one still describes every chain. A failed write is logged,
 * never fatal: the chains themselves still detect every other change.
 */
import { type ChainHeads, writeAnchor } from "@evident/db";
import type { AppDeps } from "../http/env";

export const ANCHOR_EVERY_MS = 60_000;

export function startAnchoring(
  deps: Pick<AppDeps, "database">,
  everyMs = ANCHOR_EVERY_MS,
  log: (line: string) => void = (l) => console.error(l),
): { stop(): Promise<void> } {
  const { database } = deps;
  let last: ChainHeads | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const anchor = () => {
    running = running
      .then(async () => {
        const { anchor: written } = await writeAnchor(database.system.db, {
          key: database.audit.key,
          dir: database.audit.anchorDir,
          unlessSameAs: last,
        });
        last = written.chains;
      })
      .catch((e) => log(`audit anchor: ${(e as Error).message}`));
    return running;
  };
  const timer = setInterval(anchor, everyMs);
  timer.unref();
  anchor();
  return {
    async stop() {
      clearInterval(timer);
      await anchor();
    },
  };
}
