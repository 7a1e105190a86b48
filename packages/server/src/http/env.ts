/** The Hono environment: what middleware puts on the context for handlers. */

import type { Database, SessionPrincipal } from "@evident/db";
import type { Actor, Clock, ShiftedClock } from "@evident/domain";
import type { SecretBox } from "../auth/secret-box";
import type { AppConfig } from "../config";
import type { Mailer } from "../mail/mailer";

export type AppDeps = {
  database: Database;
  clock: Clock;
  /** null: no SMTP; messages wait in the outbox. */
  mailer: Mailer | null;
  config: AppConfig;
  /** Seals and opens the staff's TOTP secrets. */
  secrets: SecretBox;
  /** Only on a test server (EVIDENT_TEST_CLOCK=1): the same clock as `clock`, movable. */
  testClock?: ShiftedClock;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    session: SessionPrincipal | null;
    actor: Actor | null;
  };
};
