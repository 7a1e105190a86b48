/**
 * Sign-in throttling that an attacker cannot turn against the account's owner: an attack from
 * many addresses (behind a trusted proxy, X-Forwarded-For varied) slows down strangers, never the
 * owner's address; one address guessing is slowed down; nothing is locked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ trustProxy: 1 });
});
afterAll(() => h.close());

const from = (ip: string, email: string, password: string) =>
  h.call("POST", "/api/v1/auth/staff/sign-in", {
    body: { email, password },
    headers: { "x-forwarded-for": `203.0.113.250, ${ip}` },
  });
const randomIp = (i: number) => `198.51.${(i >> 8) & 255}.${i & 255}`;

describe("sign-in throttling", () => {
  it("lets the right password in from the owner's address while others attack the account", async () => {
    const s = await h.staff();
    expect((await from("192.0.2.10", s.email, PASSWORD)).status).toBe(200);
    const answers = new Set<number>();
    for (let i = 0; i < 60; i++) answers.add((await from(randomIp(i + 1), s.email, `guess-${i}`)).status);
    expect(answers.has(429)).toBe(true); // the attack was slowed down…
    expect((await from("192.0.2.10", s.email, PASSWORD)).status).toBe(200); // …the owner was not
    const stranger = await from("192.0.2.99", s.email, PASSWORD);
    expect(stranger.status).toBe(429); // a new address waits while the account is under attack
    expect(Number(stranger.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("slows down one address guessing, with a wait that grows, and never locks it for good", async () => {
    const s = await h.staff();
    for (let i = 0; i < 5; i++) expect((await from("192.0.2.20", s.email, `wrong-${i}`)).status).toBe(401);
    const first = await from("192.0.2.20", s.email, PASSWORD);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("30");
    h.clock.set(new Date(h.clock.now().getTime() + 31_000));
    expect((await from("192.0.2.20", s.email, "wrong-again")).status).toBe(401);
    expect((await from("192.0.2.20", s.email, PASSWORD)).headers.get("retry-after")).toBe("60");
    h.clock.set(new Date(h.clock.now().getTime() + 61_000));
    expect((await from("192.0.2.20", s.email, PASSWORD)).status).toBe(200);
  });

  it("keeps a browser that signed in before (its device cookie) out of an attack from its own address", async () => {
    const s = await h.staff();
    const ok = await from("192.0.2.30", s.email, PASSWORD);
    const device = /evident_device=([^;]+)/.exec(ok.headers.get("set-cookie") ?? "")?.[1];
    expect(device).toBeTruthy();
    for (let i = 0; i < 8; i++) await from("192.0.2.30", s.email, `wrong-${i}`);
    expect((await from("192.0.2.30", s.email, PASSWORD)).status).toBe(429);
    const owner = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: s.email, password: PASSWORD },
      headers: { "x-forwarded-for": "192.0.2.30", cookie: `evident_device=${device}` },
    });
    expect(owner.status).toBe(200);
  });

  it("audits every failure with the client address, without the e-mail typed", async () => {
    const { rows } = await h.database.pool.query<{ detail: { ip: string; reason: string } }>(
      "select detail from audit_events where action = 'sign-in-failed' order by seq desc limit 1",
    );
    expect(rows[0]?.detail).toMatchObject({ ip: "192.0.2.30", reason: "password" });
    expect(JSON.stringify(rows)).not.toContain("@clinic.test");
  });
});

describe("client address", () => {
  it("ignores X-Forwarded-For unless EVIDENT_TRUST_PROXY says a proxy sets it", async () => {
    const plain = await createHarness();
    try {
      const s = await plain.staff();
      for (let i = 0; i < 6; i++)
        await plain.call("POST", "/api/v1/auth/staff/sign-in", {
          body: { email: s.email, password: `wrong-${i}` },
          headers: { "x-forwarded-for": randomIp(i + 1) },
        });
      const { rows } = await plain.database.pool.query<{ ip: string }>(
        "select distinct ip from login_attempts",
      );
      expect(rows.map((r) => r.ip)).toEqual(["unknown"]);
    } finally {
      await plain.close();
    }
  });
});
