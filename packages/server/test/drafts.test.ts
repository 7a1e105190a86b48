/**
 * Portal drafts: a patient leaves a questionnaire half-way and resumes it later from another
 * device (another session); the draft takes only valid answers to the follow-up's own
 * questionnaires, only while it is open, only for the patient's own follow-up, and is gone once
 * the answers are sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function patientWithBaseline() {
  const staff = await h.staff("clinician");
  const p = await h.portalPatient(staff.cookie);
  await h.answerSafetyQuestions(p.cookie);
  const home = await h.call("GET", "/api/v1/portal/home", { cookie: p.cookie });
  return { staff, p, followUp: home.json.due[0] as { id: string; instruments: string[] } };
}

const save = (cookie: string, followUpId: string, body: unknown) =>
  h.call("PUT", `/api/v1/portal/drafts/${followUpId}`, { cookie, body });
const load = (cookie: string, followUpId: string) =>
  h.call("GET", `/api/v1/portal/drafts/${followUpId}`, { cookie });

describe("a questionnaire draft", () => {
  it("is saved at each step and resumed in another session, where the patient left off", async () => {
    const { p, followUp } = await patientWithBaseline();
    expect((await load(p.cookie, followUp.id)).json).toEqual({ draft: null });
    await save(p.cookie, followUp.id, { answers: { nrs_back: { nrs_back: 6 } }, step: 1 });
    const saved = await save(p.cookie, followUp.id, {
      answers: { nrs_back: { nrs_back: 6 }, odi: { odi_1: 2, odi_2: 1 } },
      step: 3,
    });
    expect(saved.status).toBe(200);

    // Later, on a phone: a new sign-in, a new session.
    const phone = h.cookieFrom(
      await h.call("POST", "/api/v1/auth/patient/sign-in", { body: { email: p.email, password: PASSWORD } }),
    );
    expect(phone).not.toBe(p.cookie);
    expect((await load(phone, followUp.id)).json.draft).toEqual({
      followUpId: followUp.id,
      answers: { nrs_back: { nrs_back: 6 }, odi: { odi_1: 2, odi_2: 1 } },
      step: 3,
      savedAt: h.clock.now().toISOString(),
    });
  });

  it("is deleted when the answers are sent", async () => {
    const { p, followUp } = await patientWithBaseline();
    await save(p.cookie, followUp.id, { answers: { nrs_back: { nrs_back: 6 } }, step: 1 });
    const odi = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, 1]));
    const sent = await h.call("POST", "/api/v1/portal/responses", {
      cookie: p.cookie,
      body: {
        followUpId: followUp.id,
        responses: [
          { instrument: "nrs_back", answers: { nrs_back: 6 } },
          { instrument: "odi", answers: odi },
        ],
      },
    });
    expect(sent.json.followUpCompleted).toBe(true);
    expect((await load(p.cookie, followUp.id)).json).toEqual({ draft: null });
    // And the follow-up, now completed, takes no new draft.
    const late = await save(p.cookie, followUp.id, { answers: {}, step: 0 });
    expect(late.json.issues).toEqual([
      { path: "followUpId", message: "this questionnaire is not open for answers" },
    ]);
  });

  it("names each bad answer and questionnaire, and writes nothing", async () => {
    const { p, followUp } = await patientWithBaseline();
    await save(p.cookie, followUp.id, { answers: { nrs_back: { nrs_back: 4 } }, step: 1 });
    const auditBefore = await h.count("audit_events");
    const res = await save(p.cookie, followUp.id, {
      answers: { nrs_back: { nrs_back: 11 }, odi: { odi_1: 9, odi_99: 1 }, promis29: { PFA11: 3 } },
      step: 2,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      { path: "answers.nrs_back.nrs_back", message: "must be between 0 and 10" },
      { path: "answers.odi.odi_1", message: "must be one of 0, 1, 2, 3, 4, 5" },
      { path: "answers.odi.odi_99", message: "unknown item for odi" },
      { path: "answers.promis29", message: "is not a questionnaire of this follow-up" },
    ]);
    const shape = await save(p.cookie, followUp.id, {
      answers: { nrs_back: { nrs_back: 4 } },
      step: -1,
      at: 3,
    });
    expect(shape.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["at", "step"]);
    expect((await load(p.cookie, followUp.id)).json.draft).toMatchObject({
      answers: { nrs_back: { nrs_back: 4 } },
    });
    expect(await h.count("audit_events")).toBe(auditBefore + 1); // the read just now
  });

  it("belongs to its patient: another patient's follow-up is not found, and staff have no drafts", async () => {
    const { staff, followUp } = await patientWithBaseline();
    const other = await h.portalPatient(staff.cookie);
    expect((await save(other.cookie, followUp.id, { answers: {}, step: 0 })).status).toBe(404);
    expect((await load(other.cookie, followUp.id)).status).toBe(404);
    expect((await load(staff.cookie, followUp.id)).status).toBe(403);
  });

  it("records each save and each read in the audit trail", async () => {
    const { p, followUp } = await patientWithBaseline();
    await save(p.cookie, followUp.id, { answers: { nrs_back: { nrs_back: 3 } }, step: 1 });
    await load(p.cookie, followUp.id);
    const { rows } = await h.database.pool.query(
      "select actor_kind, action, entity_type, entity_id, patient_id, detail from audit_events order by seq desc limit 2",
    );
    expect(rows.reverse()).toEqual([
      expect.objectContaining({
        actor_kind: "patient",
        action: "save",
        entity_type: "response-draft",
        entity_id: followUp.id,
        patient_id: p.id,
        detail: { step: 1, answered: 1 },
      }),
      expect.objectContaining({ action: "read", entity_type: "response-draft", entity_id: followUp.id }),
    ]);
  });
});
