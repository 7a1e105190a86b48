/**
 * Candidacy sign-off through the API: every criterion with its status and source, the triage tier
 * taken from the patient's intakes (not the form), who signed and when in the record and the
 * audit trail, each bad field named with nothing written, and only clinicians may sign.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calmIntake } from "./answers";
import { eligibleFacts } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const candidate = eligibleFacts;

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const patient = await h.portalPatient(clinician.cookie);
  return { clinic, clinician, patient };
}
const sign = (cookie: string, patientId: string, body: unknown) =>
  h.call("POST", `/api/v1/patients/${patientId}/candidacy`, { cookie, body });

describe("candidacy sign-off", () => {
  it("refuses to sign while a criterion is unknown, naming each, and writes nothing", async () => {
    const { clinician, patient } = await setup();
    const before = await Promise.all(["candidacy_assessments", "audit_events"].map(h.count));
    // No safety answers yet, so the red-flag criterion is unknown; the ODI is not known either.
    const refused = await sign(clinician.cookie, patient.id, {
      input: { ...candidate, baseline: { backPainVasMm: 62 } },
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toMatch(/problem\+json/);
    expect(refused.json.issues).toEqual([
      {
        path: "criteria.odi-30-90",
        message: "needs more information: baseline ODI not recorded (Oswestry Disability Index 30–90)",
      },
      {
        path: "criteria.no-unreviewed-red-flag",
        message:
          "needs more information: triage tier not recorded (No red flag from the intake triage awaiting review)",
      },
    ]);
    expect(await Promise.all(["candidacy_assessments", "audit_events"].map(h.count))).toEqual(before);
  });

  it("refuses a patient who fails a criterion while others are unknown, and signs once all are known", async () => {
    const { clinician, patient } = await setup();
    const before = await Promise.all(["candidacy_assessments", "audit_events"].map(h.count));
    const refused = await sign(clinician.cookie, patient.id, {
      input: { ...candidate, condition: "spinal_stenosis" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.issues.map((i: { path: string }) => i.path)).toEqual([
      "criteria.no-unreviewed-red-flag",
    ]);
    expect(await Promise.all(["candidacy_assessments", "audit_events"].map(h.count))).toEqual(before);
    await h.call("POST", "/api/v1/portal/intake", {
      cookie: patient.cookie,
      body: { answers: calmIntake({ painDurationWeeks: 60 }) },
    });
    const res = await sign(clinician.cookie, patient.id, {
      input: { ...candidate, condition: "spinal_stenosis" },
    });
    expect(res.status).toBe(201);
    expect(res.json.outcome).toBe("not-eligible");
    expect(res.json.criteria.filter((c: { status: string }) => c.status === "unknown")).toEqual([]);
  });

  it("is eligible once the safety questions are answered, signed and audited", async () => {
    const { clinician, patient } = await setup();
    await h.call("POST", "/api/v1/portal/intake", {
      cookie: patient.cookie,
      body: { answers: calmIntake({ painDurationWeeks: 60 }) },
    });
    const before = await sign(clinician.cookie, patient.id, { input: { ...candidate, condition: "other" } });
    expect(before.json.outcome).toBe("not-eligible");
    const res = await sign(clinician.cookie, patient.id, {
      input: candidate,
      note: "Discussed with the patient",
    });
    expect(res.json).toMatchObject({
      outcome: "eligible",
      signedBy: { id: clinician.id, name: "Test clinician" },
      signedAt: h.clock.now().toISOString(),
      note: "Discussed with the patient",
      criteriaVersion: expect.any(String),
      signedOn: "2026-03-02",
    });
    expect(res.json.criteria.every((c: { status: string }) => c.status === "met")).toBe(true);
    const sourced = res.json.criteria.find((c: { id: string }) => c.id === "odi-30-90");
    expect(sourced.source.length).toBeGreaterThan(0);
    expect(sourced.source[0].label).toMatch(/\w/);

    const list = await h.call("GET", `/api/v1/patients/${patient.id}/candidacy`, {
      cookie: clinician.cookie,
    });
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([res.json.id, before.json.id]);
    const { rows } = await h.database.pool.query(
      "select actor_id, detail from audit_events where entity_type = 'candidacy' and action = 'sign-off' and entity_id = $1",
      [res.json.id],
    );
    expect(rows).toEqual([
      { actor_id: clinician.id, detail: expect.objectContaining({ outcome: "eligible" }) },
    ]);
  });

  it("takes the triage tier from the intakes: an unreviewed red flag makes the patient not eligible", async () => {
    const { clinician, patient } = await setup();
    await h.call("POST", "/api/v1/portal/intake", {
      cookie: patient.cookie,
      body: { answers: calmIntake({ painDurationWeeks: 60, cancerHistory: true }) },
    });
    const res = await sign(clinician.cookie, patient.id, { input: candidate });
    expect(res.json.outcome).toBe("not-eligible");
    expect(res.json.criteria.find((c: { id: string }) => c.id === "no-unreviewed-red-flag")).toMatchObject({
      status: "unmet",
      detail: "triage tier: urgent",
    });
    const sent = await sign(clinician.cookie, patient.id, { input: { ...candidate, triageTier: "none" } });
    expect(sent.status).toBe(400);
    expect(sent.json.issues.map((i: { path: string }) => i.path)).toEqual(["input.triageTier"]);
  });

  it("names each bad field and writes nothing", async () => {
    const { clinician, patient } = await setup();
    const before = await Promise.all(["candidacy_assessments", "audit_events"].map(h.count));
    const res = await sign(clinician.cookie, patient.id, {
      input: {
        ...candidate,
        symptomDurationMonths: -3,
        baseline: { odi: 140 },
        imaging: { pfirrmannGrade: 2.5, levels: ["L9-L10"] },
      },
      note: 7,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "input.baseline.odi",
      "input.imaging.levels.0",
      "input.imaging.pfirrmannGrade",
      "input.symptomDurationMonths",
      "note",
    ]);
    expect(await Promise.all(["candidacy_assessments", "audit_events"].map(h.count))).toEqual(before);
  });

  it("is for clinicians to sign, and another clinic's patient is not found", async () => {
    const { clinic, patient } = await setup();
    const coordinator = await h.staff("coordinator", clinic.id);
    expect((await sign(coordinator.cookie, patient.id, { input: candidate })).status).toBe(403);
    const other = await setup();
    expect((await sign(other.clinician.cookie, patient.id, { input: candidate })).status).toBe(404);
  });
});
