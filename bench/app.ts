/**
 * What the benchmarks that run the real `evident` command share: where it is, running one of its
 * commands to the end, starting the app on a free port, and waiting until a started app answers
 * /api/health.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@evident/db";

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

export type RunningApp = {
  base: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then its exit code once it has exited. */
  stop(): Promise<number | null>;
};

/** `evident start` with `env` added, on a free port (its own public URL), once /api/health answers. */
export async function startEvident(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [evidentBin, "start"], {
    env: { ...process.env, ...env, PORT: String(port), EVIDENT_PUBLIC_URL: base },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    return exited;
  };
  try {
    await healthy(base, child, timeoutMs);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n${output}`);
  }
  return { base, child, output: () => output, stop };
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

/** Signs a staff member in and returns the session cookie (`evident_session=…`). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/staff/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: HTTP ${res.status}`);
  const cookie = /evident_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}
