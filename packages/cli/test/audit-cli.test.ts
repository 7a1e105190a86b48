/**
 * `evident migrate`, `evident audit anchor` and `evident audit verify` against a database given
 * by DATABASE_URL (the app's role) and EVIDENT_MIGRATE_DATABASE_URL (the owner), with the
 * installation's audit key and anchor directory.
 */
import { appendAudit } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  for (let i = 0; i < 3; i++) {
    await db.system.db.transaction((tx) =>
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

/** As a superuser who turns the append-only trigger off first. */
const tamper = (statement: string) =>
  db.owner.query(`begin; set local session_replication_role = replica; ${statement}; commit`);

describe("evident migrate", () => {
  it("applies migrations as the owner and connects as the app's role (idempotently), and says so", async () => {
    const r = await runCli(["migrate"], db.cliEnv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/migrations applied \(external database\)/);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe("evident audit", () => {
  it("anchor writes the chains' heads outside the database", async () => {
    const r = await runCli(["audit", "anchor"], db.cliEnv);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      chains: 1,
      events: 3,
      file: expect.stringMatching(/audit-anchors\.jsonl$/),
    });
  });

  it("verify exits 0 with the event count, each chain and the anchors when the trail is intact", async () => {
    const r = await runCli(["audit", "verify"], db.cliEnv);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: true,
      events: 3,
      chains: [{ clinicId: null, events: 3, anchored: 3, head: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      anchors: { count: 1 },
      broken: [],
    });
    expect(r.stderr).toMatch(/audit trail intact: 3 events in 1 chain\(s\), checked against 1 anchor/);
  });

  it("verify works as well with DATABASE_URL alone, an owner (the app then switches to its role)", async () => {
    const r = await runCli(["audit", "verify"], {
      ...db.cliEnv,
      DATABASE_URL: db.ownerUrl,
      EVIDENT_MIGRATE_DATABASE_URL: "",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, events: 3 });
  });

  it("verify exits 1 and names the first broken event", async () => {
    const { rows } = await db.system.pool.query("select seq from audit_events where chain_seq = 2");
    await tamper(`update audit_events set detail = '{"i": 99}' where seq = ${rows[0].seq}`);
    const r = await runCli(["audit", "verify"], db.cliEnv);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, firstBroken: { seq: rows[0].seq, chainSeq: 2 } });
    expect(r.stderr).toMatch(/audit trail broken: chain without a clinic, event 2 .*altered/);
  });

  it("verify exits 1 after the trail was emptied, naming the anchor that recorded it", async () => {
    await tamper("truncate audit_events");
    const r = await runCli(["audit", "verify"], db.cliEnv);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      events: 0,
      firstBroken: { chainSeq: 1, anchor: { line: 1 } },
    });
    expect(r.stderr).toMatch(/has 0 events but the anchor .* recorded 3: events 1 to 3 were removed/);
  });

  it("exits 2 on a bad subcommand", async () => {
    const r = await runCli(["audit", "check"], db.cliEnv);
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
