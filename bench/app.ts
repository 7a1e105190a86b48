/**
 * What the benchmarks that run the real `evident` command share: where it is, running one of its
 * commands to the end, and waiting until a started app answers /api/health.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const evidentBin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "packages",
  "cli",
  "bin",
  "evident.mjs",
);

/** Runs `evident ARGS` with `env` added; resolves with its stdout, rejects with its stderr. */
export function cli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [evidentBin, ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`evident ${args.join(" ")}: exit ${code}\n${err}`)),
    );
  });
}

/** Polls /api/health every 20 ms until it answers 200; fails if the app exits or time runs out. */
export async function healthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`evident start exited early (${child.exitCode})`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no healthy /api/health within ${timeoutMs / 1000} s`);
}
