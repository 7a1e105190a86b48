/** The Hono environment: what middleware puts on the context for handlers. */

import type { Database, SessionPrincipal, Supervisor } from "@evident/db";
import type { Actor, Clock, ShiftedClock } from "@evident/domain";
import type { SecretBox } from "../auth/secret-box";
import type { AppConfig } from "../config";
import type { Mailer } from "../mail/mailer";
import type { Logger } from "./logger";

export type AppDeps = {
  database: Database;
  clock: Clock;
  /** null: no SMTP; messages wait in the outbox. */
  mailer: Mailer | null;
  config: AppConfig;
  /** Seals and opens the staff's TOTP secrets. */
  secrets: SecretBox;
  /** Only on a test server (EVIDENT_TEST_CLOCK=1): the same clock as `clock`, movable. */
  testClock?: ShiftedClock | undefined;
  /** Structured logs (./logger.ts); without one, errors only go to stdout. */
  logger?: Logger | undefined;
  /** Wakes this server's Bulk Data export lane when an export is queued (jobs/runner.ts). */
  exportQueue?: { wake(): void; listen(fn: () => void): void } | undefined;
  /** The embedded cluster's supervisor, when this server owns the cluster. */
  supervisor?: Supervisor | undefined;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    session: SessionPrincipal | null;
    actor: Actor | null;
  };
};
