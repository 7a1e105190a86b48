/** Runs the real `evident` command as a child process and collects its output. */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const bin = path.join(repoRoot, "packages", "cli", "bin", "evident.mjs");

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  stdin = "",
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Runs a command whose output is JSON; arguments that are not strings are passed as JSON. */
export async function runCliJson(
  command: string,
  args: readonly unknown[],
  stdin = "",
): Promise<CliRun & { json: any }> {
  const argv = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a)));
  const r = await runCli([command, ...argv], {}, stdin);
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = { unparsed: r.stdout };
  }
  return { ...r, json };
}
