/**
 * One owner per data directory: a command uses a running server's cluster and leaves it running,
 * a second server refuses naming the first, a command waits for another command, and claims that
 * race (also over a stale record) end with exactly one owner. Embedded-mode pass only: these start
 * their own clusters.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { claimOwnership, OWNER_FILE, ownerAlive, readOwner } from "../src/cluster-owner";
import { ClusterInUseError, freePort, startEmbedded } from "../src/embedded";

const embeddedPass = inject("pgMode") === "embedded";
const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];

async function dataDir() {
  const d = await mkdtemp(path.join(tmpdir(), "evident-owner-"));
  dirs.push(d);
  return d;
}

async function selectOne(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query("select 1 as one")).rows[0].one;
  } finally {
    await c.end();
  }
}

const postmasterPid = async (dir: string) =>
  Number((await readFile(path.join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);

afterAll(async () => {
  for (const stop of stops) await stop().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("claiming a data directory", () => {
  it("lets exactly one of many simultaneous claims win, and names the winner to the others", async () => {
    const dir = await dataDir();
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimOwnership(dir, { kind: "command", command: `claim ${i}` })),
    );
    const winners = claims.filter((c) => "ownership" in c);
    expect(winners).toHaveLength(1);
    const record = await readOwner(dir);
    for (const c of claims) if ("heldBy" in c) expect(c.heldBy.token).toBe(record!.token);
    if ("ownership" in winners[0]!) await winners[0].ownership.release();
    expect(await readOwner(dir)).toBeNull();
  });

  it("replaces a record whose process is gone, with exactly one new owner among racing claims", async () => {
    const dir = await dataDir();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = { pid: dead, processStart: null, token: "old", kind: "server", command: "evident start" };
    await writeFile(
      path.join(dir, OWNER_FILE),
      JSON.stringify({ ...stale, startedAt: "", pgPort: 1, url: null }),
    );
    expect(await ownerAlive((await readOwner(dir))!)).toBe(false);
    const claims = await Promise.all(
      Array.from({ length: 12 }, () => claimOwnership(dir, { kind: "command", command: "evident migrate" })),
    );
    expect(claims.filter((c) => "ownership" in c)).toHaveLength(1);
    const now = (await readOwner(dir))!;
    expect(now.pid).toBe(process.pid);
    expect(now.token).not.toBe("old");
  });

  it("does not take a reused pid for the owner that recorded it", async () => {
    const dir = await dataDir();
    const claim = await claimOwnership(dir, { kind: "server", command: "evident start" });
    if (!("ownership" in claim)) throw new Error("not claimed");
    const record = claim.ownership.record();
    expect(await ownerAlive(record)).toBe(true);
    expect(await ownerAlive({ ...record, processStart: "1" })).toBe(process.platform !== "linux");
    await claim.ownership.release();
  });
});

describe.runIf(embeddedPass)("the embedded cluster's owner (embedded-mode pass only)", () => {
  it("lets a command use a server's running cluster, and leaves it running when the command ends", async () => {
    const dir = await dataDir();
    const server = await startEmbedded({ dataDir: dir, port: await freePort(), role: "server" });
    stops.push(server.stop);
    const pid = await postmasterPid(dir);
    const logs: string[] = [];
    const command = await startEmbedded({ dataDir: dir, command: "evident audit", log: (l) => logs.push(l) });
    expect(command.attachedTo?.pid).toBe(process.pid);
    expect(command.control).toBeNull();
    expect(command.port).toBe(server.port);
    expect(logs.join("\n")).toMatch(/using the database of evident start \(pid \d+\)/);
    expect(await selectOne(command.url)).toBe(1);
    await command.stop();
    expect(await selectOne(server.url)).toBe(1);
    expect(await postmasterPid(dir)).toBe(pid);
    expect((await readOwner(dir))?.kind).toBe("server");
    await server.stop();
    expect(await readOwner(dir)).toBeNull();
  });

  it("refuses a second server on the same directory, naming the running one", async () => {
    const dir = await dataDir();
    const first = await startEmbedded({ dataDir: dir, port: await freePort(), role: "server" });
    stops.push(first.stop);
    await first.control!.announce("http://localhost:4321");
    const second = startEmbedded({ dataDir: dir, role: "server" });
    await expect(second).rejects.toBeInstanceOf(ClusterInUseError);
    await expect(second).rejects.toThrow(
      new RegExp(
        `already running on .*evident start \\(pid ${process.pid}\\), at http://localhost:4321, PostgreSQL on port ${first.port}`,
      ),
    );
    expect(await selectOne(first.url)).toBe(1);
    await first.stop();
  });

  it("makes a command wait for another command's temporary cluster, then start its own", async () => {
    const dir = await dataDir();
    const first = await startEmbedded({ dataDir: dir, port: await freePort(), command: "evident demo" });
    stops.push(first.stop);
    const logs: string[] = [];
    let settled = false;
    const second = startEmbedded({
      dataDir: dir,
      port: first.port,
      log: (l) => logs.push(l),
      waitMs: 60_000,
    });
    second.then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 700));
    expect(settled).toBe(false);
    expect(logs.join("\n")).toMatch(/waiting for evident demo \(pid \d+\)/);
    // A server started meanwhile refuses too.
    await expect(startEmbedded({ dataDir: dir, role: "server" })).rejects.toThrow(/evident demo .* is using/);
    await first.stop();
    const owned = await second;
    stops.push(owned.stop);
    expect(owned.attachedTo).toBeNull();
    expect(await selectOne(owned.url)).toBe(1);
    await owned.stop();
  });
});
