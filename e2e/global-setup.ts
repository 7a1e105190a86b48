/**
 * Starts everything the browser tests need, for real: a build of the web app (if stale), an SMTP
 * server that files each message it receives, and the app itself (`evident start`, embedded
 * PostgreSQL, demo clinic) in a fresh data directory. Tests get the app's URL, the mail folder
 * and the Chromium path through `inject()`. Teardown stops the app with SIGTERM and waits for it
 * to exit, so its PostgreSQL shuts down cleanly, then removes the temporary folders.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startMailServer } from "./mail";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    chromiumPath: string;
  }
}

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

export default async function setup(project: TestProject) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
    );
  }

  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-web.mjs"), "--if-stale"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("building the web app failed (see the output above)");

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
      // Enough for every section of the outcomes page: an adjusted comparison needs 20 analysed
      // patients per arm, and about a third of those given a treatment have a 12-month answer.
      EVIDENT_DEMO_PATIENTS: "1500",
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      DATABASE_URL: "",
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
    await waitForHealth(baseUrl, app, log, 150_000);
  } catch (e) {
    await teardown();
    throw e;
  }

  project.provide("baseUrl", baseUrl);
  project.provide("mailDir", mailDir);
  project.provide("chromiumPath", chromiumPath);
  return teardown;
}
