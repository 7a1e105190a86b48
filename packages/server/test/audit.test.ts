/**
 * Every read and write of patient data leaves an audit event in its clinic's keyed chain; the
 * app's database role can only append them, and the trigger refuses changes even to the owner.
 * (Tampering as a superuser: db/test/audit-tamper.test.ts.)
 */
import { chainLockName, verifyAudit } from "@evident/db";
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

  it("verifies an intact trail, one chain per clinic", async () => {
    const result = await verifyAudit(h.database.db, h.database.audit);
    expect(result.ok).toBe(true);
    expect(result.events).toBe((await events()).length);
    const { rows } = await h.database.pool.query<{ n: number }>(
      "select count(distinct clinic_id)::int as n from audit_events",
    );
    expect(result.chains).toHaveLength(rows[0]!.n);
  });

  it("lets the app's database role append and read audit events, but not change or remove them", async () => {
    const { rows } = await h.database.appPool.query<{ su: boolean; role: string }>(
      "select rolsuper as su, current_user as role from pg_roles where rolname = current_user",
    );
    expect(rows[0]).toEqual({ su: false, role: "evident_app" });
    for (const statement of [
      "update audit_events set action = 'innocent' where seq = 1",
      "delete from audit_events where seq = 1",
      "truncate audit_events",
      "alter table audit_events disable trigger audit_events_append_only",
      "insert into audit_key (key_id) values ('mine') on conflict (singleton) do update set key_id = 'mine'",
      "create table sneaky (id int)",
    ])
      await expect(h.database.appPool.query(statement), statement).rejects.toThrow(
        /permission denied|must be owner/,
      );
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit events even to the tables' owner", async () => {
    for (const statement of [
      "update audit_events set action = 'innocent' where seq = 1",
      "delete from audit_events where seq = 1",
      "truncate audit_events",
    ])
      await expect(h.database.owner.query(statement), statement).rejects.toThrow(
        /audit trail is append-only/,
      );
    expect((await verifyAudit(h.database.db, h.database.audit)).ok).toBe(true);
  });

  it("keeps appends of different clinics apart: a clinic's open transaction does not hold up another's", async () => {
    const a = await h.staff("clinician");
    const b = await h.staff("clinician");
    const pa = await h.patient(a.cookie);
    const client = await h.database.pool.connect();
    try {
      // Clinic A's chain is locked by a transaction that has appended and not yet committed.
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
        chainLockName(a.clinicId),
      ]);
      const read = await h.call("GET", "/api/v1/patients?q=Love", { cookie: b.cookie });
      expect(read.status).toBe(200);
      // …while clinic A's own next audited read waits for it.
      const waiting = h.call("GET", `/api/v1/patients/${pa.id}`, { cookie: a.cookie });
      const settled = await Promise.race([
        waiting.then(() => "done"),
        new Promise((r) => setTimeout(r, 300, "waiting")),
      ]);
      expect(settled).toBe("waiting");
      await client.query("commit");
      expect((await waiting).status).toBe(200);
    } finally {
      client.release();
    }
  });
});
