/**
 * One answer per questionnaire per follow-up: a second answer to a questionnaire the follow-up
 * already holds is refused (409 naming it, with when and by whom it was answered; nothing
 * written), from the clinic and the portal alike; a correction is the way to change one. The
 * record says who entered staff answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll, batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const nrs = (at: number) => ({ instrument: "nrs_back", answers: answerAll("nrs_back", at) });
const odi = (at: number) => ({ instrument: "odi", answers: answerAll("odi", at) });

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const staff = await h.staff("clinician", clinic.id);
  const p = await h.portalPatient(staff.cookie);
  const baseline = p.followUps.find((f) => f.timepoint === "baseline")!;
  const enter = (body: object) =>
    h.call("POST", `/api/v1/patients/${p.id}/responses`, { cookie: staff.cookie, body });
  const record = async () => (await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: staff.cookie })).json;
  return { staff, p, baseline, enter, record };
}

describe("a second answer to the same questionnaire at the same follow-up", () => {
  it("is refused from the clinic, naming the questionnaire, and nothing is written", async () => {
    const { baseline, enter, record } = await setup();
    expect((await enter({ followUpId: baseline.id, responses: [nrs(0.7)] })).status).toBe(201);
    const before = await Promise.all(["questionnaire_responses", "audit_events"].map(h.count));
    const again = await enter({ followUpId: baseline.id, responses: [odi(0.4), nrs(0.2)] });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toMatch(/problem\+json/);
    expect(again.json.issues).toEqual([
      {
        path: "responses.1.instrument",
        message:
          "Back pain was already answered for this follow-up on 2026-03-02 (entered by Test clinician); to change those answers, correct them",
      },
    ]);
    expect(await Promise.all(["questionnaire_responses", "audit_events"].map(h.count))).toEqual(before);
    // Without naming the follow-up, the answers go to the open one: the same refusal.
    expect((await enter({ responses: [nrs(0.2)] })).status).toBe(409);
    // What is missing is still accepted, and completes the follow-up.
    expect((await enter({ followUpId: baseline.id, responses: [odi(0.4)] })).status).toBe(201);
    const r = await record();
    expect(r.followUps.find((f: { id: string }) => f.id === baseline.id).status).toBe("completed");
    expect(r.responses.map((x: { instrument: string }) => x.instrument).sort()).toEqual(["nrs_back", "odi"]);
    // A completed follow-up names what it holds too.
    const after = await enter(batchFor(["nrs_back", "odi"], 0.5, baseline.id));
    expect(after.status).toBe(409);
    expect(after.json.issues.map((i: { path: string }) => i.path)).toEqual([
      "responses.0.instrument",
      "responses.1.instrument",
    ]);
  });

  it("is accepted as a correction, which supersedes the answer it corrects", async () => {
    const { p, staff, baseline, enter, record } = await setup();
    const first = (await enter({ followUpId: baseline.id, responses: [nrs(0.7)] })).json.responses[0];
    expect(first.enteredBy).toEqual({ id: staff.id, name: "Test clinician" });
    const corrected = await h.call("POST", `/api/v1/patients/${p.id}/responses/${first.id}/corrections`, {
      cookie: staff.cookie,
      body: { answers: answerAll("nrs_back", 0.5), reason: "Misheard on the phone: five, not seven" },
    });
    expect(corrected.status).toBe(201);
    const nrsAnswers = (await record()).responses.filter(
      (x: { instrument: string }) => x.instrument === "nrs_back",
    );
    expect(nrsAnswers.map((x: { score: number }) => x.score)).toEqual([5]);
  });

  it("is refused from the portal too, saying the patient answered it", async () => {
    const { p, baseline, enter } = await setup();
    await h.answerSafetyQuestions(p.cookie);
    const portal = (body: object) => h.call("POST", "/api/v1/portal/responses", { cookie: p.cookie, body });
    const first = await portal({ followUpId: baseline.id, responses: [nrs(0.6)] });
    expect(first.status).toBe(201);
    expect(first.json.responses[0].enteredBy).toBeNull();
    const again = await portal({ followUpId: baseline.id, responses: [nrs(0.6)] });
    expect(again.status).toBe(409);
    expect(again.json.issues[0]).toMatchObject({ path: "responses.0.instrument" });
    const staffToo = await enter({ followUpId: baseline.id, responses: [nrs(0.6)] });
    expect(staffToo.json.issues[0].message).toMatch(/\(by the patient\)/);
  });
});
