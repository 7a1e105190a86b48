/**
 * The read-only FHIR API: instrument Questionnaires for anyone, a patient's current answers and
 * scores as searchset Bundles for their clinic's staff (audited), versions that move when a
 * record changes, everything as application/fhir+json, and every error as an OperationOutcome.
 * Every FHIR body returned passes Medplum, FHIR.js and the R4 JSON schema (./fhir-validate.ts).
 */
import { checkResource } from "@evident/domain/fhir";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectValidFhirBody } from "./fhir-validate";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let staff: Awaited<ReturnType<Harness["staff"]>>;
let patientId: string;
let nrsId: string;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.staff("clinician");
  patientId = (await h.patient(staff.cookie)).id;
  const odi = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, 2]));
  const res = await h.call("POST", `/api/v1/patients/${patientId}/responses`, {
    cookie: staff.cookie,
    body: {
      responses: [
        { instrument: "nrs_back", answers: { nrs_back: 7 } },
        { instrument: "odi", answers: odi },
      ],
    },
  });
  nrsId = res.json.responses[0].id;
});
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

describe("Questionnaire", () => {
  it("serves each instrument's definition to anyone, by instrument id or FHIR id", async () => {
    const odi = await fhir("Questionnaire/odi");
    expect(odi.status).toBe(200);
    expect(odi.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(odi.json).toMatchObject({ resourceType: "Questionnaire", id: "odi", version: "2.1a" });
    expect(checkResource(odi.json)).toEqual([]);
    expect((await fhir("Questionnaire/nrs-back")).json.id).toBe("nrs-back");
    const all = await fhir("Questionnaire");
    expect(all.json).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 9 });
  });

  it("answers an unknown one or an unknown resource type with an OperationOutcome 404", async () => {
    expectOutcome(await fhir("Questionnaire/vas"), 404, "not-found");
    expectOutcome(await fhir("Basic/123"), 404, "not-found");
    expectOutcome(await fhir("Patient/123", staff.cookie), 404, "not-found");
  });
});

describe("QuestionnaireResponse and Observation", () => {
  it("give the patient's current answers and scores as searchset Bundles", async () => {
    const qr = await fhir(`QuestionnaireResponse?patient=${patientId}`, staff.cookie);
    expect(qr.status).toBe(200);
    expect(qr.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(qr.json).toMatchObject({
      resourceType: "Bundle",
      type: "searchset",
      total: 2,
      link: [
        { relation: "self", url: `http://evident.test/api/fhir/QuestionnaireResponse?patient=${patientId}` },
      ],
    });
    const first = qr.json.entry[0];
    expect(first.fullUrl).toBe(`http://evident.test/api/fhir/QuestionnaireResponse/${nrsId}`);
    expect(first.resource).toMatchObject({
      resourceType: "QuestionnaireResponse",
      id: nrsId,
      status: "completed",
      subject: { reference: `Patient/${patientId}` },
    });
    for (const e of qr.json.entry) expect(checkResource(e.resource)).toEqual([]);

    const obs = await fhir(`Observation?patient=Patient/${patientId}`, staff.cookie);
    expect(obs.json.total).toBe(2);
    expect(
      obs.json.entry.map(
        (e: { resource: { valueInteger?: number; valueQuantity?: { value: number } } }) =>
          e.resource.valueInteger ?? e.resource.valueQuantity?.value,
      ),
    ).toEqual([7, 40]);
    expect(obs.json.entry[0].resource).toMatchObject({
      id: `${nrsId}-score`,
      status: "final",
      derivedFrom: [{ reference: `QuestionnaireResponse/${nrsId}` }],
    });
  });

  it("marks a corrected answer set and its scores as amended, and leaves the earlier version out", async () => {
    const fixed = await h.call("POST", `/api/v1/patients/${patientId}/responses/${nrsId}/corrections`, {
      cookie: staff.cookie,
      body: { answers: { nrs_back: 6 }, reason: "Misread" },
    });
    const qr = await fhir(`QuestionnaireResponse?patient=${patientId}`, staff.cookie);
    const ids = qr.json.entry.map((e: { resource: { id: string } }) => e.resource.id);
    expect(ids).toContain(fixed.json.id);
    expect(ids).not.toContain(nrsId);
    const amended = qr.json.entry.find((e: { resource: { id: string } }) => e.resource.id === fixed.json.id);
    expect(amended.resource.status).toBe("amended");
    const obs = await fhir(`Observation?patient=${patientId}`, staff.cookie);
    expect(
      obs.json.entry.find((e: { resource: { id: string } }) => e.resource.id === `${fixed.json.id}-score`)
        .resource,
    ).toMatchObject({ status: "amended", valueInteger: 6 });
  });

  it("records each read in the patient's audit trail", async () => {
    await fhir(`Observation?patient=${patientId}`, staff.cookie);
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, patient_id from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toEqual({
      actor_id: staff.id,
      action: "read",
      entity_type: "fhir-observation",
      patient_id: patientId,
    });
  });

  it("refuses the unsigned-in and researchers, and shows other clinics nothing", async () => {
    expectOutcome(await fhir(`QuestionnaireResponse?patient=${patientId}`), 401, "login");
    const researcher = await h.staff("researcher", staff.clinicId);
    expectOutcome(await fhir(`Observation?patient=${patientId}`, researcher.cookie), 403, "forbidden");
    const other = await h.staff("clinician");
    const elsewhere = await fhir(`Observation?patient=${patientId}`, other.cookie);
    expect(elsewhere.json).toMatchObject({ resourceType: "Bundle", total: 0 });
    expect(elsewhere.json.entry).toEqual([]);
    expectOutcome(await fhir(`QuestionnaireResponse/${nrsId}`, other.cookie), 404, "not-found");
    const p = await h.portalPatient(staff.cookie);
    expectOutcome(await fhir(`Observation?patient=${p.id}`, p.cookie), 403, "forbidden");
  });

  it("names each bad search parameter", async () => {
    const unknown = await fhir("Observation?colour=red", staff.cookie);
    expectOutcome(unknown, 400, "invalid");
    expect(unknown.json.issue).toEqual([
      {
        severity: "error",
        code: "invalid",
        diagnostics: expect.stringMatching(/^colour: is not a supported search parameter of Observation/),
        expression: ["colour"],
      },
    ]);
    const bad = await fhir("QuestionnaireResponse?patient=not-an-id&code=odi", staff.cookie);
    expect(bad.json.issue.map((i: { expression: string[] }) => i.expression[0]).sort()).toEqual([
      "code",
      "patient",
    ]);
  });
});

describe("versions", () => {
  it("raises a Patient's versionId and moves its lastUpdated when the record changes through the API", async () => {
    const before = await fhir(`Patient/${patientId}`, staff.cookie);
    expect(before.json.meta.versionId).toBe("1");
    expect(before.headers.get("etag")).toBe('W/"1"');
    h.clock.set(new Date(h.clock.now().getTime() + 5 * 60_000));
    const invited = await h.call("POST", `/api/v1/patients/${patientId}/invitations`, {
      cookie: staff.cookie,
      body: { email: "new.address@example.test" },
    });
    expect(invited.status).toBe(201);
    const after = await fhir(`Patient/${patientId}`, staff.cookie);
    expect(after.json.meta.versionId).toBe("2");
    expect(after.json.meta.lastUpdated).toBe(h.clock.now().toISOString());
    expect(Date.parse(after.json.meta.lastUpdated)).toBeGreaterThan(Date.parse(before.json.meta.lastUpdated));
    expect(after.json.telecom).toContainEqual({ system: "email", value: "new.address@example.test" });
    expect(after.headers.get("etag")).toBe('W/"2"');
    const searched = await fhir(`Patient?_id=${patientId}`, staff.cookie);
    expect(searched.json.entry[0].resource.meta.versionId).toBe("2");
  });

  it("raises a Condition's versionId on any change to the episode, even one made outside the app", async () => {
    const conditions = await fhir(`Condition?patient=${patientId}`, staff.cookie);
    const condition = conditions.json.entry[0].resource;
    expect(condition.meta.versionId).toBe("1");
    await h.database.pool.query("update episodes set onset_date = '2025-06-01' where id = $1", [
      condition.id,
    ]);
    const changed = await fhir(`Condition/${condition.id}`, staff.cookie);
    expect(changed.json).toMatchObject({ onsetDateTime: "2025-06-01", meta: { versionId: "2" } });
    expect(Date.parse(changed.json.meta.lastUpdated)).toBeGreaterThan(Date.parse(condition.meta.lastUpdated));
    await h.database.pool.query("update episodes set onset_date = onset_date where id = $1", [condition.id]);
    expect((await fhir(`Condition/${condition.id}`, staff.cookie)).json.meta.versionId).toBe("2");
  });
});
