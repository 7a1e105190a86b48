/**
 * A real Evident for the browser tests: `evident start` (embedded PostgreSQL, demo clinic) in a
 * fresh data directory, with an SMTP server that files each message it receives. The shared app
 * of the whole run is started by global-setup.ts; a test that must move the server's clock starts
 * one of its own with `EVIDENT_TEST_CLOCK=1`, so the others never see time jump.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailServer } from "./mail";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, app: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const output = await readFile(log, "utf8").catch(() => "");
  throw new Error(
    `the app did not become healthy at ${url} (${app.exitCode === null ? "timed out" : `exited with ${app.exitCode}`}). Its output:\n${output.slice(-4000)}`,
  );
}

function stopApp(app: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error("e2e: the app did not stop within 30 s after SIGTERM; killing it");
      app.kill("SIGKILL");
    }, timeoutMs);
    app.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    app.kill("SIGTERM");
  });
}

/** A running app: its address, where its mail is filed, and its data directory (for `evident …`). */
export type RunningApp = { baseUrl: string; mailDir: string; dataDir: string; stop(): Promise<void> };

/**
 * Starts the app and its mail server; resolves once the app is healthy. `demoPatients` sizes the
 * demo clinic; `env` adds settings (e.g. EVIDENT_TEST_CLOCK=1).
 */
export async function startApp(opts: {
  demoPatients: number;
  env?: Record<string, string>;
  healthTimeoutMs?: number;
}): Promise<RunningApp> {
  const work = await mkdtemp(path.join(tmpdir(), "evident-e2e-"));
  const dataDir = path.join(work, "data");
  const mailDir = await mkdtemp(path.join(work, "mail-"));
  // The embedded PostgreSQL runs as its own system user when we are root: it must be able to
  // reach its data directory inside ours.
  await chmod(work, 0o755);

  const mail = await startMailServer(mailDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = path.join(work, "app.log");
  const out = createWriteStream(log);
  const app = spawn(process.execPath, [path.join(root, "packages", "cli", "bin", "evident.mjs"), "start"], {
    cwd: root,
    env: {
      ...process.env,
      EVIDENT_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      EVIDENT_PUBLIC_URL: baseUrl,
      EVIDENT_DEMO_PATIENTS: String(opts.demoPatients),
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      DATABASE_URL: "",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.pipe(out);
  app.stderr?.pipe(out);

  const teardown = async () => {
    await stopApp(app);
    await mail.close();
    out.end();
    await rm(work, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, app, log, opts.healthTimeoutMs ?? 150_000);
  } catch (e) {
    await teardown();
    throw e;
  }

  return { baseUrl, mailDir, dataDir, stop: teardown };
}
