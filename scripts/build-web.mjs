#!/usr/bin/env node
// Builds the web app with Vite. With --if-stale, only when a source file is newer than the last
// build (so `npm start` and `npm install` rebuild after a change and skip the work otherwise).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "packages", "web");
const built = path.join(web, "dist", "index.html");

function newest(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const e of readdirSync(p))
    if (e !== "node_modules" && e !== "dist") m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const inputs = ["src", "index.html", "vite.config.ts", "package.json", "public"]
  .map((f) => path.join(web, f))
  .filter(existsSync);
inputs.push(path.join(root, "packages", "domain", "src"));

if (process.argv.includes("--if-stale") && existsSync(built)) {
  const builtAt = statSync(built).mtimeMs;
  if (Math.max(...inputs.map(newest)) <= builtAt) process.exit(0);
}
if (!existsSync(path.join(web, "index.html"))) process.exit(0);
console.log("building the web app…");
const r = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
  {
    cwd: web,
    stdio: "inherit",
    // A production build whoever calls: under a test runner NODE_ENV is "test", and Vite would
    // then bundle React's development build (twice the size, and slower).
    env: { ...process.env, NODE_ENV: "production" },
  },
);
process.exit(r.status ?? 1);
