/**
 * Starts everything the browser tests need, for real: a build of the web app (if stale), an SMTP
 * server that files each message it receives, and the app itself (`evident start`, embedded
 * PostgreSQL, demo clinic) in a fresh data directory. Tests get the app's URL, the mail folder
 * and the Chromium path through `inject()`. Teardown stops the app with SIGTERM and waits for it
 * to exit, so its PostgreSQL shuts down cleanly, then removes the temporary folders.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startApp } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    /** The app's data directory: `evident …` commands given it open the running app's database. */
    dataDir: string;
    chromiumPath: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

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

  // Enough for every section of the outcomes page: an adjusted comparison needs 20 analysed
  // patients per arm, and about a third of those given a treatment have a 12-month answer.
  const app = await startApp({ demoPatients: 1500 });
  project.provide("baseUrl", app.baseUrl);
  project.provide("mailDir", app.mailDir);
  project.provide("dataDir", app.dataDir);
  project.provide("chromiumPath", chromiumPath);
  return app.stop;
}
