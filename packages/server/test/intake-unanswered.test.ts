/**
 * "Unanswered is not no" through the API: an intake missing any answer is a 422 naming each one,
 * with nothing written; the age comes from the birth date on record (in the clinic's time zone)
 * and a typed age that disagrees is refused; "not sure" about an emergency sign is urgent with a
 * task due the same day and call-now advice with the clinic's emergency number; fever alone is
 * due the same day and with a risk factor is an emergency; reviewing an emergency or urgent
 * triage needs a note, which the audit keeps; intakes stored under an older rules version are
 * shown as they were, never judged again.
 */
import { booleanAnswerIds, SAME_DAY_HOURS } from "@evident/domain/triage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calmIntake } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T03:00:00Z" });
});
afterAll(() => h.close());

async function setup(patientOver: Record<string, unknown> = {}) {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const admin = await h.staff("admin", clinic.id);
  const p = await h.portalPatient(clinician.cookie);
  if (Object.keys(patientOver).length > 0)
    await h.database.pool.query("update patients set birth_date = $2 where id = $1", [
      p.id,
      patientOver.birthDate,
    ]);
  return { clinic, clinician, admin, patient: p };
}

const submit = (cookie: string, answers: unknown) =>
  h.call("POST", "/api/v1/portal/intake", { cookie, body: { answers } });
const enter = (cookie: string, patientId: string, answers: unknown) =>
  h.call("POST", `/api/v1/patients/${patientId}/intakes`, { cookie, body: { answers } });
const written = () => Promise.all(["intakes", "tasks", "outbox_messages"].map(h.count));
const tasksOf = async (cookie: string, patientId: string) =>
  (await h.call("GET", `/api/v1/tasks?patientId=${patientId}`, { cookie })).json.items;
const hoursUntil = (iso: string) => (Date.parse(iso) - h.clock.now().getTime()) / 3_600_000;

describe("an intake with unanswered questions", () => {
  it("is refused with 422 naming each of the 25 yes/no questions, with nothing written", async () => {
    const { clinician, patient } = await setup();
    const before = await written();
    for (const res of [
      await submit(patient.cookie, { painDurationWeeks: 20 }),
      await enter(clinician.cookie, patient.id, { painDurationWeeks: 20 }),
    ]) {
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(
        booleanAnswerIds.map((id) => `answers.${id}`),
      );
      expect(res.json.issues[0].message).toBe('is required: answer true, false or "unsure"');
    }
    expect(await written()).toEqual(before);
  });

  it("counts a null answer as missing, and names the duration too", async () => {
    const { patient } = await setup();
    const res = await submit(patient.cookie, {
      ...calmIntake({ bladderDysfunction: null }),
      painDurationWeeks: null,
    });
    expect(res.status).toBe(422);
    expect(res.json.issues).toEqual([
      { path: "answers.painDurationWeeks", message: "is required" },
      { path: "answers.bladderDysfunction", message: 'is required: answer true, false or "unsure"' },
    ]);
  });
});

describe("the age", () => {
  it("comes from the birth date on record: born 1950 with 4 weeks of pain is new pain over 50", async () => {
    const { clinician, patient } = await setup({ birthDate: "1950-06-01" });
    const res = await submit(patient.cookie, calmIntake({ painDurationWeeks: 4 }));
    expect(res.status).toBe(201);
    expect(res.json.latest.tier).toBe("soon");
    const t = await h.call("GET", `/api/v1/patients/${patient.id}/triage`, { cookie: clinician.cookie });
    expect(t.json.intakes[0].answers.age).toBe(75);
    expect(t.json.intakes[0].flags[0]).toMatchObject({
      id: "new-pain-over-50",
      answer: [
        { id: "age", value: 75 },
        { id: "painDurationWeeks", value: 4 },
      ],
    });
  });

  it("refuses a typed age that disagrees with the birth date (422 naming age), and takes one that agrees", async () => {
    const { clinician, patient } = await setup({ birthDate: "1950-06-01" });
    const before = await written();
    const wrong = await enter(clinician.cookie, patient.id, calmIntake({ age: 45, painDurationWeeks: 4 }));
    expect(wrong.status).toBe(422);
    expect(wrong.json.issues).toEqual([
      {
        path: "answers.age",
        message: expect.stringMatching(/does not match the birth date on record \(75 years/),
      },
    ]);
    expect(await written()).toEqual(before);
    const right = await enter(clinician.cookie, patient.id, calmIntake({ age: 75, painDurationWeeks: 4 }));
    expect(right.status).toBe(201);
  });

  it("is counted on the intake's date in the clinic's time zone, not in UTC", async () => {
    // 03:00 UTC on 2 March is still 1 March in New York: not yet the 56th birthday.
    const { admin, clinician, patient } = await setup({ birthDate: "1970-03-02" });
    const tz = await h.call("PUT", "/api/v1/clinic/time-zone", {
      cookie: admin.cookie,
      body: { timeZone: "America/New_York" },
    });
    expect(tz.status).toBe(200);
    await submit(patient.cookie, calmIntake());
    const t = await h.call("GET", `/api/v1/patients/${patient.id}/triage`, { cookie: clinician.cookie });
    expect(t.json.intakes[0].answers.age).toBe(55);
  });
});

describe("not sure", () => {
  it("about the bladder: urgent, a task due within 4 hours, call-now advice with the clinic's number", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, calmIntake({ bladderDysfunction: "unsure" }));
    expect(res.status).toBe(201);
    expect(res.json.latest).toMatchObject({
      tier: "urgent",
      unsure: ["bladderDysfunction"],
      advice: { kind: "call-now", tier: "urgent", title: "Call your clinic now" },
    });
    expect(res.json.latest.advice.whatToDo).toMatch(/go to an emergency department now or call 911\./);
    const [task] = await tasksOf(clinician.cookie, patient.id);
    expect(task).toMatchObject({ kind: "triage_urgent", priority: "urgent" });
    expect(hoursUntil(task.dueAt)).toBe(SAME_DAY_HOURS);
    const t = await h.call("GET", `/api/v1/patients/${patient.id}/triage`, { cookie: clinician.cookie });
    expect(t.json.intakes[0]).toMatchObject({
      tier: "urgent",
      unsure: ["bladderDysfunction"],
      answers: { bladderDysfunction: "unsure" },
      flags: [
        {
          id: "unsure-emergency-sign",
          tier: "urgent",
          dueWithinHours: SAME_DAY_HOURS,
          answer: [{ id: "bladderDysfunction", value: "unsure" }],
          source: expect.arrayContaining([expect.objectContaining({ key: "niceCks" })]),
        },
      ],
    });
  });

  it("about something else: soon, a review task without a deadline, flagged for the clinician to ask", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, calmIntake({ longTermSteroids: "unsure" }));
    expect(res.json.latest).toMatchObject({
      tier: "soon",
      advice: { kind: "soon" },
      unsure: ["longTermSteroids"],
    });
    const [task] = await tasksOf(clinician.cookie, patient.id);
    expect(task).toMatchObject({ kind: "triage_review", dueAt: null });
    expect(task.detail).toMatch(/Not sure how to answer "longTermSteroids"/);
  });
});

describe("fever", () => {
  it("alone is urgent with a task due the same day and today's advice", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, calmIntake({ feverOrChills: true }));
    expect(res.json.latest).toMatchObject({ tier: "urgent", advice: { kind: "today" } });
    const [task] = await tasksOf(clinician.cookie, patient.id);
    expect(hoursUntil(task.dueAt)).toBe(SAME_DAY_HOURS);
  });

  it("with a spinal procedure, injected drugs, a weak immune system or a recent infection is an emergency", async () => {
    for (const risk of ["recentSpinalProcedure", "ivDrugUse", "immunosuppressed", "recentInfection"]) {
      const { clinician, patient } = await setup();
      const res = await submit(patient.cookie, calmIntake({ feverOrChills: true, [risk]: true }));
      expect(res.json.latest.tier, risk).toBe("emergency");
      const [task] = await tasksOf(clinician.cookie, patient.id);
      expect(task.dueAt, risk).toBe(h.clock.now().toISOString());
    }
  });
});

describe("the review of an emergency or urgent triage", () => {
  const review = (cookie: string, patientId: string, intakeId: string, body?: unknown) =>
    h.call("POST", `/api/v1/patients/${patientId}/intakes/${intakeId}/review`, { cookie, body });

  it("needs a note of what was done (400 naming note), kept with the review and in the audit", async () => {
    const { clinician, patient } = await setup();
    const res = await submit(patient.cookie, calmIntake({ saddleNumbness: "unsure" }));
    const id = res.json.latest.id;
    for (const body of [undefined, {}, { note: "   " }]) {
      const refused = await review(clinician.cookie, patient.id, id, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json.issues).toEqual([
        { path: "note", message: expect.stringMatching(/^is required for an urgent triage/) },
      ]);
    }
    expect((await tasksOf(clinician.cookie, patient.id)).length).toBe(1);
    const note = "Called at 10:10: no numbness; booked in clinic tomorrow";
    const ok = await review(clinician.cookie, patient.id, id, { note });
    expect(ok.status).toBe(200);
    expect(ok.json.review).toMatchObject({ by: { id: clinician.id }, note });
    const audit = await h.database.pool.query(
      "select detail from audit_events where action = 'review' and entity_type = 'intake' and entity_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([{ detail: expect.objectContaining({ tier: "urgent", note }) }]);
  });

  it("is refused for an emergency without a note, and a soon triage may be reviewed without one", async () => {
    const { clinician, patient } = await setup();
    const emergency = await submit(patient.cookie, calmIntake({ bowelIncontinence: true }));
    const refused = await review(clinician.cookie, patient.id, emergency.json.latest.id);
    expect(refused.json.issues[0]).toMatchObject({
      path: "note",
      message: expect.stringMatching(/an emergency triage/),
    });
    const other = await setup();
    const soon = await submit(other.patient.cookie, calmIntake({ thoracicPain: true }));
    expect((await review(other.clinician.cookie, other.patient.id, soon.json.latest.id)).status).toBe(200);
  });
});

describe("an intake stored under an earlier rules version", () => {
  it("is shown as it was judged: its tier and flag ids, no answers per flag, never judged again", async () => {
    const { clinic, clinician, patient } = await setup();
    await h.database.pool.query(
      `insert into intakes (id, clinic_id, patient_id, answers, rules_version, tier, flags, source, submitted_by, submitted_at)
       values (gen_random_uuid(), $1, $2, $3, '2026-11-22.1', 'urgent', $4, 'portal', $2, now())`,
      [
        clinic.id,
        patient.id,
        { age: 40, painDurationWeeks: 20, recentSpinalProcedure: true, feverOrChills: true },
        ["post-procedure-fever-or-worsening", "fever"],
      ],
    );
    const t = await h.call("GET", `/api/v1/patients/${patient.id}/triage`, { cookie: clinician.cookie });
    expect(t.status).toBe(200);
    expect(t.json.intakes[0]).toMatchObject({
      rulesVersion: "2026-11-22.1",
      tier: "urgent",
      unsure: [],
      flags: [
        {
          id: "post-procedure-fever-or-worsening",
          suggests: "(rule no longer in the current version)",
          answer: null,
        },
        { id: "fever", tier: "urgent", answer: null },
      ],
    });
    const portal = await h.call("GET", "/api/v1/portal/intake", { cookie: patient.cookie });
    expect(portal.json.latest).toMatchObject({ tier: "urgent", advice: { kind: "urgent" } });
  });
});
