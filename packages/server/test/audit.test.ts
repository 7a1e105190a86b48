/** Every read and write of patient data leaves a hash-chained audit event; tampering is detected. */
import { verifyAudit } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function events(patientId?: string) {
  const { rows } = await h.database.pool.query(
    `select seq, actor_kind, actor_id, action, entity_type, entity_id, patient_id, request_id, detail
       from audit_events ${patientId ? "where patient_id = $1" : ""} order by seq`,
    patientId ? [patientId] : [],
  );
  return rows;
}

describe("audit trail", () => {
  it("records who read and wrote which patient's data, with the request id", async () => {
    const s = await h.staff("clinician");
    const p = await h.patient(s.cookie, { email: "audit@mail.test" });
    await h.call("GET", `/api/v1/patients/${p.id}`, {
      cookie: s.cookie,
      headers: { "x-request-id": "req-read-1" },
    });
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2026-03-01" },
    });
    const log = await events(p.id);
    expect(log.map((e) => `${e.action} ${e.entity_type}`)).toEqual([
      "create patient",
      "invite invitation",
      "read patient",
      "create treatment",
    ]);
    expect(log.every((e) => e.actor_kind === "staff" && e.actor_id === s.id)).toBe(true);
    expect(log[2].request_id).toBe("req-read-1");
    const search = await h.call("GET", "/api/v1/patients?q=Love", { cookie: s.cookie });
    const all = await events();
    expect(all.at(-1)).toMatchObject({ action: "search", entity_type: "patient" });
    expect(all.at(-1).detail.returned).toEqual(search.json.items.map((i: { id: string }) => i.id));
  });

  it("records staff sign-in and sign-out", async () => {
    const s = await h.staff("coordinator");
    await h.call("POST", "/api/v1/auth/sign-out", { cookie: s.cookie });
    const mine = (await events()).filter((e) => e.actor_id === s.id).map((e) => e.action);
    expect(mine).toEqual(["sign-in", "sign-out"]);
  });

  it("records nothing for a write that was refused", async () => {
    const s = await h.staff("clinician");
    const before = (await events()).length;
    await h.call("POST", "/api/v1/patients", {
      cookie: s.cookie,
      body: h.patientBody({ birthDate: "nope" }),
    });
    expect((await events()).length).toBe(before);
  });

  it("verifies an intact chain", async () => {
    const result = await verifyAudit(h.database.db);
    expect(result.ok).toBe(true);
    expect(result.events).toBe((await events()).length);
  });

  it("names the first altered event", async () => {
    const seq = 3;
    const { rows } = await h.database.pool.query("select action from audit_events where seq = $1", [seq]);
    await h.database.pool.query("update audit_events set action = 'innocent' where seq = $1", [seq]);
    const result = await verifyAudit(h.database.db);
    expect(result).toMatchObject({
      ok: false,
      firstBroken: { seq, reason: expect.stringMatching(/altered/) },
    });
    await h.database.pool.query("update audit_events set action = $2 where seq = $1", [seq, rows[0].action]);
  });

  it("names a deleted event, and an event re-hashed to hide an edit", async () => {
    // A middle event: removing the newest events leaves a shorter valid chain, which only an
    // external record of the head (`evident audit verify` prints it) can reveal.
    const row = (await events())[1];
    const copy = await h.database.pool.query("select * from audit_events where seq = $1", [row.seq]);
    await h.database.pool.query("delete from audit_events where seq = $1", [row.seq]);
    expect(await verifyAudit(h.database.db)).toMatchObject({
      ok: false,
      firstBroken: { seq: row.seq, reason: expect.stringMatching(/missing/) },
    });
    const c = copy.rows[0];
    await h.database.pool.query(
      "insert into audit_events (seq, id, at, actor_kind, actor_id, clinic_id, patient_id, action, entity_type, entity_id, request_id, detail, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
      [
        c.seq,
        c.id,
        c.at,
        c.actor_kind,
        c.actor_id,
        c.clinic_id,
        c.patient_id,
        c.action,
        c.entity_type,
        c.entity_id,
        c.request_id,
        c.detail,
        c.prev_hash,
        c.hash,
      ],
    );
    expect((await verifyAudit(h.database.db)).ok).toBe(true);
    // Forge a new hash for an edited event: the next event's prev_hash no longer matches.
    await h.database.pool.query("update audit_events set hash = repeat('a', 64) where seq = $1", [row.seq]);
    const forged = await verifyAudit(h.database.db);
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect([row.seq, row.seq + 1]).toContain(forged.firstBroken.seq);
  });
});
