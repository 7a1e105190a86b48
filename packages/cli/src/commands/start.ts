/**
 * `evident start`: the whole app in one process. On first run (no clinic in the database) it
 * seeds the demo clinic, so a newcomer has something to look at; set EVIDENT_DEMO_PATIENTS=0 to
 * start empty.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tables } from "@evident/db";
import { loadConfig, startServer } from "@evident/server";
import { DEMO_CLINIC, DEMO_PASSWORD, demoSignIns, seedDemo } from "../demo/seed";
import { progressBar } from "../progress";

export const webDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "web",
  "dist",
);

export async function runStart(): Promise<number> {
  const started = Date.now();
  const config = loadConfig(process.env, {
    webDist: existsSync(path.join(webDist, "index.html")) ? webDist : null,
  });
  if (!config.webDist)
    console.warn("warning: the web app is not built (run `npm run build`); serving the API only");
  // Signals are heard from the start: a SIGTERM that arrives while the server is starting (or
  // the moment it first answers /api/health) stops it cleanly once it is up, rather than killing
  // it mid-write with the default action.
  const early: string[] = [];
  let onSignal = (why: string) => {
    early.push(why);
    if (early.length > 1) process.exit(1);
    console.log(`\n${why}: stopping as soon as the server has started (again to stop at once)`);
  };
  const signalled = (why: string) => () => onSignal(why);
  process.on("SIGINT", signalled("SIGINT"));
  process.on("SIGTERM", signalled("SIGTERM"));
  let seeded = false;
  const server = await startServer(config, {
    log: (l) => console.log(l),
    beforeListen: async (database) => {
      const [clinic] = await database.system.db
        .select({ id: tables.clinics.id })
        .from(tables.clinics)
        .limit(1);
      if (clinic || config.demoPatients === 0) return;
      console.log(`first run: seeding a demo clinic with ${config.demoPatients} synthetic patients`);
      const bar = progressBar("demo data");
      await seedDemo(database, {
        patients: config.demoPatients,
        seed: 1,
        baseUrl: config.publicUrl,
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.done();
      seeded = true;
    },
  });

  const lines = [
    "",
    `Evident ${config.version} is running at ${server.url}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  database: ${server.database.mode === "embedded" ? `embedded PostgreSQL in ${config.dataDir}` : "external (DATABASE_URL)"}`,
    `  API docs: ${server.url}/api/docs`,
    `  e-mail:   ${config.smtpUrl ? "sent through SMTP_URL" : "not configured; messages wait in the outbox (Messages page)"}`,
  ];
  if (seeded || config.demoPatients > 0) {
    lines.push("", `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const s of demoSignIns) {
      // The second clinic's sign-in sees only its own patients: say which clinic it is.
      const where = s.clinic === DEMO_CLINIC ? "" : `  (${s.clinic})`;
      // Administrators must use two-step sign-in: the first sign-in asks them to set it up.
      const mfa = s.role === "admin" ? "  (sets up two-step sign-in at first sign-in)" : "";
      lines.push(`  ${s.role.padEnd(12)} ${s.email}${where}${mfa}`);
    }
  }
  lines.push("", "Press Ctrl+C to stop.");
  console.log(lines.join("\n"));

  // Stop on SIGINT/SIGTERM (exit 0), or when the server cannot go on (exit 1, so a process
  // supervisor restarts it).
  const code = await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (why: string, exitCode: number) => {
      if (stopping) {
        console.error("forced exit");
        process.exit(1);
      }
      stopping = true;
      console.log(`\n${why}: stopping…`);
      // A failed server exits non-zero however the close ends: if it hangs on the dead database
      // (the timer), or if nothing is left to wait for before it settles (the exit code is set now).
      let fallback: NodeJS.Timeout | undefined;
      if (exitCode !== 0) {
        process.exitCode = exitCode;
        fallback = setTimeout(() => process.exit(exitCode), 10_000);
      }
      // Once the close has settled the fallback has nothing left to do, and a pending timer
      // would hold the process open for the rest of its 10 s.
      const settle = () => {
        clearTimeout(fallback);
        resolve(exitCode);
      };
      server.close().then(settle, (e) => {
        console.error(`error while stopping: ${(e as Error).message}`);
        settle();
      });
    };
    onSignal = (why) => stop(why, 0);
    server.failed.then((reason) => stop(reason, 1));
    if (early.length > 0) stop(early[0] as string, 0);
  });
  console.log(code === 0 ? "stopped" : "stopped after a failure");
  return code;
}
