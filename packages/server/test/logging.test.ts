/**
 * Logs and headers: a request is logged as id, method, route pattern, status and duration, and
 * nothing a person typed (names, e-mails, birth dates, passwords, search text, session tokens)
 * reaches the log — not even when a failing query carried them as parameters. HSTS only when
 * the public address is https; one frame policy (CSP frame-ancestors and X-Frame-Options agree).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/http/logger";
import { createHarness, type Harness } from "./harness";

const lines: string[] = [];
const logger = createLogger({ level: "info", destination: { write: (l: string) => lines.push(l) } });
const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

let h: Harness;
let staff: { cookie: string; email: string };

beforeAll(async () => {
  h = await createHarness({ logger });
  staff = await h.staff("clinician");
});
afterAll(() => h.close());

describe("request logs", () => {
  it("log the request id, method, route pattern, status and duration, and not the query or values", async () => {
    const p = await h.patient(staff.cookie);
    lines.length = 0;
    const res = await h.call("GET", `/api/v1/patients/${p.id}`, {
      cookie: staff.cookie,
      headers: { "x-request-id": "req-log-1" },
    });
    expect(res.status).toBe(200);
    await h.call("GET", "/api/v1/patients?q=Wilhelmina", { cookie: staff.cookie });
    const [one, search] = entries();
    expect(one).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "req-log-1",
      method: "GET",
      route: "/api/v1/patients/:id",
      status: 200,
    });
    expect(typeof one!.ms).toBe("number");
    expect(search).toMatchObject({ route: "/api/v1/patients", status: 200 });
    expect(lines.join("")).not.toMatch(
      /Wilhelmina|evident_session|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}.*Wilhelmina/,
    );
    expect(lines.join("")).not.toContain(p.id);
  });

  it("never log the password or session of a sign-in", async () => {
    lines.length = 0;
    const res = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: staff.email, password: "correct horse battery staple" },
    });
    expect(res.status).toBe(200);
    const text = lines.join("");
    expect(text).toContain("/api/v1/auth/staff/sign-in");
    expect(text).not.toMatch(/correct horse|evident_session/);
    expect(text).not.toContain(staff.email);
  });
});

describe("a 500", () => {
  it("logs what failed — SQLSTATE, constraint, request id — but none of the query's parameters", async () => {
    // A constraint the app does not expect, so the insert fails as an unexpected database error.
    await h.database.owner.query(
      "alter table patients add constraint no_zebedee check (given_name <> 'Zebedee') not valid",
    );
    lines.length = 0;
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: staff.cookie,
      headers: { "x-request-id": "req-500" },
      body: h.patientBody({
        givenName: "Zebedee",
        familyName: "Quill",
        birthDate: "1971-02-03",
        email: "zq@mail.test",
      }),
    });
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ requestId: "req-500", detail: expect.stringMatching(/logged/) });
    const error = entries().find((e) => e.level === "error");
    expect(error).toMatchObject({
      requestId: "req-500",
      method: "POST",
      route: "/api/v1/patients",
      msg: "request failed",
    });
    expect(JSON.stringify(error)).toMatch(/"code":"23514".*"constraint":"no_zebedee"/);
    const text = lines.join("");
    expect(text).not.toMatch(/Zebedee|Quill|1971-02-03|zq@mail\.test|params/);
    expect(entries().find((e) => e.msg === "request")).toMatchObject({ requestId: "req-500", status: 500 });
    await h.database.owner.query("alter table patients drop constraint no_zebedee");
  });
});

describe("security headers", () => {
  it("send no HSTS over http, and one frame policy on API and docs alike", async () => {
    for (const path of ["/api/health", "/api/docs", "/api/openapi.json"]) {
      const res = await h.app.request(`http://evident.test${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
    }
  });

  it("send HSTS when the public address is https", async () => {
    const secure = await createHarness({ config: { publicUrl: "https://evident.example" } });
    try {
      const res = await secure.app.request("https://evident.example/api/health");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    } finally {
      await secure.close();
    }
  });
});
