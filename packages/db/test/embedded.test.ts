/**
 * The embedded cluster's lifecycle: first run, a server orphaned by a killed app, a stale lock
 * file, a taken port, and who owns the cluster. (These start their own clusters, so they only run
 * in the embedded-mode pass of the suite; the external pass proves the same repositories against
 * DATABASE_URL.)
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { OWNER_FILE, readOwner } from "../src/cluster-owner";
import { freePort, startEmbedded, startOnFreePort } from "../src/embedded";

const embeddedPass = inject("pgMode") === "embedded";
const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];

async function dataDir() {
  const d = await mkdtemp(path.join(tmpdir(), "evident-embedded-"));
  dirs.push(d);
  return d;
}

async function query(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

/** The pid of a process that has exited, for an owner record whose owner is gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

/** As if the process that owns the directory had been killed with SIGKILL. */
async function orphan(dir: string): Promise<void> {
  const record = (await readOwner(dir))!;
  await writeFile(
    path.join(dir, OWNER_FILE),
    JSON.stringify({ ...record, pid: deadPid(), processStart: null }),
  );
}

afterAll(async () => {
  for (const stop of stops) await stop().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.runIf(embeddedPass)("embedded PostgreSQL (embedded-mode pass only)", () => {
  it("initialises on first run with fsync on, listening on loopback only, and keeps data across restarts", async () => {
    const dir = await dataDir();
    const logs: string[] = [];
    const a = await startEmbedded({ dataDir: dir, port: await freePort(), log: (l) => logs.push(l) });
    expect(logs[0]).toMatch(/initialising a new PostgreSQL cluster/);
    expect(await query(a.url, "show fsync")).toEqual([{ fsync: "on" }]);
    expect(await query(a.url, "show listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);
    await query(a.url, "create table kept (v int); insert into kept values (42)");
    await a.stop();
    const b = await startEmbedded({ dataDir: dir, port: a.port });
    stops.push(b.stop);
    expect(await query(b.url, "select v from kept")).toEqual([{ v: 42 }]);
    await b.stop();
  });

  it("stops a server left running by a killed app and starts cleanly", async () => {
    const dir = await dataDir();
    const first = await startEmbedded({ dataDir: dir, port: await freePort() });
    const orphanPid = Number((await readFile(path.join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    // No stop(), and the recorded owner is gone: as if it had been killed with SIGKILL.
    await orphan(dir);
    const logs: string[] = [];
    const next = await startEmbedded({ dataDir: dir, port: first.port, log: (l) => logs.push(l) });
    stops.push(next.stop);
    expect(logs.join("\n")).toMatch(
      new RegExp(`stopped an orphaned PostgreSQL server \\(pid ${orphanPid}\\)`),
    );
    expect(await query(next.url, "select 1 as ok")).toEqual([{ ok: 1 }]);
    await next.stop();
  });

  it("removes a stale lock file whose process is gone", async () => {
    const dir = await dataDir();
    const first = await startEmbedded({ dataDir: dir, port: await freePort() });
    await first.stop();
    const pidFile = path.join(dir, "pg", "postmaster.pid");
    await writeFile(pidFile, "999999\n/nowhere\n0\n5432\n\n127.0.0.1\n0 0\nready\n");
    const logs: string[] = [];
    const next = await startEmbedded({ dataDir: dir, port: first.port, log: (l) => logs.push(l) });
    stops.push(next.stop);
    expect(logs.join("\n")).toMatch(/removed a stale postmaster\.pid/);
    await next.stop();
  });

  it("uses a free port when the preferred one is taken", async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", r));
    try {
      const logs: string[] = [];
      const c = await startEmbedded({ dataDir: await dataDir(), port, log: (l) => logs.push(l) });
      stops.push(c.stop);
      expect(c.port).not.toBe(port);
      expect(logs.join("\n")).toMatch(new RegExp(`port ${port} is taken`));
      await c.stop();
    } finally {
      blocker.close();
    }
  });

  it("moves to another free port when another process binds the checked one before PostgreSQL does", async () => {
    const tried: number[] = [];
    const logs: string[] = [];
    const port = await startOnFreePort(
      54329,
      async (p) => {
        tried.push(p);
        // What pg_ctl's failure carries from the server log when the port was taken in between.
        if (tried.length === 1)
          throw new Error(
            "The embedded PostgreSQL did not start\nFATAL:  could not create any TCP/IP sockets",
          );
      },
      (l) => logs.push(l),
    );
    expect(tried).toHaveLength(2);
    expect(tried[0]).toBe(54329);
    expect(port).toBe(tried[1]);
    expect(port).not.toBe(54329);
    expect(logs).toEqual([`port 54329 was taken as PostgreSQL started; it uses ${port}`]);
  });

  it("does not retry a start that failed for another reason, nor a port taken three times running", async () => {
    const other = new Error(
      "The embedded PostgreSQL did not start\nFATAL:  data directory has wrong ownership",
    );
    let calls = 0;
    await expect(
      startOnFreePort(
        54329,
        async () => {
          calls++;
          throw other;
        },
        () => undefined,
      ),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      startOnFreePort(
        54329,
        async () => {
          calls++;
          throw new Error("FATAL:  could not create any TCP/IP sockets");
        },
        () => undefined,
      ),
    ).rejects.toThrow(/TCP\/IP sockets/);
    expect(calls).toBe(3);
  });
});

describe.runIf(embeddedPass && process.getuid?.() === 0)(
  "embedded PostgreSQL as root (embedded-mode pass only)",
  () => {
    it("explains what to do when the postgres user cannot reach the data directory", async () => {
      const parent = await dataDir(); // mkdtemp: mode 0700, owned by root
      const { chmod } = await import("node:fs/promises");
      await chmod(parent, 0o700);
      await expect(
        startEmbedded({ dataDir: path.join(parent, "data"), port: await freePort() }),
      ).rejects.toThrow(/cannot reach .*Give it access to every parent directory/);
    });
  },
);
