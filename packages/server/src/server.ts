/**
 * Running Evident: open (or start, as its owner) the database, build the app, listen, work the
 * outbox and the jobs (follow-up invitations, reminders, escalations), anchor the audit chains
 * every minute, supervise the embedded cluster (restart PostgreSQL if it dies; give up after a
 * bound, see db/src/supervisor.ts), and shut down cleanly on SIGINT/SIGTERM: stop accepting, let
 * requests in flight finish, write a last audit anchor, close the pool, stop the embedded cluster.
 */
import type { AddressInfo } from "node:net";
import { type Database, openDatabase, type Supervisor, superviseCluster } from "@evident/db";
import { type Clock, shiftedClock, systemClock } from "@evident/domain";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { loadSecretBox } from "./auth/secret-box";
import { type AppConfig, databaseConfig } from "./config";
import { createLogger } from "./http/logger";
import { startAnchoring } from "./jobs/anchors";
import { exportQueue, startJobRunner } from "./jobs/runner";
import { startDispatcher } from "./mail/dispatcher";
import { smtpMailer } from "./mail/mailer";

export type RunningServer = {
  url: string;
  port: number;
  database: Database;
  /**
   * Settles when the server cannot go on (its PostgreSQL could not be started again in time),
   * with the reason; the caller closes the server and exits non-zero.
   */
  failed: Promise<string>;
  close(): Promise<void>;
};

export async function startServer(
  config: AppConfig,
  opts: { clock?: Clock; log?: (line: string) => void; beforeListen?: (db: Database) => Promise<void> } = {},
): Promise<RunningServer> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const secrets = loadSecretBox(config);
  const database = await openDatabase({
    ...databaseConfig(config, log),
    // Only the server reads from a replica; commands work on the primary.
    readDatabaseUrl: config.readDatabaseUrl,
    role: "server",
    command: "evident start",
  });
  let giveUp: (reason: string) => void = () => {};
  const failed = new Promise<string>((resolve) => {
    giveUp = resolve;
  });
  const control = database.cluster?.control;
  const supervisor: Supervisor | undefined = control
    ? superviseCluster(control, { giveUpAfterMs: config.pgRestartTimeoutMs, log, onGiveUp: giveUp })
    : undefined;
  try {
    await opts.beforeListen?.(database);
  } catch (e) {
    await supervisor?.stop();
    await database.close();
    throw e;
  }
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
  const testClock = config.testClock ? shiftedClock(opts.clock ?? systemClock) : undefined;
  if (testClock)
    log(
      "warning: EVIDENT_TEST_CLOCK=1 — administrators can move this server's clock forward (test servers only)",
    );
  const logger = createLogger({ level: config.logLevel });
  const deps = {
    logger,
    database,
    clock: testClock ?? opts.clock ?? systemClock,
    mailer,
    config,
    secrets,
    testClock,
    supervisor,
    exportQueue: exportQueue(),
  };
  const app = createApp(deps);

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once("error", reject);
  }).catch(async (e) => {
    await supervisor?.stop();
    await database.close();
    throw (e as NodeJS.ErrnoException).code === "EADDRINUSE"
      ? new Error(`Port ${config.port} is in use. Set PORT to another port.`)
      : e;
  });
  const port = (server.address() as AddressInfo).port;
  const url = ["127.0.0.1", "0.0.0.0", "localhost", "::1", "::"].includes(config.host)
    ? `http://localhost:${port}`
    : `http://${config.host}:${port}`;
  await control?.announce(url);
  const dispatcher = startDispatcher(deps);
  const jobRunner = startJobRunner(deps);
  const anchoring = startAnchoring(deps, undefined, log);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    database,
    failed,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would hold close() open.
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await jobRunner.stop();
        await dispatcher.stop();
        await anchoring.stop();
        mailer?.close();
        await supervisor?.stop();
        await database.close();
        logger.flush();
      })();
      return closing;
    },
  };
}
