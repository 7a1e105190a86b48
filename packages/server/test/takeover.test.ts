/**
 * Nobody at the clinic can get into a patient's (or a colleague's) account: one-time links are
 * never readable by staff, an active account is never re-invited, and passwords change only
 * through their owner — by the current password or a reset link e-mailed to the address on record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const NEW_PASSWORD = "a brand new passphrase";
const patientSignIn = (email: string, password: string) =>
  h.call("POST", "/api/v1/auth/patient/sign-in", { body: { email, password } });

async function auditActions(): Promise<string[]> {
  const { rows } = await h.database.pool.query<{ action: string }>(
    "select action from audit_events order by seq",
  );
  return rows.map((r) => r.action);
}

describe("invitation links", () => {
  it("are never readable by staff: the outbox API hides them and no table holds the token", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "hidden@mail.test" });
    const outbox = await h.call("GET", "/api/v1/outbox", { cookie: s.cookie });
    const msg = outbox.json.items.find((m: { patientId: string }) => m.patientId === p.id);
    expect(msg.body).toContain("[link hidden");
    const token = await h.latestInvitationToken(p.id); // as the patient's mailbox receives it
    const tables = ["outbox_messages", "invitations", "account_links", "audit_events", "sessions"];
    for (const table of tables) {
      const { rows } = await h.database.pool.query<{ t: string | null }>(
        `select string_agg(row_to_json(x)::text, ' ') as t from ${table} x`,
      );
      expect(rows[0]?.t ?? "", table).not.toContain(token);
    }
    const { rows: hashed } = await h.database.pool.query<{ n: number }>(
      "select count(*)::int as n from invitations where token_hash = encode(sha256($1::bytea), 'hex')",
      [token],
    );
    expect(hashed[0]?.n).toBe(1); // only its SHA-256 is kept
    const sent = await h.call("GET", "/api/v1/outbox", { cookie: s.cookie });
    expect(JSON.stringify(sent.json)).not.toContain(token);
    // …and the e-mailed token works.
    const accepted = await h.call("POST", "/api/v1/invitations/accept", {
      body: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
  });

  it("are not sent when a newer invitation replaced them first", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "replaced@mail.test" });
    await h.call("POST", `/api/v1/patients/${p.id}/invitations`, { cookie: s.cookie, body: {} });
    const { rows } = await h.database.pool.query<{ status: string }>(
      "select status from outbox_messages where patient_id = $1 order by created_at, id",
      [p.id],
    );
    // Withdrawn as the newer one is made, not left for the dispatcher to find.
    expect(rows.map((r) => r.status)).toEqual(["withdrawn", "pending"]);
    const { rows: first } = await h.database.pool.query<{ id: string }>(
      "select id from outbox_messages where patient_id = $1 order by created_at, id limit 1",
      [p.id],
    );
    const { sendOutboxMessage } = await import("@evident/db");
    const outcome = await sendOutboxMessage(h.database.db, first[0]!.id, h.clock.now(), async () => {
      throw new Error("must not be sent");
    });
    expect(outcome).toBe("skipped");
  });

  it("refuses to invite a patient whose account is active (409), leaving their password and address alone", async () => {
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie, "active@mail.test");
    const before = await h.count("outbox_messages");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/invitations`, {
      cookie: s.cookie,
      body: { email: "attacker@mail.test" },
    });
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/Forgot password/);
    expect(await h.count("outbox_messages")).toBe(before);
    expect((await patientSignIn("active@mail.test", PASSWORD)).status).toBe(200);
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    expect(detail.json.email).toBe("active@mail.test");
  });
});

describe("forgot password", () => {
  it("answers 202 alike for a known and an unknown address, and e-mails only the known one", async () => {
    const s = await h.staff();
    await h.portalPatient(s.cookie, "known@mail.test");
    const known = await h.call("POST", "/api/v1/auth/patient/password-reset", {
      body: { email: "known@mail.test" },
    });
    const unknown = await h.call("POST", "/api/v1/auth/patient/password-reset", {
      body: { email: "nobody@mail.test" },
    });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.text).toBe(unknown.text);
    const { rows } = await h.database.pool.query<{ to_address: string; body: string }>(
      "select to_address, body from outbox_messages where kind = 'password-reset'",
    );
    expect(rows.map((r) => r.to_address)).toEqual(["known@mail.test"]);
    expect(rows[0]?.body).toContain("{{token}}");
  });

  it("keeps the old password until the link is used, then ends every session; the link works once", async () => {
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie, "forgot@mail.test");
    await h.call("POST", "/api/v1/auth/patient/password-reset", { body: { email: "forgot@mail.test" } });
    const token = await h.linkToken("forgot@mail.test");
    expect((await patientSignIn("forgot@mail.test", PASSWORD)).status).toBe(200);
    const look = await h.call("POST", "/api/v1/auth/links/lookup", { body: { token } });
    expect(look.json).toMatchObject({ purpose: "password-reset", account: "patient", name: "Ada Lovelace" });
    const use = await h.call("POST", "/api/v1/auth/links/use", { body: { token, password: NEW_PASSWORD } });
    expect(use.status).toBe(204);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: p.cookie })).status).toBe(401);
    expect((await patientSignIn("forgot@mail.test", PASSWORD)).status).toBe(401);
    expect((await patientSignIn("forgot@mail.test", NEW_PASSWORD)).status).toBe(200);
    const again = await h.call("POST", "/api/v1/auth/links/use", { body: { token, password: PASSWORD } });
    expect(again.status).toBe(404);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["request-password-reset", "reset-password"]),
    );
  });

  it("expires a reset link after an hour", async () => {
    const s = await h.staff();
    await h.call("POST", "/api/v1/auth/staff/password-reset", { body: { email: s.email } });
    const token = await h.linkToken(s.email);
    h.clock.set(new Date(h.clock.now().getTime() + 61 * 60_000));
    const use = await h.call("POST", "/api/v1/auth/links/use", { body: { token, password: NEW_PASSWORD } });
    expect(use.status).toBe(404);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, then ends the account's other sessions", async () => {
    const s = await h.staff();
    const second = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: s.email, password: PASSWORD },
    });
    const other = h.cookieFrom(second);
    const wrong = await h.call("POST", "/api/v1/auth/password", {
      cookie: s.cookie,
      body: { currentPassword: "not it at all", newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toEqual([{ path: "currentPassword", message: "is not your current password" }]);
    const ok = await h.call("POST", "/api/v1/auth/password", {
      cookie: s.cookie,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.status).toBe(204);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(200);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: other })).status).toBe(401);
    const signIn = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: s.email, password: NEW_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    expect(await auditActions()).toContain("change-password");
  });

  it("lets a patient change theirs too", async () => {
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie, "changer@mail.test");
    const ok = await h.call("POST", "/api/v1/auth/password", {
      cookie: p.cookie,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.status).toBe(204);
    expect((await patientSignIn("changer@mail.test", NEW_PASSWORD)).status).toBe(200);
  });
});
