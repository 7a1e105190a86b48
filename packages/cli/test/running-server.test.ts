/**
 * The CLI beside a running server (the real `evident start` as a child process): every command
 * uses the server's PostgreSQL and leaves it running, so health stays `ok` and the postmaster is
 * the same one throughout; a second `evident start` refuses, naming the first; kill -9 of the
 * postmaster → the server starts it again (health `degraded` meanwhile, then `ok`); and when it
 * cannot, the server exits non-zero within its bound. Embedded-mode pass only.
 */
import { chmod, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@evident/db";
import { booleanAnswerIds } from "@evident/domain/triage";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AppProcess, spawnApp, startApp } from "./app-process";
import { runCli } from "./run-cli";

const embeddedPass = inject("pgMode") === "embedded";
let work = "";
let app: AppProcess | null = null;
let env: Record<string, string> = {};

const postmasterPid = async (dataDir: string) =>
  Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
const ownerPid = async (dataDir: string) =>
  (JSON.parse(await readFile(path.join(dataDir, "owner.json"), "utf8")) as { pid: number }).pid;

async function health(url: string): Promise<{ code: number; status: string }> {
  try {
    const res = await fetch(`${url}/api/health`);
    return { code: res.status, status: ((await res.json()) as { status: string }).status };
  } catch {
    return { code: 0, status: "no answer" };
  }
}

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/staff/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

beforeAll(async () => {
  if (!embeddedPass) return;
  work = await mkdtemp(path.join(tmpdir(), "evident-running-"));
  await chmod(work, 0o755); // the cluster runs as the postgres user when we are root
  env = {
    EVIDENT_DATA_DIR: path.join(work, "data"),
    EVIDENT_DEMO_PATIENTS: "0",
    EVIDENT_PG_PORT: String(await freePort()),
    DATABASE_URL: "",
  };
  app = await startApp(env);
});
afterAll(async () => {
  await app?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.runIf(embeddedPass)("the CLI beside a running server (embedded-mode pass only)", () => {
  const password = "a long enough drill password";

  it("runs every command against the server's PostgreSQL, which stays up and healthy", async () => {
    const dataDir = env.EVIDENT_DATA_DIR!;
    const url = app!.url;
    const pm = await postmasterPid(dataDir);
    expect(await ownerPid(dataDir)).toBe(app!.child.pid);
    const commands: { args: string[]; stdin?: string; expect: RegExp }[] = [
      { args: ["migrate"], expect: /migrations applied \(embedded database of the running server\)/ },
      { args: ["clinic", "add", "--name", "Drill Clinic"], expect: /"name":"Drill Clinic"/ },
      {
        args: [
          "user",
          "add",
          "--clinic",
          "Drill Clinic",
          "--email",
          "admin@drill.test",
          "--name",
          "A",
          "--role",
          "admin",
        ],
        stdin: `${password}\n`,
        expect: /"role":"admin"/,
      },
      { args: ["demo", "--patients", "20", "--seed", "3"], expect: /"patients":20/ },
      { args: ["audit", "verify"], expect: /"ok":true/ },
      { args: ["fhir", "export", "--out", path.join(work, "fhir")], expect: /"requiresAccessToken":false/ },
      { args: ["backup", "--out", path.join(work, "running.tar")], expect: /"sha256":"[0-9a-f]{64}"/ },
      { args: ["score", "nrs_back", '{"nrs_back":3}'], expect: /"score"|"total"|3/ },
      {
        // A whole intake: every yes/no question answered (no), or the command refuses it.
        args: [
          "triage",
          JSON.stringify({
            age: 58,
            painDurationWeeks: 3,
            ...Object.fromEntries(booleanAnswerIds.map((id) => [id, false])),
          }),
        ],
        expect: /"tier": "soon"/,
      },
    ];
    for (const c of commands) {
      const r = await runCli(c.args, env, c.stdin ?? "");
      expect({ args: c.args, code: r.code, err: r.code === 0 ? "" : r.stderr }).toEqual({
        args: c.args,
        code: 0,
        err: "",
      });
      expect(r.stdout).toMatch(c.expect);
      expect(r.stderr).not.toMatch(/orphaned|stopped/);
      expect(await health(url)).toEqual({ code: 200, status: "ok" });
      expect(await postmasterPid(dataDir)).toBe(pm);
      expect(await ownerPid(dataDir)).toBe(app!.child.pid);
    }
    expect(await signIn(url, "admin@drill.test", password)).toBe(200);

    // The backup restores elsewhere without touching the server; a damaged copy is refused
    // before anything is written.
    const restored = path.join(work, "restored");
    const r = await runCli(["restore", path.join(work, "running.tar"), "--data-dir", restored], {
      ...env,
      EVIDENT_PG_PORT: String(await freePort()),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: restored });
    const damaged = await readFile(path.join(work, "running.tar"));
    damaged[4096] = (damaged[4096]! + 1) % 256;
    await writeFile(path.join(work, "damaged.tar"), damaged);
    await writeFile(
      path.join(work, "damaged.tar.sha256"),
      await readFile(path.join(work, "running.tar.sha256"), "utf8"),
    );
    const bad = await runCli(
      ["restore", path.join(work, "damaged.tar"), "--data-dir", path.join(work, "never")],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is damaged: its SHA-256 is/);
    await expect(stat(path.join(work, "never"))).rejects.toThrow(/ENOENT/);
    expect(await health(url)).toEqual({ code: 200, status: "ok" });
  }, 300_000);

  it("refuses a second evident start on the same data directory, naming the running one", async () => {
    const r = await runCli(["start"], { ...env, PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `already running on .*: evident start \\(pid ${app!.child.pid}\\), at http://localhost:\\d+, PostgreSQL on port ${env.EVIDENT_PG_PORT}`,
      ),
    );
    expect(await health(app!.url)).toEqual({ code: 200, status: "ok" });
  }, 60_000);

  it("starts PostgreSQL again after kill -9, saying degraded meanwhile, and serves as before", async () => {
    const dataDir = env.EVIDENT_DATA_DIR!;
    const before = await postmasterPid(dataDir);
    process.kill(before, "SIGKILL");
    const seen = new Set<string>();
    const deadline = Date.now() + 60_000;
    let last = await health(app!.url);
    while (!(last.status === "ok" && seen.size > 0) && Date.now() < deadline) {
      if (last.status !== "ok") seen.add(last.status);
      await new Promise((r) => setTimeout(r, 100));
      last = await health(app!.url);
    }
    expect(last).toEqual({ code: 200, status: "ok" });
    expect(seen.has("degraded")).toBe(true);
    expect(await postmasterPid(dataDir)).not.toBe(before);
    expect(await signIn(app!.url, "admin@drill.test", password)).toBe(200);
    expect(app!.output()).toMatch(/PostgreSQL is running again/);
  }, 90_000);
});

describe.runIf(embeddedPass)(
  "a server whose PostgreSQL cannot be started again (embedded-mode pass only)",
  () => {
    it("exits non-zero within its bound, so a process supervisor can take over", async () => {
      const dataDir = path.join(work, "doomed");
      const doomed = await startApp({
        ...env,
        EVIDENT_DATA_DIR: dataDir,
        EVIDENT_PG_PORT: String(await freePort()),
        EVIDENT_PG_RESTART_TIMEOUT_SECONDS: "3",
      });
      const exited = new Promise<number | null>((resolve) =>
        doomed.child.once("exit", (code) => resolve(code)),
      );
      // Without its control file the cluster cannot start again.
      await rename(path.join(dataDir, "pg", "global", "pg_control"), path.join(dataDir, "pg_control.moved"));
      const killedAt = Date.now();
      process.kill(await postmasterPid(dataDir), "SIGKILL");
      const code = await exited;
      const seconds = (Date.now() - killedAt) / 1000;
      expect(code).toBe(1);
      // The restart bound (3 s) plus detection; a close left waiting on the dead cluster would
      // show as the 10 s fallback on top.
      expect(seconds).toBeLessThan(12);
      expect(doomed.output()).toMatch(/could not be started again within 3 s/);
    }, 120_000);
  },
);

describe.runIf(embeddedPass)("a server told to stop while it starts (embedded-mode pass only)", () => {
  it("finishes starting, then stops cleanly with exit 0 instead of dying mid-start", async () => {
    const dataDir = path.join(work, "early-stop");
    const app = await spawnApp({
      ...env,
      EVIDENT_DATA_DIR: dataDir,
      EVIDENT_PG_PORT: String(await freePort()),
    });
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", (code) => resolve(code)));
    // A new data directory: the cluster is still being initialised when the signal comes.
    while (!/initialising a new PostgreSQL cluster/.test(app.output())) {
      if (app.child.exitCode !== null) throw new Error(app.output());
      await new Promise((r) => setTimeout(r, 50));
    }
    app.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(app.output()).toMatch(/SIGTERM: stopping as soon as the server has started/);
    expect(app.output()).toMatch(/\nstopped\n/);
    // The cluster was stopped with the server, not left running.
    await expect(readFile(path.join(dataDir, "pg", "postmaster.pid"))).rejects.toThrow(/ENOENT/);
  }, 120_000);
});
