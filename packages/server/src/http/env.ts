/** The Hono environment: what middleware puts on the context for handlers. */

import type { Database, SessionPrincipal } from "@evident/db";
import type { Actor, Clock } from "@evident/domain";
import type { AppConfig } from "../config";
import type { Mailer } from "../mail/mailer";

export type AppDeps = {
  database: Database;
  clock: Clock;
  /** null: no SMTP; messages wait in the outbox. */
  mailer: Mailer | null;
  config: AppConfig;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    session: SessionPrincipal | null;
    actor: Actor | null;
  };
};
