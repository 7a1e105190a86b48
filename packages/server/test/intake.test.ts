/**
 * The red-flag intake through the API: answers stored verbatim with the rules version; each tier
 * does what it must for the clinic in the same transaction (emergency: a task due now and a
 * message to every clinician; urgent: a task within 24 hours; soon: a review before the decision
 * aid); flagged intakes block elective procedures (409 naming the reason) until a clinician's
 * audited review; bad answers named with nothing written; the STarT Back route for the clinician.
 */
import { triageRules } from "@evident/domain/triage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll, calmIntake } from "./answers";
import { overrideFor } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const calm = calmIntake();

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const coordinator = await h.staff("coordinator", clinic.id);
  const patient = await h.portalPatient(clinician.cookie);
  return { clinic, clinician, coordinator, patient };
}

const submit = (cookie: string, answers: unknown) =>
  h.call("POST", "/api/v1/portal/intake", { cookie, body: { answers } });
const triage = (cookie: string, patientId: string) =>
  h.call("GET", `/api/v1/patients/${patientId}/triage`, { cookie });
const tasks = (cookie: string) => h.call("GET", "/api/v1/tasks", { cookie });
const treat = (cookie: string, patientId: string, kind: string) =>
  h.call("POST", `/api/v1/patients/${patientId}/treatments`, {
    cookie,
    body: { kind, date: "2026-03-01", ...overrideFor(kind) },
  });
const outboxFor = async (patientId: string, kind: string) =>
  (
    await h.database.pool.query(
      "select to_address, subject, body from outbox_messages where patient_id = $1 and kind = $2",
      [patientId, kind],
    )
  ).rows;

describe("an emergency at intake", () => {
  it("tells the patient only what to do now, and the clinic gets a task due now and a message", async () => {
    const { clinic, clinician, patient } = await setup();
    const admin = await h.staff("admin", clinic.id);
    const res = await submit(patient.cookie, { ...calm, saddleNumbness: true, thoracicPain: true });
    expect(res.status).toBe(201);
    expect(res.json.latest).toMatchObject({ tier: "emergency", reviewed: false });
    expect(res.json.latest.advice.whatToDo).toMatch(/emergency department now, or call 911\./);
    expect(res.json.latest).not.toHaveProperty("flags");
    expect(res.json.decisionAidOpen).toBe(false);

    const queue = await tasks(clinician.cookie);
    expect(queue.json.items).toHaveLength(1);
    expect(queue.json.items[0]).toMatchObject({
      kind: "triage_emergency",
      priority: "emergency",
      patientId: patient.id,
      dueAt: h.clock.now().toISOString(),
      assignedRole: "clinician",
      source: { type: "intake", id: res.json.latest.id },
      closesWithSource: true,
    });
    expect(queue.json.items[0].detail).toMatch(/Cauda equina/);
    const mail = await outboxFor(patient.id, "triage-emergency");
    expect(mail.map((m) => m.to_address).sort()).toEqual([admin.email, clinician.email].sort());
    expect(mail[0].body).toContain(`/patients/${patient.id}`);
  });

  it("is refused for every bad answer, naming each, with nothing written", async () => {
    const { patient } = await setup();
    const before = await Promise.all(["intakes", "tasks", "outbox_messages", "audit_events"].map(h.count));
    const res = await submit(patient.cookie, {
      ...calm,
      age: -1,
      saddleNumbness: "yes",
      favouriteColour: "blue",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "answers.age",
      "answers.favouriteColour",
      "answers.saddleNumbness",
    ]);
    const after = await Promise.all(["intakes", "tasks", "outbox_messages", "audit_events"].map(h.count));
    expect(after).toEqual(before);
  });

  it.each(
    triageRules.filter((r) => r.tier === "emergency").map((r) => [r.id, r] as const),
  )("%s: stops the flow and tells the clinic", async (_id, rule) => {
    const { clinician, patient } = await setup();
    const answers: Record<string, unknown> = { ...calm };
    for (const t of rule.trigger.all) if (typeof t === "string") answers[t] = true;
    const first = rule.trigger.any?.[0];
    if (typeof first === "string") answers[first] = true;
    const res = await submit(patient.cookie, answers);
    expect(res.json.latest.tier).toBe("emergency");
    const t = await triage(clinician.cookie, patient.id);
    expect(t.json.intakes[0].flags.map((f: { id: string }) => f.id)).toContain(rule.id);
    expect((await tasks(clinician.cookie)).json.items[0].priority).toBe("emergency");
    expect(await outboxFor(patient.id, "triage-emergency")).toHaveLength(1);
  });
});

describe("other tiers", () => {
  it("urgent: a clinician task due within 24 hours, no message", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, { ...calm, cancerHistory: true });
    expect(res.json.latest.tier).toBe("urgent");
    const [task] = (await tasks(clinician.cookie)).json.items;
    expect(task).toMatchObject({ kind: "triage_urgent", priority: "urgent", assignedRole: "clinician" });
    expect(new Date(task.dueAt).getTime() - h.clock.now().getTime()).toBe(24 * 3_600_000);
    expect(await outboxFor(patient.id, "triage-emergency")).toEqual([]);
  });

  it("soon: the decision aid waits for a clinician's review, which opens it", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, {
      ...calm,
      morningStiffnessOver30Min: true,
      improvesWithExercise: true,
    });
    expect(res.json).toMatchObject({
      latest: { tier: "soon" },
      decisionAidOpen: false,
      decisionAidHeldFor: "review",
    });
    const [task] = (await tasks(clinician.cookie)).json.items;
    expect(task).toMatchObject({ kind: "triage_review", priority: "soon", dueAt: null });
    await h.call("POST", `/api/v1/patients/${patient.id}/intakes/${res.json.latest.id}/review`, {
      cookie: clinician.cookie,
      body: { note: "Rheumatology referral sent" },
    });
    const state = await h.call("GET", "/api/v1/portal/intake", { cookie: patient.cookie });
    expect(state.json).toMatchObject({
      decisionAidOpen: true,
      decisionAidHeldFor: null,
      latest: { reviewed: true },
    });
  });

  it("none: no task, the decision aid opens, answers kept verbatim (age from the record) with the rules version", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, calm);
    expect(res.json).toMatchObject({ latest: { tier: "none", unsure: [] }, decisionAidOpen: true });
    expect((await tasks(clinician.cookie)).json.items).toEqual([]);
    const t = await triage(clinician.cookie, patient.id);
    expect(t.json.intakes[0]).toMatchObject({
      answers: { ...calm, age: 55 },
      rulesVersion: expect.stringMatching(/^\d{4}-/),
      flags: [],
    });
  });

  it("before any intake, the portal says the decision aid and the questionnaires wait for it", async () => {
    const { patient } = await setup();
    const state = await h.call("GET", "/api/v1/portal/intake", { cookie: patient.cookie });
    expect(state.json).toEqual({
      latest: null,
      decisionAidOpen: false,
      decisionAidHeldFor: "no-intake",
      safetyQuestionsFirst: true,
    });
  });
});

describe("procedures wait for the review", () => {
  it("refuses an injection or operation with 409 naming the reason, allows exercise, until reviewed", async () => {
    const { clinician, coordinator, patient } = await setup();
    const intake = await submit(patient.cookie, { ...calm, bladderDysfunction: true });
    const treatmentsBefore = await h.count("treatments");
    const refused = await treat(clinician.cookie, patient.id, "bone_marrow_concentrate");
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toMatch(/problem\+json/);
    expect(refused.json.issues[0]).toMatchObject({ path: "kind" });
    expect(refused.json.detail).toMatch(/emergency red-flag triage .* not been reviewed/);
    expect((await treat(clinician.cookie, patient.id, "fusion")).status).toBe(409);
    expect(await h.count("treatments")).toBe(treatmentsBefore);
    expect((await treat(clinician.cookie, patient.id, "exercise_physiotherapy")).status).toBe(201);
    expect((await triage(clinician.cookie, patient.id)).json.procedureBlock).toMatch(/emergency/);

    const path = `/api/v1/patients/${patient.id}/intakes/${intake.json.latest.id}/review`;
    expect((await h.call("POST", path, { cookie: coordinator.cookie })).status).toBe(403);
    const reviewed = await h.call("POST", path, {
      cookie: clinician.cookie,
      body: { note: "Seen in ED; MRI clear" },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.json).toMatchObject({
      blocksProcedures: false,
      review: { by: { id: clinician.id }, note: "Seen in ED; MRI clear" },
    });
    expect((await h.call("POST", path, { cookie: clinician.cookie })).status).toBe(409);
    expect((await treat(clinician.cookie, patient.id, "bone_marrow_concentrate")).status).toBe(201);
    expect((await tasks(clinician.cookie)).json.items).toEqual([]);

    const { rows } = await h.database.pool.query(
      "select action, entity_type, actor_id from audit_events where patient_id = $1 and entity_type in ('intake', 'task') order by seq",
      [patient.id],
    );
    expect(rows.map((r) => `${r.action} ${r.entity_type}`)).toEqual([
      "create intake",
      "create task",
      "complete task",
      "review intake",
    ]);
    expect(rows.at(-1).actor_id).toBe(clinician.id);
  });

  it("answers 404 for another clinic's intake", async () => {
    const a = await setup();
    const b = await setup();
    const intake = await submit(a.patient.cookie, { ...calm, bladderDysfunction: true });
    const res = await h.call(
      "POST",
      `/api/v1/patients/${a.patient.id}/intakes/${intake.json.latest.id}/review`,
      {
        cookie: b.clinician.cookie,
      },
    );
    expect(res.status).toBe(404);
    expect((await triage(b.clinician.cookie, a.patient.id)).status).toBe(404);
  });
});

describe("STarT Back routing", () => {
  it("shows the clinician the route for the latest STarT Back answers", async () => {
    const { clinician, patient } = await setup();
    await submit(patient.cookie, calm);
    const none = await triage(clinician.cookie, patient.id);
    expect(none.json.careRoute).toBeNull();
    const entered = await h.call("POST", `/api/v1/patients/${patient.id}/responses`, {
      cookie: clinician.cookie,
      body: { responses: [{ instrument: "startback", answers: answerAll("startback", 1) }] },
    });
    expect(entered.status).toBe(201);
    const res = await triage(clinician.cookie, patient.id);
    expect(res.json.careRoute).toMatchObject({
      group: "high",
      route: { id: "physical-and-psychological" },
      heldForTriage: false,
    });
  });

  it("routes a low-risk patient to advice, and holds the route while red flags wait", async () => {
    const { clinician, patient } = await setup();
    await submit(patient.cookie, { ...calm, cancerHistory: true });
    await h.call("POST", `/api/v1/patients/${patient.id}/responses`, {
      cookie: clinician.cookie,
      body: { responses: [{ instrument: "startback", answers: answerAll("startback", 0) }] },
    });
    const res = await triage(clinician.cookie, patient.id);
    expect(res.json.careRoute).toMatchObject({
      group: "low",
      route: { id: "advice-self-management" },
      heldForTriage: true,
    });
  });
});
