/**
 * Adverse events on the FHIR API: one by id and a patient's by `subject` (the R4 search
 * parameter), for their clinic's staff only, audited, as application/fhir+json that passes
 * Medplum, FHIR.js and the R4 JSON schema, and our binding checks (./fhir-validate.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideFor } from "./candidacy-facts";
import { expectValidFhirBody, expectValidR4 } from "./fhir-validate";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let staff: Awaited<ReturnType<Harness["staff"]>>;
let patientId: string;
let treatmentId: string;
let eventIds: string[];

const event = {
  kind: "infection",
  onsetDate: "2026-03-08",
  severity: 3,
  seriousness: ["hospitalisation"],
  relatedness: "probable",
  expected: false,
  outcome: "recovering",
  description: "Discitis at L4-L5",
};

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T09:00:00Z" });
  staff = await h.staff("clinician");
  patientId = (await h.patient(staff.cookie)).id;
  const t = await h.call("POST", `/api/v1/patients/${patientId}/treatments`, {
    cookie: staff.cookie,
    body: { kind: "bone_marrow_concentrate", date: "2026-03-02", ...overrideFor("bone_marrow_concentrate") },
  });
  treatmentId = t.json.id;
  const first = await h.call("POST", `/api/v1/patients/${patientId}/adverse-events`, {
    cookie: staff.cookie,
    body: { ...event, treatmentId },
  });
  const second = await h.call("POST", `/api/v1/patients/${patientId}/adverse-events`, {
    cookie: staff.cookie,
    body: { ...event, kind: "pain_flare", severity: 1, seriousness: [], onsetDate: "2026-03-04" },
  });
  eventIds = [first.json.id, second.json.id];
}, 120_000);
afterAll(() => h.close());

async function fhir(path: string, cookie?: string) {
  const res = await h.call("GET", `/api/fhir/${path}`, { cookie });
  expectValidFhirBody(res);
  return res;
}

function expectOutcome(res: Awaited<ReturnType<typeof fhir>>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
  expect(res.json.resourceType).toBe("OperationOutcome");
  expect(res.json.issue[0]).toMatchObject({ severity: "error", code });
}

describe("AdverseEvent", () => {
  it("serves one event by id, valid FHIR R4, with its version", async () => {
    const res = await fhir(`AdverseEvent/${eventIds[0]}`, staff.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(res.json).toMatchObject({
      resourceType: "AdverseEvent",
      id: eventIds[0],
      meta: { versionId: "1" },
      actuality: "actual",
      subject: { reference: `Patient/${patientId}` },
      date: "2026-03-08",
      seriousness: { coding: [{ code: "Serious" }] },
      outcome: { coding: [{ code: "recovering" }] },
      suspectEntity: [{ instance: { reference: `Procedure/${treatmentId}` } }],
    });
    expectValidR4(res.json);
  });

  it("shows an update at its new version", async () => {
    const put = await h.call("PUT", `/api/v1/adverse-events/${eventIds[0]}`, {
      cookie: staff.cookie,
      body: { ...event, treatmentId, outcome: "recovered", version: 1, reason: "Healed" },
    });
    expect(put.status).toBe(200);
    const res = await fhir(`AdverseEvent/${eventIds[0]}`, staff.cookie);
    expect(res.json.meta.versionId).toBe("2");
    expect(res.json.outcome.coding[0].code).toBe("resolved");
    expectValidR4(res.json);
  });

  it("finds a patient's events by subject, as a searchset Bundle of valid resources", async () => {
    for (const subject of [patientId, `Patient/${patientId}`]) {
      const res = await fhir(`AdverseEvent?subject=${subject}`, staff.cookie);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        resourceType: "Bundle",
        type: "searchset",
        total: 2,
        link: [{ relation: "self", url: `http://evident.test/api/fhir/AdverseEvent?subject=${subject}` }],
      });
      expect(res.json.entry.map((e: { fullUrl: string }) => e.fullUrl)).toEqual(
        eventIds.map((id) => `http://evident.test/api/fhir/AdverseEvent/${id}`),
      );
      for (const e of res.json.entry) expectValidR4(e.resource);
    }
  });

  it("records each read in the patient's audit trail", async () => {
    await fhir(`AdverseEvent?subject=${patientId}`, staff.cookie);
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, patient_id from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toEqual({
      actor_id: staff.id,
      action: "read",
      entity_type: "fhir-adverse-event",
      patient_id: patientId,
    });
  });

  it("refuses the unsigned-in, researchers and patients, and shows other clinics nothing", async () => {
    expectOutcome(await fhir(`AdverseEvent/${eventIds[0]}`), 401, "login");
    const researcher = await h.staff("researcher", staff.clinicId);
    expectOutcome(await fhir(`AdverseEvent?subject=${patientId}`, researcher.cookie), 403, "forbidden");
    const other = await h.staff("clinician");
    expectOutcome(await fhir(`AdverseEvent/${eventIds[0]}`, other.cookie), 404, "not-found");
    const elsewhere = await fhir(`AdverseEvent?subject=${patientId}`, other.cookie);
    expect([elsewhere.status, elsewhere.json.total, elsewhere.json.entry]).toEqual([200, 0, []]);
    const p = await h.portalPatient(staff.cookie);
    expectOutcome(await fhir(`AdverseEvent?subject=${p.id}`, p.cookie), 403, "forbidden");
    expectOutcome(await fhir("AdverseEvent/not-an-id", staff.cookie), 404, "not-found");
  });

  it("names each bad search parameter", async () => {
    const unknown = await fhir("AdverseEvent?seriousness=Serious", staff.cookie);
    expectOutcome(unknown, 400, "invalid");
    expect(unknown.json.issue.map((i: { expression: string[] }) => i.expression)).toEqual([["seriousness"]]);
    const bad = await fhir("AdverseEvent?subject=nobody&patient=x", staff.cookie);
    expect(bad.json.issue.map((i: { expression: string[] }) => i.expression[0]).sort()).toEqual([
      "patient",
      "subject",
    ]);
  });
});
