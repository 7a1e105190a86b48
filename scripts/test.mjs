#!/usr/bin/env node
// `npm test`: static checks, unit tests, integration tests on a real PostgreSQL, then browser
// end-to-end tests in Chromium. Without Chromium the browser step is skipped with a plain message
// saying how to enable it, except under CI=true, where a missing browser is a failure.
//
//   npm test                      everything
//   npm test -- --only e2e        one step: static | unit | integration | e2e
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = (() => {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? process.argv[i + 1] : null;
})();
const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${label} (${secs} s)`);
}

const steps = {
  static() {
    run("lint and format (Biome)", bin("biome"), ["check", "."]);
    run("type-check (tsc)", "npm", ["run", "--silent", "typecheck"]);
  },
  unit() {
    run("unit tests", bin("vitest"), ["run", "--project", "unit"]);
  },
  integration() {
    run("integration tests (real PostgreSQL)", bin("vitest"), ["run", "--project", "integration"]);
  },
  e2e() {
    if (!existsSync(chromium)) {
      const how = `Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`;
      if (ci) {
        console.error(`\n✖ browser tests: Chromium not found at ${chromium}. ${how}`);
        process.exit(1);
      }
      return `Browser tests DID NOT RUN: no Chromium at ${chromium}. ${how} Then run \`npm test\` (or \`npm run test:e2e\`) again.`;
    }
    run("browser end-to-end tests (Chromium)", bin("vitest"), ["run", "--project", "e2e"], {
      CHROMIUM_PATH: chromium,
    });
    return null;
  },
};

if (only && !steps[only]) {
  console.error(`unknown step "${only}"; one of: ${Object.keys(steps).join(", ")}`);
  process.exit(2);
}
const notes = [];
for (const [name, step] of Object.entries(steps)) {
  if (only && name !== only) continue;
  const note = step();
  if (note) notes.push(note);
}
if (notes.length) {
  console.log(`\n⚠ ${notes.join("\n⚠ ")}`);
} else {
  console.log("\nAll tests passed.");
}
