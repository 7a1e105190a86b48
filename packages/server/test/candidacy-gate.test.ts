/**
 * The candidacy gate through the API: a cell therapy or PRP is refused (409 naming `candidacy`,
 * nothing written) without a current, eligible sign-off; accepted with one, which the record
 * names; or recorded on a clinician's override, which needs a reason, is audited and is shown on
 * the record and in its history. A correction to an investigational kind, or of an
 * investigational treatment's date, passes the gate again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentOverrideFor, eligibleFacts } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const patient = await h.patient(clinician.cookie);
  return { clinic, clinician, patient };
}
const record = (cookie: string, patientId: string, body: Record<string, unknown>) =>
  h.call("POST", `/api/v1/patients/${patientId}/treatments`, {
    cookie,
    body: { ...consentOverrideFor(String(body.kind)), ...body },
  });
const written = () => Promise.all(["treatments", "follow_ups", "audit_events"].map(h.count));

describe("recording an investigational treatment", () => {
  it.each([
    "bone_marrow_concentrate",
    "platelet_rich_plasma",
  ])("refuses %s without a candidacy assessment, naming the candidacy, and writes nothing", async (kind) => {
    const { clinician, patient } = await setup();
    const before = await written();
    const res = await record(clinician.cookie, patient.id, { kind, date: "2026-03-02" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues).toEqual([
      {
        path: "candidacy",
        message: expect.stringMatching(/is investigational: it needs a signed-off candidacy assessment/),
      },
    ]);
    expect(await written()).toEqual(before);
  });

  it("accepts one with an eligible sign-off, and the record names the assessment it rests on", async () => {
    const { clinician, patient } = await setup();
    const signed = await h.signEligibleCandidacy(clinician.cookie, patient.id);
    const res = await record(clinician.cookie, patient.id, {
      kind: "platelet_rich_plasma",
      date: "2026-03-02",
    });
    expect(res.status).toBe(201);
    expect(res.json.candidacy).toEqual({
      basis: "assessment",
      assessmentId: signed.id,
      signedOn: "2026-03-02",
      signedBy: { id: clinician.id, name: "Test clinician" },
      criteriaVersion: expect.any(String),
    });
    // Conventional care rests on nothing of the kind.
    const exercise = await record(clinician.cookie, patient.id, {
      kind: "exercise_physiotherapy",
      date: "2026-03-02",
    });
    expect(exercise.json.candidacy).toBeNull();
  });

  it("goes by the latest sign-off, and by one signed no more than 90 days before", async () => {
    const { clinician, patient } = await setup();
    await h.signEligibleCandidacy(clinician.cookie, patient.id);
    // 91 days later the assessment is out of date.
    const late = await record(clinician.cookie, patient.id, {
      kind: "bone_marrow_concentrate",
      date: "2026-06-01",
    });
    expect(late.status).toBe(409);
    expect(late.json.issues[0].message).toMatch(/signed 2026-03-02, is more than 90 days before/);
    // A later "not eligible" replaces the eligible one.
    const notEligible = await h.call("POST", `/api/v1/patients/${patient.id}/candidacy`, {
      cookie: clinician.cookie,
      body: { input: { ...eligibleFacts, condition: "spinal_stenosis" } },
    });
    expect(notEligible.json.outcome).toBe("not-eligible");
    const refused = await record(clinician.cookie, patient.id, {
      kind: "bone_marrow_concentrate",
      date: "2026-03-02",
    });
    expect(refused.status).toBe(409);
    expect(refused.json.issues[0].message).toMatch(/found the patient not eligible/);
  });

  it("records it on a clinician's override: the reason is needed, audited and shown on the record", async () => {
    const { clinician, patient } = await setup();
    const noReason = await record(clinician.cookie, patient.id, {
      kind: "adipose_derived_cells",
      date: "2026-03-02",
      candidacyOverride: { reason: "  " },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues).toEqual([{ path: "candidacyOverride.reason", message: "is required" }]);

    const reason = "Treated in the clinic's registered trial; screened by the trial team";
    const res = await record(clinician.cookie, patient.id, {
      kind: "adipose_derived_cells",
      date: "2026-03-02",
      candidacyOverride: { reason },
    });
    expect(res.status).toBe(201);
    expect(res.json.candidacy).toEqual({
      basis: "override",
      reason,
      by: { id: clinician.id, name: "Test clinician" },
      at: "2026-03-02T09:00:00.000Z",
      refusal: expect.stringMatching(/needs a signed-off candidacy assessment/),
      assessmentId: null,
    });
    const { rows } = await h.database.pool.query(
      "select actor_id, detail from audit_events where entity_type = 'treatment' and action = 'create' and entity_id = $1",
      [res.json.id],
    );
    expect(rows).toEqual([
      {
        actor_id: clinician.id,
        detail: expect.objectContaining({
          candidacy: { basis: "override", reason, refusal: expect.any(String), assessmentId: null },
        }),
      },
    ]);
    const shown = await h.call("GET", `/api/v1/patients/${patient.id}`, { cookie: clinician.cookie });
    expect(shown.json.treatments[0].candidacy).toMatchObject({ basis: "override", reason });
  });

  it("refuses an override that is not needed, and one from a coordinator", async () => {
    const { clinic, clinician, patient } = await setup();
    const unneeded = await record(clinician.cookie, patient.id, {
      kind: "epidural_steroid_injection",
      date: "2026-03-02",
      candidacyOverride: { reason: "just in case" },
    });
    expect(unneeded.status).toBe(400);
    expect(unneeded.json.issues[0]).toMatchObject({ path: "candidacyOverride" });
    await h.signEligibleCandidacy(clinician.cookie, patient.id);
    const eligible = await record(clinician.cookie, patient.id, {
      kind: "bone_marrow_concentrate",
      date: "2026-03-02",
      candidacyOverride: { reason: "belt and braces" },
    });
    expect(eligible.status).toBe(400);
    expect(eligible.json.issues[0].message).toMatch(/is not needed: .* found the patient eligible/);

    const coordinator = await h.staff("coordinator", clinic.id);
    const res = await record(coordinator.cookie, patient.id, {
      kind: "bone_marrow_concentrate",
      date: "2026-03-02",
      candidacyOverride: { reason: "The clinician said so" },
    });
    expect(res.status).toBe(403);
  });
});

describe("correcting a treatment", () => {
  const put = (
    cookie: string,
    patientId: string,
    t: { id: string; version: number; kind: string },
    body: Record<string, unknown>,
  ) =>
    h.call("PUT", `/api/v1/patients/${patientId}/treatments/${t.id}`, {
      cookie,
      body: {
        version: t.version,
        reason: "Typed the wrong thing",
        ...("kind" in body && body.kind !== t.kind ? consentOverrideFor(String(body.kind)) : {}),
        ...body,
      },
    });

  it("to an investigational kind passes the gate, and an override shows in the history", async () => {
    const { clinician, patient } = await setup();
    const t = (
      await record(clinician.cookie, patient.id, { kind: "epidural_steroid_injection", date: "2026-03-02" })
    ).json;
    const refused = await put(clinician.cookie, patient.id, t, {
      kind: "platelet_rich_plasma",
      date: t.date,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.issues[0]).toMatchObject({ path: "candidacy" });

    const reason = "PRP given as part of the sports-medicine protocol; assessed on paper";
    const res = await put(clinician.cookie, patient.id, t, {
      kind: "platelet_rich_plasma",
      date: t.date,
      candidacyOverride: { reason },
    });
    expect(res.status).toBe(200);
    expect(res.json.candidacy).toMatchObject({ basis: "override", reason });
    const history = await h.call("GET", `/api/v1/patients/${patient.id}/treatments/${t.id}/history`, {
      cookie: clinician.cookie,
    });
    expect(history.json.items[0].changes).toEqual(
      expect.arrayContaining([
        { field: "kind", before: "epidural_steroid_injection", after: "platelet_rich_plasma" },
        { field: "candidacy.basis", before: null, after: "override" },
        { field: "candidacy.reason", before: null, after: reason },
      ]),
    );
  });

  it("of an investigational treatment's date to before its sign-off is refused, unless overridden", async () => {
    h.clock.set("2026-03-10T09:00:00Z");
    const { clinician, patient } = await setup();
    await h.signEligibleCandidacy(clinician.cookie, patient.id);
    const t = (
      await record(clinician.cookie, patient.id, { kind: "bone_marrow_concentrate", date: "2026-03-10" })
    ).json;
    const refused = await put(clinician.cookie, patient.id, t, { kind: t.kind, date: "2026-03-05" });
    expect(refused.status).toBe(409);
    expect(refused.json.issues[0].message).toMatch(/signed after 2026-03-05/);
    // A correction that leaves kind and date alone keeps the sign-off it rests on.
    const notes = await put(clinician.cookie, patient.id, t, {
      kind: t.kind,
      date: t.date,
      notes: "Left side",
    });
    expect(notes.status).toBe(200);
    expect(notes.json.candidacy).toEqual(t.candidacy);
    const overridden = await put(clinician.cookie, patient.id, notes.json, {
      kind: t.kind,
      date: "2026-03-05",
      candidacyOverride: { reason: "Assessed by the referring spine surgeon before the injection" },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.json.candidacy).toMatchObject({ basis: "override", assessmentId: null });
    h.clock.set("2026-03-02T09:00:00Z");
  });
});
