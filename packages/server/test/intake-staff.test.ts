/**
 * Safety answers entered by staff for a patient who gives them by phone or at the desk: the same
 * answer ids, rules version and consequences as the portal (an emergency opens a task due now,
 * messages the clinicians and holds procedures; the patient's portal shows the same advice),
 * stored as entered by that staff member on the patient's behalf, audited; refused to roles that
 * may not enter answers, to other clinics, and for bad answers, with nothing written.
 */
import { triageRulesVersion } from "@evident/domain/triage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calmIntake } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T10:00:00Z" });
});
afterAll(() => h.close());

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const coordinator = await h.staff("coordinator", clinic.id);
  const patient = await h.portalPatient(clinician.cookie);
  return { clinic, clinician, coordinator, patient };
}

const enter = (cookie: string, patientId: string, answers: unknown) =>
  h.call("POST", `/api/v1/patients/${patientId}/intakes`, { cookie, body: { answers } });
const written = () => Promise.all(["intakes", "tasks", "outbox_messages", "audit_events"].map(h.count));

describe("safety answers entered by staff", () => {
  it("an emergency from the desk: stored as entered for the patient, task, message, hold and the same portal advice", async () => {
    const { clinician, coordinator, patient } = await setup();
    const answers = calmIntake({ painDurationWeeks: 2, bladderDysfunction: true, saddleNumbness: true });
    const res = await enter(coordinator.cookie, patient.id, answers);
    expect(res.status).toBe(201);
    expect(res.json.intake).toMatchObject({
      source: "clinic",
      enteredBy: { id: coordinator.id, name: "Test coordinator" },
      rulesVersion: triageRulesVersion,
      tier: "emergency",
      // The age is the record's: born 1970-05-01, 55 on 2 March 2026.
      answers: { ...answers, age: 55 },
      review: null,
      blocksProcedures: true,
    });
    expect(res.json.patientAdvice.tier).toBe("emergency");
    expect(res.json.patientAdvice.whatToDo).toMatch(/emergency department now, or call 911\./);

    // The clinic is told exactly as for the portal.
    const tasks = await h.call("GET", `/api/v1/tasks?patientId=${patient.id}`, { cookie: clinician.cookie });
    expect(tasks.json.items).toEqual([
      expect.objectContaining({ kind: "triage_emergency", priority: "emergency", closesWithSource: true }),
    ]);
    const mail = await h.database.pool.query<{ body: string }>(
      "select body from outbox_messages where patient_id = $1 and kind = 'triage-emergency'",
      [patient.id],
    );
    expect(mail.rows.length).toBeGreaterThan(0);
    expect(mail.rows[0]!.body).toMatch(/entered by clinic staff/);
    const treat = await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
      cookie: clinician.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-03-02" },
    });
    expect(treat.status).toBe(409);

    // The patient's portal shows the emergency advice; the clinic's triage names who entered it.
    const portal = await h.call("GET", "/api/v1/portal/intake", { cookie: patient.cookie });
    expect(portal.json.latest).toMatchObject({ tier: "emergency", reviewed: false });
    expect(portal.json.safetyQuestionsFirst).toBe(false);
    const triage = await h.call("GET", `/api/v1/patients/${patient.id}/triage`, { cookie: clinician.cookie });
    expect(triage.json.intakes[0]).toMatchObject({
      source: "clinic",
      enteredBy: { id: coordinator.id, name: "Test coordinator" },
    });

    // Audited: who entered it, for which patient, that it came from the clinic.
    const audit = await h.database.pool.query(
      "select actor_kind, actor_id, detail from audit_events where action = 'create' and entity_type = 'intake' and patient_id = $1",
      [patient.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_kind: "staff",
        actor_id: coordinator.id,
        detail: expect.objectContaining({ tier: "emergency", source: "clinic" }),
      },
    ]);
  });

  it("no red flag: no task, the questionnaires and decision aid open in the portal", async () => {
    const { clinician, patient } = await setup();
    const res = await enter(clinician.cookie, patient.id, calmIntake());
    expect(res.status).toBe(201);
    expect(res.json.intake.tier).toBe("none");
    expect(res.json.patientAdvice.tier).toBe("none");
    const tasks = await h.call("GET", `/api/v1/tasks?patientId=${patient.id}`, { cookie: clinician.cookie });
    expect(tasks.json.items).toEqual([]);
    const portal = await h.call("GET", "/api/v1/portal/intake", { cookie: patient.cookie });
    expect(portal.json).toMatchObject({ decisionAidOpen: true, safetyQuestionsFirst: false });
  });

  it("names each bad answer, with nothing written", async () => {
    const { coordinator, patient } = await setup();
    const before = await written();
    const res = await enter(coordinator.cookie, patient.id, {
      ...calmIntake({ age: 300 }),
      bladderDysfunction: "no",
      fever: true,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "answers.age",
      "answers.bladderDysfunction",
      "answers.fever",
    ]);
    expect(await written()).toEqual(before);
  });

  it("is refused to researchers (403), to patients (403) and for another clinic's patient (404)", async () => {
    const { clinic, patient } = await setup();
    const researcher = await h.staff("researcher", clinic.id);
    const elsewhere = await h.staff("clinician");
    const answers = calmIntake();
    const before = await written();
    expect((await enter(researcher.cookie, patient.id, answers)).status).toBe(403);
    expect((await enter(patient.cookie, patient.id, answers)).status).toBe(403);
    const other = await enter(elsewhere.cookie, patient.id, answers);
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toMatch(/problem\+json/);
    const [intakes, tasks, outbox] = await written();
    expect([intakes, tasks, outbox]).toEqual(before.slice(0, 3));
  });
});
