/**
 * Running `evident analyze` from a test: the real command in a child process, its stdout checked
 * to be one JSON object; `succeeds` wants exit 0, `refuses` exit 2 with {"error", "issues"}.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { type CliRun, runCli } from "./run-cli";

// Each test starts the real command (Node and tsx: about half a second of CPU); on a busy
// machine several at once can take far longer than the default 30 s.
export const SPAWN_TIMEOUT = 120_000;

type Run = CliRun;

export const run = (args: readonly string[], stdin = ""): Promise<Run> =>
  runCli(["analyze", ...args], {}, stdin);

/** Runs `evident analyze …`; checks that stdout is one JSON object without NaN or Infinity. */
export async function analyze(args: readonly string[], stdin?: string): Promise<Run & { output: any }> {
  const result = await run(args, stdin);
  expect(result.stdout, result.stderr).not.toMatch(/NaN|Infinity/);
  let output: any;
  try {
    output = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `stdout is not one JSON value (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  expect(output).toBeTypeOf("object");
  return { ...result, output };
}

export async function succeeds(args: readonly string[], stdin?: string): Promise<any> {
  const run = await analyze(args, stdin);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run.output;
}

/** Exit 2 with {"error", "issues": [{path, message}]}; returns the first issue and the summary. */
export async function refuses(
  args: readonly string[],
): Promise<{ error: string; path: string; message: string }> {
  const run = await analyze(args);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(typeof run.output.error).toBe("string");
  expect(run.output.issues.length).toBeGreaterThan(0);
  return { error: run.output.error, ...run.output.issues[0] };
}

/** A scratch folder removed after the file's tests, and `csv(text)` writing a small input there. */
export function scratchFiles(): { scratch: string; csv: (text: string) => string } {
  const scratch = mkdtempSync(path.join(tmpdir(), "evident-analyze-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let files = 0;
  return {
    scratch,
    csv(text) {
      files += 1;
      const file = path.join(scratch, `input-${files}.csv`);
      writeFileSync(file, text);
      return file;
    },
  };
}
