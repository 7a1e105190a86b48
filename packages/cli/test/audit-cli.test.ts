/** `evident migrate` and `evident audit verify` against a database named by DATABASE_URL. */
import { appendAudit } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
  for (let i = 0; i < 3; i++) {
    await db.db.transaction((tx) =>
      appendAudit(tx, {
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        actorKind: "system",
        actorId: null,
        clinicId: null,
        patientId: null,
        action: `step-${i}`,
        entityType: "test",
        entityId: null,
        requestId: null,
        detail: { i, nested: { b: 1, a: [1, 2] } },
      }),
    );
  }
});
afterAll(() => db.close());

describe("evident migrate", () => {
  it("applies migrations to the database in DATABASE_URL (idempotently) and says so", async () => {
    const r = await runCli(["migrate"], { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/migrations applied \(external database\)/);
  });
});

describe("evident audit verify", () => {
  it("exits 0 with the event count and the head hash when the chain is intact", async () => {
    const r = await runCli(["audit", "verify"], { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, events: 3, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("exits 1 and names the first broken event", async () => {
    await db.pool.query("update audit_events set detail = '{\"i\": 99}' where seq = 2");
    const r = await runCli(["audit", "verify"], { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    expect(r.stderr).toMatch(/audit chain broken at event 2/);
  });

  it("exits 2 on a bad subcommand", async () => {
    const r = await runCli(["audit", "check"], { DATABASE_URL: db.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: evident audit verify/);
  });
});

describe("evident", () => {
  it("prints usage and exits 2 for an unknown command", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
