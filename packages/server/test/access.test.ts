/**
 * Tenancy and roles: repositories are scoped to the signed-in user's clinic (and, for a patient,
 * to their own record), so another clinic's or another patient's data is simply not there (404,
 * never 403, which would confirm it exists).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let a: Awaited<ReturnType<Harness["staff"]>>;
let b: Awaited<ReturnType<Harness["staff"]>>;
let patientOfB: { id: string };

beforeAll(async () => {
  h = await createHarness();
  a = await h.staff("clinician", (await h.clinic("Clinic A")).id);
  b = await h.staff("clinician", (await h.clinic("Clinic B")).id);
  patientOfB = await h.patient(b.cookie, { givenName: "Bea", familyName: "Other" });
});
afterAll(() => h.close());

describe("clinic tenancy", () => {
  it("gives a clinician of clinic A a 404 for clinic B's patient, on every route", async () => {
    const id = patientOfB.id;
    const reads = [
      await h.call("GET", `/api/v1/patients/${id}`, { cookie: a.cookie }),
      await h.call("POST", `/api/v1/patients/${id}/treatments`, {
        cookie: a.cookie,
        body: { kind: "medication", date: "2026-03-01" },
      }),
      await h.call("POST", `/api/v1/patients/${id}/invitations`, {
        cookie: a.cookie,
        body: { email: "x@mail.test" },
      }),
      await h.call("POST", `/api/v1/patients/${id}/responses`, {
        cookie: a.cookie,
        body: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 5 } }] },
      }),
    ];
    expect(reads.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(await h.count("treatments")).toBe(0);
    expect(await h.count("questionnaire_responses")).toBe(0);
  });

  it("does not list clinic B's patients to clinic A", async () => {
    const list = await h.call("GET", "/api/v1/patients?q=Other", { cookie: a.cookie });
    expect(list.json).toEqual({ items: [], total: 0 });
    const own = await h.call("GET", "/api/v1/patients?q=Other", { cookie: b.cookie });
    expect(own.json.total).toBe(1);
  });

  it("keeps each clinic's outbox to itself", async () => {
    await h.patient(b.cookie, { email: "bmail@mail.test" });
    const outboxA = await h.call("GET", "/api/v1/outbox", { cookie: a.cookie });
    expect(outboxA.json.items).toEqual([]);
  });
});

describe("patients see only their own record", () => {
  it("gives patient X a 404 for patient Y's follow-up and a 403 on clinic routes", async () => {
    const x = await h.portalPatient(a.cookie);
    const y = await h.portalPatient(a.cookie);
    await h.answerSafetyQuestions(x.cookie);
    const yBaseline = y.followUps.find((f) => f.timepoint === "baseline")!;
    const submit = await h.call("POST", "/api/v1/portal/responses", {
      cookie: x.cookie,
      body: { followUpId: yBaseline.id, responses: [{ instrument: "nrs_back", answers: { nrs_back: 3 } }] },
    });
    expect(submit.status).toBe(400);
    expect(submit.json.issues).toEqual([
      { path: "followUpId", message: "no such follow-up for this patient" },
    ]);
    expect((await h.call("GET", `/api/v1/patients/${y.id}`, { cookie: x.cookie })).status).toBe(403);
    expect((await h.call("GET", "/api/v1/patients", { cookie: x.cookie })).status).toBe(403);
    expect((await h.call("GET", "/api/v1/outcomes", { cookie: x.cookie })).status).toBe(403);
    const home = await h.call("GET", "/api/v1/portal/home", { cookie: x.cookie });
    expect(home.json.due.map((f: { id: string }) => f.id)).not.toContain(yBaseline.id);
  });
});

describe("roles", () => {
  it("lets a researcher read pooled outcomes but no identified record", async () => {
    const r = await h.staff("researcher", a.clinicId);
    expect((await h.call("GET", "/api/v1/patients", { cookie: r.cookie })).status).toBe(403);
    expect((await h.call("GET", `/api/v1/patients/${patientOfB.id}`, { cookie: r.cookie })).status).toBe(403);
    expect((await h.call("GET", "/api/v1/outbox", { cookie: r.cookie })).status).toBe(403);
    expect(
      (await h.call("POST", "/api/v1/patients", { cookie: r.cookie, body: h.patientBody() })).status,
    ).toBe(403);
    const outcomes = await h.call("GET", "/api/v1/outcomes", { cookie: r.cookie });
    expect(outcomes.status).toBe(200);
    expect(outcomes.json.notes[0]).toMatch(/^All clinics pooled, de-identified/);
    expect(JSON.stringify(outcomes.json)).not.toMatch(/Bea|Other|Ada/);
  });

  it("does not let a coordinator record a treatment", async () => {
    const coord = await h.staff("coordinator", a.clinicId);
    const p = await h.patient(coord.cookie);
    const res = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: coord.cookie,
      body: { kind: "medication", date: "2026-03-01" },
    });
    expect(res.status).toBe(403);
  });

  it("answers 401 without a session", async () => {
    for (const path of ["/api/v1/patients", "/api/v1/outcomes", "/api/v1/portal/home", "/api/v1/auth/me"]) {
      const res = await h.call("GET", path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});
