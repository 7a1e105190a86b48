/**
 * A server supervises the embedded cluster it owns: PostgreSQL killed (kill -9, the OOM killer)
 * or stopped behind our back is started again on the same port, so the pool's new connections
 * find it; meanwhile health says "degraded". If it cannot be started again within a bound, the
 * supervisor gives up and the server exits non-zero, so a process supervisor (systemd, Docker's
 * restart policy) takes over instead of an app answering 503 forever.
 *
 * Death is seen by polling the postmaster's pid (cheap, every second) and at once when a caller
 * reports a failed query (`check()`).
 */
import type { ClusterControl } from "./embedded";
import { isAlive } from "./embedded-binaries";

export type ClusterHealth =
  | { state: "ok"; restarts: number }
  | { state: "restarting"; restarts: number; since: Date; attempts: number; lastError: string | null }
  | { state: "failed"; restarts: number; since: Date; lastError: string | null };

export type Supervisor = {
  health(): ClusterHealth;
  /** Looks now instead of at the next poll (e.g. after a query failed). */
  check(): void;
  stop(): Promise<void>;
};

export type SupervisorOptions = {
  /** Give up (and call onGiveUp) when PostgreSQL is not back within this long. */
  giveUpAfterMs: number;
  pollMs?: number;
  log?: (line: string) => void;
  onGiveUp: (reason: string) => void;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function superviseCluster(control: ClusterControl, opts: SupervisorOptions): Supervisor {
  const log = opts.log ?? (() => {});
  let health: ClusterHealth = { state: "ok", restarts: 0 };
  let stopped = false;
  let busy: Promise<void> | null = null;

  async function postmasterAlive(): Promise<boolean> {
    const pid = await control.postmasterPid();
    return pid !== null && isAlive(pid);
  }

  async function recover(): Promise<void> {
    const since = new Date();
    let attempts = 0;
    let lastError: string | null = null;
    log("PostgreSQL stopped unexpectedly; starting it again");
    while (!stopped) {
      health = { state: "restarting", restarts: health.restarts, since, attempts, lastError };
      attempts += 1;
      try {
        const left = opts.giveUpAfterMs - (Date.now() - since.getTime());
        await control.restart(Math.max(1, Math.ceil(left / 1000)));
        const seconds = ((Date.now() - since.getTime()) / 1000).toFixed(1);
        health = { state: "ok", restarts: health.restarts + 1 };
        log(
          `PostgreSQL is running again (after ${seconds} s, ${attempts} attempt${attempts > 1 ? "s" : ""})`,
        );
        return;
      } catch (e) {
        // Usually its old processes still hold shared memory for a moment: try again shortly.
        lastError = ((e as Error).message.split("\n")[0] ?? "").slice(0, 300);
      }
      if (Date.now() - since.getTime() >= opts.giveUpAfterMs) {
        health = { state: "failed", restarts: health.restarts, since, lastError };
        const reason = `PostgreSQL could not be started again within ${Math.round(opts.giveUpAfterMs / 1000)} s (last error: ${lastError})`;
        log(reason);
        opts.onGiveUp(reason);
        return;
      }
      await sleep(500);
    }
  }

  function check(): void {
    if (stopped || busy || health.state === "failed") return;
    busy = (async () => {
      if (!(await postmasterAlive())) await recover();
    })()
      .catch((e) => log(`supervisor: ${(e as Error).message}`))
      .finally(() => {
        busy = null;
      });
  }

  const timer = setInterval(check, opts.pollMs ?? 1000);
  timer.unref();
  return {
    health: () => health,
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
