/**
 * Red flags first: a new patient answers the safety questions before any questionnaire. The
 * portal says so, and the API refuses questionnaire answers with a 409 naming `responses`, with
 * nothing written. A patient whose treatment is already recorded (registered before the rule) is
 * past the intake and never held back; staff entering answers for a patient are not held either.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T10:00:00Z" });
});
afterAll(() => h.close());

const nrs = { responses: [{ instrument: "nrs_back", answers: { nrs_back: 6 } }] };
const answered = async (patientId: string) =>
  (
    await h.database.pool.query<{ n: number }>(
      "select count(*)::int as n from questionnaire_responses where patient_id = $1",
      [patientId],
    )
  ).rows[0]?.n;

describe("the safety questions come first", () => {
  it("holds a new patient's questionnaires until the safety questions are answered", async () => {
    const staff = await h.staff("clinician");
    const p = await h.portalPatient(staff.cookie);
    const state = await h.call("GET", "/api/v1/portal/intake", { cookie: p.cookie });
    expect(state.json).toMatchObject({ latest: null, safetyQuestionsFirst: true });

    const refused = await h.call("POST", "/api/v1/portal/responses", { cookie: p.cookie, body: nrs });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(refused.json.issues).toEqual([
      { path: "responses", message: expect.stringMatching(/safety questions come first/) },
    ]);
    expect(await answered(p.id)).toBe(0);

    await h.answerSafetyQuestions(p.cookie);
    const after = await h.call("GET", "/api/v1/portal/intake", { cookie: p.cookie });
    expect(after.json.safetyQuestionsFirst).toBe(false);
    const accepted = await h.call("POST", "/api/v1/portal/responses", { cookie: p.cookie, body: nrs });
    expect(accepted.status).toBe(201);
    expect(await answered(p.id)).toBe(1);
  });

  it("does not hold back a patient whose treatment is already recorded", async () => {
    const staff = await h.staff("clinician");
    const p = await h.portalPatient(staff.cookie);
    const treated = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: staff.cookie,
      body: { kind: "exercise_physiotherapy", date: "2026-02-20" },
    });
    expect(treated.status).toBe(201);
    const state = await h.call("GET", "/api/v1/portal/intake", { cookie: p.cookie });
    expect(state.json).toMatchObject({ latest: null, safetyQuestionsFirst: false });
    const sent = await h.call("POST", "/api/v1/portal/responses", { cookie: p.cookie, body: nrs });
    expect(sent.status).toBe(201);
  });

  it("lets staff enter a patient's answers before the safety questions", async () => {
    const staff = await h.staff("coordinator");
    const p = await h.patient(staff.cookie);
    const sent = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: staff.cookie,
      body: nrs,
    });
    expect(sent.status).toBe(201);
    expect(await answered(p.id)).toBe(1);
  });
});
