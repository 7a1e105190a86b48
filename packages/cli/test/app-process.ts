/** Runs the real `evident start` as a child process, for tests that kill and restart it. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@evident/db";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "evident.mjs");

export type AppProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
};

/** Spawns `evident start` on a free port without waiting for it; `output()` is all it printed. */
export async function spawnApp(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...env };
  delete childEnv.DATABASE_URL; // always the embedded cluster
  const child = spawn(process.execPath, [bin, "start"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  return { child, port, output: () => out };
}

export async function startApp(env: Record<string, string>, timeoutMs = 60_000): Promise<AppProcess> {
  const { child, port, output } = await spawnApp(env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`evident start exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`evident start did not become healthy:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output,
    stop: () =>
      new Promise((resolve) => {
        // A child killed by a signal has no exit code, only a signal: it is gone all the same.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}
