import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const signIn = (email: string, password: string, cookie?: string) =>
  h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email, password }, cookie });

describe("staff sign-in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and returns the user with their permissions", async () => {
    const s = await h.staff("coordinator");
    const res = await signIn(s.email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ kind: "staff", role: "coordinator", email: s.email });
    expect(res.json.permissions).not.toContain("treatments:write");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/evident_session=[A-Za-z0-9_-]{43};/);
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const s = await h.staff();
    const wrong = await signIn(s.email, "not the password");
    const unknown = await signIn("nobody@clinic.test", "not the password");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json.detail).toBe(unknown.json.detail);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("rotates the session at sign-in: the old cookie stops working", async () => {
    const s = await h.staff();
    const again = await signIn(s.email, PASSWORD, s.cookie);
    const fresh = h.cookieFrom(again);
    expect(fresh).not.toBe(s.cookie);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(401);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: fresh })).status).toBe(200);
  });

  it("revokes the session at sign-out", async () => {
    const s = await h.staff();
    expect((await h.call("POST", "/api/v1/auth/sign-out", { cookie: s.cookie })).status).toBe(204);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(401);
  });

  it("expires a session after 30 idle minutes", async () => {
    const s = await h.staff();
    h.clock.set(new Date(h.clock.now().getTime() + 29 * 60_000));
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(200);
    h.clock.set(new Date(h.clock.now().getTime() + 31 * 60_000));
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(401);
  });

  it("expires a busy session 12 hours after sign-in", async () => {
    const s = await h.staff();
    for (let step = 1; step <= 35; step++) {
      // 35 × 20 min = 11 h 40 min: still inside the 12-hour limit, never idle for 30 minutes
      h.clock.set(new Date(h.clock.now().getTime() + 20 * 60_000));
      expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(200);
    }
    h.clock.set(new Date(h.clock.now().getTime() + 20 * 60_000));
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: s.cookie })).status).toBe(401);
  });

  it("throttles after 5 failed attempts with 429 and Retry-After, even for the right password", async () => {
    const s = await h.staff();
    for (let i = 0; i < 5; i++) expect((await signIn(s.email, `wrong-${i}`)).status).toBe(401);
    const blocked = await signIn(s.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    h.clock.set(new Date(h.clock.now().getTime() + 16 * 60_000));
    expect((await signIn(s.email, PASSWORD)).status).toBe(200);
  });
});

describe("CSRF protection", () => {
  it("refuses a cookie-authenticated write from another site", async () => {
    const s = await h.staff();
    const before = await h.count("patients");
    const crossSite = await h.call("POST", "/api/v1/patients", {
      cookie: s.cookie,
      body: h.patientBody(),
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await h.call("POST", "/api/v1/patients", {
      cookie: s.cookie,
      body: h.patientBody(),
      headers: { origin: "https://evil.example" },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(await h.count("patients")).toBe(before);
    const sameOrigin = await h.call("POST", "/api/v1/patients", {
      cookie: s.cookie,
      body: h.patientBody(),
      headers: { origin: "http://evident.test", "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(201);
  });
});

describe("portal invitations", () => {
  it("works once: sets the password, signs the patient in, then the link is dead", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "once@mail.test" });
    const token = await h.latestInvitationToken(p.id);
    const look = await h.call("POST", "/api/v1/invitations/lookup", { body: { token } });
    expect(look.json).toMatchObject({ patientName: "Ada Lovelace", clinicName: "Clinic" });
    const accept = await h.call("POST", "/api/v1/invitations/accept", {
      body: { token, password: PASSWORD },
    });
    expect(accept.status).toBe(200);
    expect(accept.json).toMatchObject({ kind: "patient", patientId: p.id });
    const again = await h.call("POST", "/api/v1/invitations/accept", { body: { token, password: PASSWORD } });
    expect(again.status).toBe(404);
    const signInAsPatient = await h.call("POST", "/api/v1/auth/patient/sign-in", {
      body: { email: "once@mail.test", password: PASSWORD },
    });
    expect(signInAsPatient.status).toBe(200);
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    expect(detail.json.portal).toBe("active");
  });

  it("expires after 7 days, and a new invitation withdraws the old link", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "late@mail.test" });
    const first = await h.latestInvitationToken(p.id);
    await h.call("POST", `/api/v1/patients/${p.id}/invitations`, { cookie: s.cookie, body: {} });
    const second = await h.latestInvitationToken(p.id);
    expect(second).not.toBe(first);
    expect((await h.call("POST", "/api/v1/invitations/lookup", { body: { token: first } })).status).toBe(404);
    h.clock.set(new Date(h.clock.now().getTime() + 7 * 86_400_000 + 1000));
    const expired = await h.call("POST", "/api/v1/invitations/accept", {
      body: { token: second, password: PASSWORD },
    });
    expect(expired.status).toBe(404);
    expect(expired.json.detail).toMatch(/expired or was already used/);
  });

  it("withdraws a queued invitation at once when a newer one replaces it, saying why", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "twice@mail.test" });
    await h.call("POST", `/api/v1/patients/${p.id}/invitations`, { cookie: s.cookie, body: {} });
    const outbox = await h.call("GET", "/api/v1/outbox", { cookie: s.cookie });
    const mine = outbox.json.items.filter(
      (m: { patientId: string; kind: string }) => m.patientId === p.id && m.kind === "portal-invitation",
    );
    // Both were queued at the same instant: tell them apart by status, not by order.
    expect(mine.map((m: { status: string }) => m.status).sort()).toEqual(["pending", "withdrawn"]);
    const withdrawn = mine.find((m: { status: string }) => m.status === "withdrawn");
    expect(withdrawn.withdrawnReason).toMatch(/newer link replaced it/);
    // The newer one is the link that works.
    const token = await h.latestInvitationToken(p.id);
    expect((await h.call("POST", "/api/v1/invitations/lookup", { body: { token } })).status).toBe(200);
  });

  it("refuses a short password without using up the link", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie, { email: "short@mail.test" });
    const token = await h.latestInvitationToken(p.id);
    const res = await h.call("POST", "/api/v1/invitations/accept", { body: { token, password: "short" } });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: "password", message: "must be at least 12 characters" }]);
    expect((await h.call("POST", "/api/v1/invitations/lookup", { body: { token } })).status).toBe(200);
  });

  it("does not sign in a patient whose invitation was never accepted", async () => {
    const s = await h.staff();
    await h.patient(s.cookie, { email: "pending@mail.test" });
    const res = await h.call("POST", "/api/v1/auth/patient/sign-in", {
      body: { email: "pending@mail.test", password: PASSWORD },
    });
    expect(res.status).toBe(401);
  });
});
