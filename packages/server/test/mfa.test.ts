/** Two-step sign-in for staff (TOTP, RFC 6238) with recovery codes; required of admins. */
import { createClinic, createStaffUser } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords";
import { totpCode } from "../src/auth/totp";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const signIn = (email: string, code?: string) =>
  h.call("POST", "/api/v1/auth/staff/sign-in", {
    body: { email, password: PASSWORD, ...(code ? { code } : {}) },
  });
const later = (seconds: number) => h.clock.set(new Date(h.clock.now().getTime() + seconds * 1000));

/** A staff member made by the command line, without two-step sign-in yet. */
async function fresh(role: "admin" | "clinician", clinicId?: string) {
  const c = clinicId ?? (await createClinic(h.database.db, "MFA clinic", h.clock.now())).id;
  const email = `${role}.${Math.random().toString(36).slice(2)}@mfa.test`;
  await createStaffUser(
    h.database.db,
    { clinicId: c, email, name: "Mo Fa", role, passwordHash: await hashPassword(PASSWORD) },
    undefined,
    h.clock.now(),
  );
  return { email, clinicId: c };
}

async function enrol(cookie: string) {
  const start = await h.call("POST", "/api/v1/auth/mfa/enrolment", { cookie });
  expect(start.status).toBe(200);
  expect(start.json.qrSvg).toMatch(/^<svg/);
  expect(start.json.otpauthUri).toMatch(/^otpauth:\/\/totp\/Evident:/);
  const secret: string = start.json.secret;
  const confirm = await h.call("POST", "/api/v1/auth/mfa/enrolment/confirm", {
    cookie,
    body: { code: totpCode(secret, h.clock.now()) },
  });
  expect(confirm.status).toBe(200);
  return { secret, recoveryCodes: confirm.json.recoveryCodes as string[] };
}

describe("two-step sign-in", () => {
  it("sends an admin without it to set it up before anything else", async () => {
    const a = await fresh("admin");
    const res = await signIn(a.email);
    expect(res.status).toBe(200);
    expect(res.json.mfa).toEqual({ enabled: false, required: true });
    const cookie = h.cookieFrom(res);
    const held = await h.call("GET", "/api/v1/patients", { cookie });
    expect(held.status).toBe(403);
    expect(held.json.detail).toMatch(/two-step sign-in first/);
    await enrol(cookie);
    expect((await h.call("GET", "/api/v1/patients", { cookie })).status).toBe(200);
  });

  it("asks for a code after the right password, accepts it once, and keeps the secret to itself", async () => {
    const a = await fresh("admin");
    const { secret } = await enrol(h.cookieFrom(await signIn(a.email)));
    later(60);
    const noCode = await signIn(a.email);
    expect(noCode.status).toBe(401);
    expect(noCode.json.issues).toEqual([{ path: "code", message: "is required" }]);
    const code = totpCode(secret, h.clock.now());
    expect((await signIn(a.email, code)).status).toBe(200);
    const replay = await signIn(a.email, code);
    expect(replay.status).toBe(401);
    expect(replay.json.issues[0].path).toBe("code");
    const { rows } = await h.database.pool.query<{ mfa_secret: string }>(
      "select mfa_secret from staff_users where lower(email) = $1",
      [a.email],
    );
    expect(rows[0]?.mfa_secret).not.toContain(secret);
    expect(
      (
        await h.call("POST", "/api/v1/auth/mfa/enrolment", {
          cookie: h.cookieFrom(
            await signIn(a.email, totpCode(secret, new Date(h.clock.now().getTime() + 30_000))),
          ),
        })
      ).status,
    ).toBe(409);
  });

  it("takes each recovery code once", async () => {
    const a = await fresh("admin");
    const { recoveryCodes } = await enrol(h.cookieFrom(await signIn(a.email)));
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[0]!;
    expect((await signIn(a.email, code.toUpperCase())).status).toBe(200);
    expect((await signIn(a.email, code)).status).toBe(401);
    expect((await signIn(a.email, recoveryCodes[1]!)).status).toBe(200);
  });

  it("swaps the recovery codes for new ones with the password: the old ones stop working, and it is audited", async () => {
    const a = await fresh("admin");
    const cookie = h.cookieFrom(await signIn(a.email));
    const { recoveryCodes: old } = await enrol(cookie);
    expect((await signIn(a.email, old[0]!)).status).toBe(200);
    const left = await h.call("GET", "/api/v1/auth/mfa/recovery-codes", { cookie });
    expect(left.json).toEqual({ unused: 9 });

    const wrong = await h.call("POST", "/api/v1/auth/mfa/recovery-codes", {
      cookie,
      body: { password: "not the password at all" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toEqual([{ path: "password", message: "is not your current password" }]);
    expect((await h.call("GET", "/api/v1/auth/mfa/recovery-codes", { cookie })).json).toEqual({ unused: 9 });

    const res = await h.call("POST", "/api/v1/auth/mfa/recovery-codes", {
      cookie,
      body: { password: PASSWORD },
    });
    expect(res.status).toBe(200);
    const fresh10 = res.json.recoveryCodes as string[];
    expect(fresh10).toHaveLength(10);
    expect(fresh10.filter((c) => old.includes(c))).toEqual([]);
    expect((await h.call("GET", "/api/v1/auth/mfa/recovery-codes", { cookie })).json).toEqual({ unused: 10 });
    expect((await signIn(a.email, old[1]!)).status).toBe(401);
    expect((await signIn(a.email, fresh10[0]!)).status).toBe(200);
    const { rows } = await h.database.system.pool.query<{ n: number }>(
      `select count(*)::int as n from audit_events e join staff_users u on u.id::text = e.entity_id
        where e.action = 'replace-recovery-codes' and lower(u.email) = $1`,
      [a.email],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("has no recovery codes to count or replace while two-step sign-in is off", async () => {
    const a = await fresh("clinician");
    const cookie = h.cookieFrom(await signIn(a.email));
    expect((await h.call("GET", "/api/v1/auth/mfa/recovery-codes", { cookie })).status).toBe(409);
    const res = await h.call("POST", "/api/v1/auth/mfa/recovery-codes", {
      cookie,
      body: { password: PASSWORD },
    });
    expect(res.status).toBe(409);
    const missing = await h.call("POST", "/api/v1/auth/mfa/recovery-codes", { cookie, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.issues[0].path).toBe("password");
  });

  it("is required of every staff member when the clinic says so", async () => {
    const admin = await h.staff("admin");
    const c = await fresh("clinician", admin.clinicId);
    const cookie = h.cookieFrom(await signIn(c.email));
    expect((await h.call("GET", "/api/v1/patients", { cookie })).status).toBe(200);
    const set = await h.call("PUT", "/api/v1/clinic/mfa-policy", {
      cookie: admin.cookie,
      body: { requireMfa: true },
    });
    expect(set.status).toBe(200);
    expect((await h.call("GET", "/api/v1/patients", { cookie })).status).toBe(403);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie })).json.mfa).toEqual({
      enabled: false,
      required: true,
    });
  });

  it("lets an admin reset a colleague's lost second factor, which ends their sessions", async () => {
    const admin = await h.staff("admin");
    const colleague = await h.staff("clinician", admin.clinicId, { mfa: true });
    const res = await h.call("POST", `/api/v1/staff/${colleague.id}/mfa-reset`, { cookie: admin.cookie });
    expect(res.json.mfaEnabled).toBe(false);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: colleague.cookie })).status).toBe(401);
    expect((await signIn(colleague.email)).status).toBe(200);
  });

  it("refuses a wrong first code at enrolment, naming the field", async () => {
    const a = await fresh("clinician");
    const cookie = h.cookieFrom(await signIn(a.email));
    await h.call("POST", "/api/v1/auth/mfa/enrolment", { cookie });
    const res = await h.call("POST", "/api/v1/auth/mfa/enrolment/confirm", {
      cookie,
      body: { code: "000000" },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe("code");
  });
});
