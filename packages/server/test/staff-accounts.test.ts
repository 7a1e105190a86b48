/** A clinic's administrators manage its staff accounts, and cannot leave it without one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const signIn = (email: string, password = PASSWORD) =>
  h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email, password } });

describe("staff accounts", () => {
  it("invites by e-mail: the invitee sets a password through the link and signs in", async () => {
    const admin = await h.staff("admin");
    const res = await h.call("POST", "/api/v1/staff", {
      cookie: admin.cookie,
      body: { email: "new.nurse@clinic.test", name: "Nia Nurse", role: "coordinator" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "invited", role: "coordinator", mfaEnabled: false });
    expect((await signIn("new.nurse@clinic.test")).status).toBe(401);
    const token = await h.linkToken("new.nurse@clinic.test");
    const look = await h.call("POST", "/api/v1/auth/links/lookup", { body: { token } });
    expect(look.json).toMatchObject({ purpose: "staff-invitation", account: "staff", name: "Nia Nurse" });
    expect(
      (await h.call("POST", "/api/v1/auth/links/use", { body: { token, password: PASSWORD } })).status,
    ).toBe(204);
    const me = await signIn("new.nurse@clinic.test");
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: "coordinator", mfa: { enabled: false, required: false } });
    const list = await h.call("GET", "/api/v1/staff", { cookie: admin.cookie });
    expect(list.json.items.find((m: { email: string }) => m.email === "new.nurse@clinic.test").status).toBe(
      "active",
    );
  });

  it("refuses an invitation to an address that already has a staff account (409 naming email)", async () => {
    const admin = await h.staff("admin");
    const other = await h.staff("clinician", admin.clinicId);
    const res = await h.call("POST", "/api/v1/staff", {
      cookie: admin.cookie,
      body: { email: other.email, name: "Twin", role: "clinician" },
    });
    expect(res.status).toBe(409);
    expect(res.json.issues[0].path).toBe("email");
  });

  it("ends a disabled user's session at once, and lets them back in when re-enabled", async () => {
    const admin = await h.staff("admin");
    const c = await h.staff("clinician", admin.clinicId);
    expect((await h.call("GET", "/api/v1/patients", { cookie: c.cookie })).status).toBe(200);
    const off = await h.call("POST", `/api/v1/staff/${c.id}/disable`, { cookie: admin.cookie });
    expect(off.json.status).toBe("disabled");
    expect((await h.call("GET", "/api/v1/patients", { cookie: c.cookie })).status).toBe(401);
    expect((await signIn(c.email)).status).toBe(401);
    await h.call("POST", `/api/v1/staff/${c.id}/enable`, { cookie: admin.cookie });
    expect((await signIn(c.email)).status).toBe(200);
  });

  it("changes a role, effective on the person's next request", async () => {
    const admin = await h.staff("admin");
    const c = await h.staff("clinician", admin.clinicId);
    const res = await h.call("PUT", `/api/v1/staff/${c.id}/role`, {
      cookie: admin.cookie,
      body: { role: "researcher" },
    });
    expect(res.json.role).toBe("researcher");
    expect((await h.call("GET", "/api/v1/patients", { cookie: c.cookie })).status).toBe(403);
    const bad = await h.call("PUT", `/api/v1/staff/${c.id}/role`, {
      cookie: admin.cookie,
      body: { role: "owner" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe("role");
  });

  it("never disables or demotes the clinic's last active admin", async () => {
    const admin = await h.staff("admin");
    const second = await h.staff("admin", admin.clinicId);
    const demote = (id: string, cookie: string) =>
      h.call("PUT", `/api/v1/staff/${id}/role`, { cookie, body: { role: "clinician" } });
    expect((await demote(second.id, admin.cookie)).status).toBe(200);
    const last = await demote(admin.id, admin.cookie);
    expect(last.status).toBe(409);
    expect(last.json.detail).toMatch(/last active administrator/);
    const { rows } = await h.database.pool.query("select role from staff_users where id = $1", [admin.id]);
    expect(rows[0].role).toBe("admin");
    expect((await h.call("POST", `/api/v1/staff/${admin.id}/disable`, { cookie: admin.cookie })).status).toBe(
      409,
    );
  });

  it("shows the clinic's staff sessions to an admin, who can end one", async () => {
    const admin = await h.staff("admin");
    const c = await h.staff("coordinator", admin.clinicId);
    const list = await h.call("GET", "/api/v1/staff/sessions", { cookie: admin.cookie });
    const theirs = list.json.items.find((s: { staffUserId: string }) => s.staffUserId === c.id);
    expect(theirs).toMatchObject({ current: false, name: "Test coordinator" });
    expect(list.json.items.find((s: { current: boolean }) => s.current).staffUserId).toBe(admin.id);
    expect(
      (await h.call("DELETE", `/api/v1/staff/sessions/${theirs.id}`, { cookie: admin.cookie })).status,
    ).toBe(204);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: c.cookie })).status).toBe(401);
  });

  it("lets anyone see and end their own sessions, and no one else's", async () => {
    const c = await h.staff("clinician");
    const second = h.cookieFrom(await signIn(c.email));
    const mine = await h.call("GET", "/api/v1/auth/sessions", { cookie: c.cookie });
    expect(mine.json.items).toHaveLength(2);
    const other = mine.json.items.find((s: { current: boolean }) => !s.current);
    const stranger = await h.staff("clinician");
    expect(
      (await h.call("DELETE", `/api/v1/auth/sessions/${other.id}`, { cookie: stranger.cookie })).status,
    ).toBe(404);
    expect((await h.call("DELETE", `/api/v1/auth/sessions/${other.id}`, { cookie: c.cookie })).status).toBe(
      204,
    );
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: second })).status).toBe(401);
  });

  it("keeps staff management to admins, and to their own clinic", async () => {
    const c = await h.staff("clinician");
    expect((await h.call("GET", "/api/v1/staff", { cookie: c.cookie })).status).toBe(403);
    const admin = await h.staff("admin");
    const elsewhere = await h.staff("clinician");
    const res = await h.call("POST", `/api/v1/staff/${elsewhere.id}/disable`, { cookie: admin.cookie });
    expect(res.status).toBe(404);
  });

  it("audits invitations, role changes and disabling", async () => {
    const { rows } = await h.database.pool.query<{ action: string }>(
      "select distinct action from audit_events where entity_type = 'staff-user'",
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["invite-staff", "change-role", "disable-staff", "enable-staff", "sign-in"]),
    );
  });
});
