/**
 * What a benchmark needs to say about where it ran and what it cost: the machine, the load on it
 * (a shared machine makes wall-clock times noisy, so CPU seconds are reported beside them), and
 * CPU time read from /proc — our own, our reaped children's, and a process tree's (PostgreSQL
 * runs as a postmaster with one backend per connection). Linux only; elsewhere CPU reads as null.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export const log = (line: string) => process.stderr.write(`${line}\n`);

export function machine(): string {
  const c = cpus();
  return `${c.length} CPUs (${c[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

export const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime, stime, cutime, cstime of a process, in milliseconds; null if it is gone. */
function stat(pid: number | "self"): { own: number; children: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const at = (i: number) => Number(fields[i]) * TICK_MS;
    return { own: at(11) + at(12), children: at(13) + at(14) };
  } catch {
    return null;
  }
}

/** CPU of child processes this process has waited for (e.g. a spawned CLI, once it exited). */
export function reapedChildrenCpuMs(): number | null {
  return stat("self")?.children ?? null;
}

/** The live child processes of a process. */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU of a process, its live children and the children it has reaped, in milliseconds. */
export function treeCpuMs(pid: number): number | null {
  const root = stat(pid);
  if (!root) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (stat(child)?.own ?? 0), root.own + root.children);
}
