/**
 * One owner of an embedded cluster. The process that starts PostgreSQL on a data directory (a
 * server, or a CLI command when no server runs) records itself in `owner.json` there: pid, the
 * process's start time (so a reused pid is not taken for the owner), what it is, PostgreSQL's port
 * and, for a server, its URL. Everyone else reads the record instead of touching the cluster: a
 * CLI command uses the running server's PostgreSQL, a second server refuses, and a cluster left
 * running is stopped only when its recorded owner is gone.
 *
 * The record is also the lock. It is created with link(2) from a fully written temporary file,
 * which fails if the name exists, so claiming is exclusive and nobody reads a half-written
 * record; the holder updates it by rename(2). A record whose process is gone is broken under a
 * second, short-lived lock (`owner.json.break`), and only if it is still the same record after
 * that lock is taken, so two processes finding the same stale owner cannot both win.
 */
import { randomBytes } from "node:crypto";
import { link, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { isAlive } from "./embedded-binaries";

export type OwnerKind = "server" | "command";

export type OwnerRecord = {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  processStart: string | null;
  /** Tells this claim from an earlier one by the same pid. */
  token: string;
  kind: OwnerKind;
  /** What runs, e.g. "evident start", "evident backup". */
  command: string;
  startedAt: string;
  /** PostgreSQL's port, once it listens. */
  pgPort: number | null;
  /** A server's own URL, once it listens. */
  url: string | null;
};

export type Ownership = {
  record(): OwnerRecord;
  update(patch: Partial<Pick<OwnerRecord, "pgPort" | "url">>): Promise<void>;
  release(): Promise<void>;
};

export const OWNER_FILE = "owner.json";
const BREAK_STALE_AFTER_MS = 10_000;

async function processStart(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

export async function readOwner(dataDir: string): Promise<OwnerRecord | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, OWNER_FILE), "utf8")) as OwnerRecord;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    // Unreadable or not JSON: nobody can be shown as its owner; treat it as stale.
    return { pid: 0, processStart: null, token: "unreadable" } as OwnerRecord;
  }
}

/** Whether the recorded owner is still the process that wrote the record. */
export async function ownerAlive(owner: OwnerRecord): Promise<boolean> {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !isAlive(owner.pid)) return false;
  if (owner.processStart === null) return true;
  const now = await processStart(owner.pid);
  return now === null || now === owner.processStart;
}

/** "evident start (pid 123) at http://localhost:3000, PostgreSQL on port 54329, since …" */
export function describeOwner(owner: OwnerRecord): string {
  const parts = [`${owner.command} (pid ${owner.pid})`];
  if (owner.url) parts.push(`at ${owner.url}`);
  if (owner.pgPort) parts.push(`PostgreSQL on port ${owner.pgPort}`);
  parts.push(`since ${owner.startedAt}`);
  return parts.join(", ");
}

async function writeAtomically(file: string, record: OwnerRecord): Promise<string> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o644 });
  return tmp;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes `stale` if it is still the record on disk, under the break lock. */
async function breakStale(dataDir: string, stale: OwnerRecord): Promise<void> {
  const file = path.join(dataDir, OWNER_FILE);
  const breaker = `${file}.break`;
  try {
    await writeFile(breaker, String(process.pid), { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // Someone else is breaking it; a break lock is held for milliseconds, so an old one is debris.
    const age = await stat(breaker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > BREAK_STALE_AFTER_MS) await rm(breaker, { force: true });
    await sleep(20 + Math.random() * 50);
    return;
  }
  try {
    const current = await readOwner(dataDir);
    if (current && current.token === stale.token && current.pid === stale.pid)
      await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

/**
 * Claims the data directory for this process, or says who holds it. A holder that is gone (its
 * process exited or was killed) is replaced.
 */
export async function claimOwnership(
  dataDir: string,
  who: { kind: OwnerKind; command: string },
): Promise<{ ownership: Ownership } | { heldBy: OwnerRecord }> {
  const file = path.join(dataDir, OWNER_FILE);
  let record: OwnerRecord = {
    pid: process.pid,
    processStart: await processStart(process.pid),
    token: randomBytes(8).toString("hex"),
    kind: who.kind,
    command: who.command,
    startedAt: new Date().toISOString(),
    pgPort: null,
    url: null,
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const tmp = await writeAtomically(file, record);
    try {
      await link(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = await readOwner(dataDir);
      if (holder && (await ownerAlive(holder))) return { heldBy: holder };
      if (holder) await breakStale(dataDir, holder);
      continue;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
    let released = false;
    const ownership: Ownership = {
      record: () => record,
      async update(patch) {
        if (released) return;
        record = { ...record, ...patch };
        const next = await writeAtomically(file, record);
        await rename(next, file);
      },
      async release() {
        if (released) return;
        released = true;
        const current = await readOwner(dataDir);
        if (current?.token === record.token) await rm(file, { force: true });
      },
    };
    return { ownership };
  }
  throw new Error(`Could not claim ${file}: it keeps changing hands`);
}
