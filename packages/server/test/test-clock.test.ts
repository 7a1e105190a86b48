/**
 * The movable clock of a test server: absent unless EVIDENT_TEST_CLOCK=1, refused in production,
 * for administrators only, forward only, and what the handlers see once moved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { createHarness, type Harness } from "./harness";

describe("a normal server", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("has no clock route, even for an administrator", async () => {
    const c = await h.clinic();
    const admin = await h.staff("admin", c.id);
    const res = await h.call("POST", "/api/v1/test/clock", {
      cookie: admin.cookie,
      body: { advanceDays: 7 },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("is not configured with one unless asked, and never in production", () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ EVIDENT_TEST_CLOCK: "1" }).testClock).toBe(true);
    expect(() => loadConfig({ EVIDENT_TEST_CLOCK: "1", NODE_ENV: "production" })).toThrow(
      /EVIDENT_TEST_CLOCK.*NODE_ENV=production/s,
    );
    expect(() => loadConfig({ EVIDENT_TEST_CLOCK: "yes" })).toThrow(/EVIDENT_TEST_CLOCK/);
  });
});

describe("a test server's clock", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ testClock: true, now: "2026-03-02T09:00:00Z" });
  });
  afterAll(() => h.close());

  it("moves forward for an administrator, and the app sees the new date", async () => {
    const c = await h.clinic();
    const admin = await h.staff("admin", c.id);
    const clinician = await h.staff("clinician", c.id);

    expect(
      (await h.call("POST", "/api/v1/test/clock", { cookie: clinician.cookie, body: { advanceDays: 1 } }))
        .status,
    ).toBe(403);
    expect((await h.call("POST", "/api/v1/test/clock", { body: { advanceDays: 1 } })).status).toBe(401);

    for (const bad of [{ advanceDays: -1 }, { advanceDays: 1.5 }, { advanceDays: 801 }, { days: 3 }, null]) {
      const res = await h.call("POST", "/api/v1/test/clock", { cookie: admin.cookie, body: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.issues).toEqual([expect.objectContaining({ path: "advanceDays" })]);
    }
    expect((await h.call("GET", "/api/v1/test/clock", { cookie: admin.cookie })).json).toEqual({
      now: "2026-03-02T09:00:00.000Z",
      offsetDays: 0,
    });

    const moved = await h.call("POST", "/api/v1/test/clock", {
      cookie: admin.cookie,
      body: { advanceDays: 14 },
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ now: "2026-03-16T09:00:00.000Z", offsetDays: 14 });
    // Sessions are 12 hours at most: two weeks on, the old one is over.
    expect((await h.call("GET", "/api/v1/patients", { cookie: clinician.cookie })).status).toBe(401);
    // A patient registered now is registered on the moved date.
    const later = await h.staff("clinician", c.id);
    const p = await h.patient(later.cookie);
    const record = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: later.cookie });
    expect(record.json.createdAt.slice(0, 10)).toBe("2026-03-16");
  });
});
