/**
 * Nothing acknowledged is lost: the real app is killed with SIGKILL (and, in a second round, its
 * PostgreSQL too, as in a power cut of the app's processes) while patients are being written;
 * started again on the same data directory, it comes back with every write it acknowledged.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type AppProcess, startApp } from "./app-process";

const embeddedPass = inject("pgMode") === "embedded";
let dir = "";
let app: AppProcess | null = null;

afterAll(async () => {
  await app?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/staff/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "clinician@demo.evident.test", password: "evident-demo-password" }),
  });
  expect(res.status).toBe(200);
  return /evident_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")![0];
}

/** Writes patients as fast as it can until stopped; returns the ids the server acknowledged. */
function writeUntilKilled(url: string, cookie: string, tag: string) {
  const acknowledged: string[] = [];
  let stop = false;
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await fetch(`${url}/api/v1/patients`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({
            givenName: `${tag}${i}`,
            familyName: "Crash",
            birthDate: "1980-01-01",
            episode: { condition: "spinal_stenosis" },
          }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        return; // connection refused or reset: the app is gone
      }
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

/** Lets the writer get some writes acknowledged (however slow the machine) before the kill. */
async function someWrites(writer: { acknowledged: string[] }): Promise<void> {
  const deadline = Date.now() + 30_000;
  await new Promise((r) => setTimeout(r, 1500));
  while (writer.acknowledged.length <= 5 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
}

async function present(url: string, ids: string[]): Promise<number> {
  const cookie = await signIn(url);
  let found = 0;
  for (const id of ids) {
    const res = await fetch(`${url}/api/v1/patients/${id}`, { headers: { cookie } });
    if (res.status === 200) found += 1;
  }
  return found;
}

describe.runIf(embeddedPass)("crash recovery (embedded-mode pass only)", () => {
  it("keeps every acknowledged write after kill -9 of the app, then of the app and PostgreSQL", {
    timeout: 240_000,
  }, async () => {
    dir = await mkdtemp(path.join(tmpdir(), "evident-crash-"));
    const env = { EVIDENT_DATA_DIR: dir, EVIDENT_DEMO_PATIENTS: "5" };

    app = await startApp(env);
    let writer = writeUntilKilled(app.url, await signIn(app.url), "a");
    await someWrites(writer);
    app.child.kill("SIGKILL");
    await writer.stop();
    const firstRound = [...writer.acknowledged];
    expect(firstRound.length).toBeGreaterThan(5);

    app = await startApp(env);
    expect(app.output()).toMatch(/stopped an orphaned PostgreSQL server/);
    expect(await present(app.url, firstRound)).toBe(firstRound.length);

    writer = writeUntilKilled(app.url, await signIn(app.url), "b");
    await someWrites(writer);
    const pgPid = Number((await readFile(path.join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
    app.child.kill("SIGKILL");
    process.kill(pgPid, "SIGKILL");
    await writer.stop();
    const secondRound = [...writer.acknowledged];
    expect(secondRound.length).toBeGreaterThan(5);

    app = await startApp(env);
    expect(await present(app.url, [...firstRound, ...secondRound])).toBe(
      firstRound.length + secondRound.length,
    );
    expect(await app.stop()).toBe(0);
    app = null;
  });
});
