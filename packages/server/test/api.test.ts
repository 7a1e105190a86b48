import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the HTTP surface", () => {
  it("reports health with the database mode and version", async () => {
    const res = await h.call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok", database: h.database.mode, version: "0.1.0" });
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas, and a docs page", async () => {
    const doc = (await h.call("GET", "/api/openapi.json")).json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/patients",
        "/patients/{id}",
        "/patients/{id}/treatments",
        "/portal/responses",
        "/portal/drafts/{followUpId}",
        "/patients/{id}/responses/{responseId}/corrections",
        "/clinic/plan",
        "/clinic/instruments",
        "/clinic/instruments/{id}/licence",
        "/outcomes",
      ]),
    );
    const create = doc.paths["/patients"].post;
    expect(create.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["givenName", "familyName", "birthDate", "episode"]),
    );
    expect(create.responses["400"].content["application/problem+json"]).toBeDefined();
    const docs = await h.call("GET", "/api/docs");
    expect(docs.text).toMatch(/swagger-ui-bundle\.js/);
    expect((await h.call("GET", "/api/docs/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("answers unknown API routes with a problem+json 404", async () => {
    const res = await h.call("GET", "/api/v1/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("sends security headers and never lets API responses be cached", async () => {
    const s = await h.staff();
    const res = await h.call("GET", "/api/v1/patients", { cookie: s.cookie });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lists the instrument definitions the portal renders, with their licences", async () => {
    const res = await h.call("GET", "/api/v1/instruments/odi");
    expect(res.json).toMatchObject({ id: "odi", version: "2.1a", licence: { agreementNeeded: true } });
    expect(res.json.items).toHaveLength(10);
    expect(res.json.items[0].options).toHaveLength(6);
    expect((await h.call("GET", "/api/v1/instruments/vas")).status).toBe(404);
    // PROMIS-29 items carry their domain and stem, so a form can group them.
    const promis = await h.call("GET", "/api/v1/instruments/promis29");
    expect(promis.json.groups).toHaveLength(8);
    expect(promis.json.items[4]).toMatchObject({
      id: "EDANX01",
      group: "anxiety",
      context: "In the past 7 days",
    });
  });
});

describe("questionnaire answers", () => {
  it("names each bad item across instruments and stores nothing", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: s.cookie,
      body: {
        responses: [
          { instrument: "nrs_back", answers: { nrs_back: 11 } },
          { instrument: "odi", answers: { odi_1: 6, odi_12: 1 } },
          { instrument: "vas", answers: {} },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual([
      "responses.0.answers.nrs_back",
      "responses.1.answers.odi_1",
      "responses.1.answers.odi_12",
      "responses.2.instrument",
    ]);
    expect(await h.count("questionnaire_responses")).toBe(0);
  });

  it("stores an unscoreable ODI with a null score and the reason, and leaves the follow-up open", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: s.cookie,
      body: { responses: [{ instrument: "odi", answers: { odi_1: 2, odi_2: 2 } }] },
    });
    expect(res.status).toBe(201);
    expect(res.json.responses[0]).toMatchObject({
      score: null,
      scoreDetail: { reason: expect.stringMatching(/8 sections/) },
    });
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    expect(detail.json.followUps[0]).toMatchObject({ timepoint: "baseline", status: "open" });
  });

  it("refuses answers for a follow-up whose window has not opened", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "medication", date: "2026-03-02" },
    });
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    const sixMonths = detail.json.followUps.find((f: { timepoint: string }) => f.timepoint === "6m");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: s.cookie,
      body: { followUpId: sixMonths.id, responses: [{ instrument: "nrs_back", answers: { nrs_back: 2 } }] },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues[0]).toEqual({
      path: "followUpId",
      message: "this follow-up can be answered from 2026-07-22 to 2026-10-14",
    });
  });

  it("closes the baseline window at the treatment date", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "medication", date: "2026-03-10" },
    });
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    expect(detail.json.followUps[0]).toMatchObject({ timepoint: "baseline", windowEnd: "2026-03-10" });
  });

  it("refuses a treatment dated more than a year ahead, or of an unknown kind", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const res = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "stem cells", date: "2030-01-01" },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["kind"]);
    const far = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2030-01-01" },
    });
    expect(far.json.issues).toEqual([{ path: "date", message: "cannot be more than a year ahead" }]);
  });
});
