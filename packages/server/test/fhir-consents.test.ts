/**
 * Consents on the FHIR API: a portal signature after the teach-back and a paper one with its
 * witness, by id and by `patient` and `status`, a withdrawal as "inactive" at a new version, the
 * signed document carried with the SHA-1 R4 asks for and the SHA-256 kept with the signature;
 * for the clinic's staff and SMART clients with a Consent scope only, audited, and every body
 * valid R4 (./fhir-validate.ts).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectValidFhirBody, expectValidR4 } from "./fhir-validate";
import { createHarness, type Harness } from "./harness";
import { smart } from "./smart";

let h: Harness;
let staff: Awaited<ReturnType<Harness["staff"]>>;
let patient: Awaited<ReturnType<Harness["portalPatient"]>>;
let procedureId: string;
let researchId: string;
let researchSha256: string;

const right = { approval: "no", evidence: "unknown", choice: "care-continues" };

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
  staff = await h.staff("clinician");
  patient = await h.portalPatient(staff.cookie);
  await h.answerSafetyQuestions(patient.cookie);
  const procedure = await h.publishConsent(staff.clinicId, {
    purpose: "procedure",
    treatmentKind: "bone_marrow_concentrate",
  });
  const research = await h.publishConsent(staff.clinicId, { purpose: "research" });
  const signed = await h.call("POST", "/api/v1/portal/consents", {
    cookie: patient.cookie,
    body: {
      documentId: procedure[0]!.id,
      answers: right,
      teachBackRounds: 2,
      typedName: "Ada Lovelace",
      confirmed: true,
    },
  });
  expect(signed.status, signed.text).toBe(201);
  procedureId = signed.json.consents[0].id;
  const paper = await h.call("POST", `/api/v1/patients/${patient.id}/consents`, {
    cookie: staff.cookie,
    body: { documentId: research[1]!.id, witnessName: "Nurse Grace", signedOn: "2026-03-01" },
  });
  expect(paper.status, paper.text).toBe(201);
  researchId = paper.json.consents.find((c: { purpose: string }) => c.purpose === "research").id;
  researchSha256 = research[1]!.sha256;
}, 120_000);
afterAll(() => h.close());

async function fhir(path: string, cookie?: string, token?: string) {
  const res = await h.call("GET", `/api/fhir/${path}`, {
    cookie,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  expectValidFhirBody(res);
  return res;
}

function expectOutcome(res: Awaited<ReturnType<typeof fhir>>, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json.resourceType).toBe("OperationOutcome");
  expect(res.json.issue[0]).toMatchObject({ severity: "error", code });
}

describe("Consent", () => {
  it("serves a portal procedure consent: treatment scope, the teach-back as verification, the signed text", async () => {
    const res = await fhir(`Consent/${procedureId}`, staff.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('W/"1"');
    expect(res.json).toMatchObject({
      resourceType: "Consent",
      id: procedureId,
      status: "active",
      scope: { coding: [{ code: "treatment" }] },
      patient: { reference: `Patient/${patient.id}` },
      dateTime: "2026-03-02T09:00:00.000Z",
      verification: [{ verified: true, verificationDate: "2026-03-02T09:00:00.000Z" }],
      provision: { type: "permit", purpose: [{ code: "TREAT" }] },
    });
    expect(res.json.verification[0].extension[0].valueInteger).toBe(2);
    const a = res.json.sourceAttachment;
    const bytes = Buffer.from(a.data, "base64");
    expect(a.size).toBe(bytes.length);
    expect(a.hash).toBe(createHash("sha1").update(bytes).digest("base64"));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(a.extension[0].valueString).toBe(sha256);
    expect(bytes.toString("utf8")).toMatch(/not (been )?approved/i);
    expectValidR4(res.json);
  });

  it("serves a paper research consent with its witness and recorder, the document's hash as signed", async () => {
    const res = await fhir(`Consent/${researchId}`, staff.cookie);
    expect(res.json).toMatchObject({
      status: "active",
      scope: { coding: [{ code: "research" }] },
      sourceAttachment: { language: "es" },
      provision: { purpose: [{ code: "HRESCH" }] },
    });
    expect(res.json.verification).toBeUndefined();
    expect(res.json.sourceAttachment.extension[0].valueString).toBe(researchSha256);
    const ext = Object.fromEntries(
      res.json.extension.map((e: { url: string; valueReference?: { display: string } }) => [
        e.url.split("/").at(-1),
        e.valueReference?.display,
      ]),
    );
    expect(ext).toMatchObject({ "consent-Witness": "Nurse Grace", "consent-Transcriber": "Test clinician" });
  });

  it("finds a patient's consents by patient and status; a withdrawal is inactive at version 2", async () => {
    const all = await fhir(`Consent?patient=${patient.id}`, staff.cookie);
    expect(all.json).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 2 });
    const withdrawn = await h.call("POST", `/api/v1/portal/consents/${researchId}/withdrawal`, {
      cookie: patient.cookie,
    });
    expect(withdrawn.status).toBe(200);
    const ids = async (q: string) =>
      (await fhir(`Consent?${q}`, staff.cookie)).json.entry.map(
        (e: { resource: { id: string } }) => e.resource.id,
      );
    expect(await ids(`patient=Patient/${patient.id}&status=active`)).toEqual([procedureId]);
    expect(await ids(`patient=${patient.id}&status=inactive`)).toEqual([researchId]);
    expect(await ids(`patient=${patient.id}&status=active,inactive`)).toEqual([procedureId, researchId]);
    expect(await ids(`patient=${patient.id}&status=rejected`)).toEqual([]);
    const res = await fhir(`Consent/${researchId}`, staff.cookie);
    expect(res.json).toMatchObject({
      status: "inactive",
      meta: { versionId: "2" },
      provision: { period: { start: "2026-03-01T12:00:00.000Z", end: "2026-03-02T09:00:00.000Z" } },
    });
  });

  it("records each read in the patient's audit trail", async () => {
    await fhir(`Consent?patient=${patient.id}`, staff.cookie);
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, patient_id from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toEqual({
      actor_id: staff.id,
      action: "read",
      entity_type: "fhir-consent",
      patient_id: patient.id,
    });
  });

  it("is for the clinic's staff and clients with a Consent scope; others are refused or see nothing", async () => {
    expectOutcome(await fhir(`Consent/${procedureId}`), 401, "login");
    const researcher = await h.staff("researcher", staff.clinicId);
    expectOutcome(await fhir(`Consent?patient=${patient.id}`, researcher.cookie), 403, "forbidden");
    expectOutcome(await fhir(`Consent?patient=${patient.id}`, patient.cookie), 403, "forbidden");
    const other = await h.staff("clinician");
    expectOutcome(await fhir(`Consent/${procedureId}`, other.cookie), 404, "not-found");
    const elsewhere = await fhir(`Consent?patient=${patient.id}`, other.cookie);
    expect([elsewhere.status, elsewhere.json.total]).toEqual([200, 0]);

    const s = smart(h);
    const client = await s.register(staff.clinicId);
    const patientsOnly = await s.token(client, "system/Patient.rs");
    expectOutcome(await fhir(`Consent?patient=${patient.id}`, undefined, patientsOnly), 403, "forbidden");
    const consentsToo = await s.token(client, "system/Patient.rs system/Consent.rs");
    const byClient = await fhir(`Consent?patient=${patient.id}`, undefined, consentsToo);
    expect([byClient.status, byClient.json.total]).toEqual([200, 2]);
  });

  it("names each bad search parameter, and is in the CapabilityStatement with patient, status and date", async () => {
    const bad = await fhir("Consent?status=Active!&category=research", staff.cookie);
    expectOutcome(bad, 400, "invalid");
    expect(bad.json.issue.map((i: { expression: string[] }) => i.expression[0]).sort()).toEqual([
      "category",
      "status",
    ]);
    const cs = (await fhir("metadata")).json;
    const consent = cs.rest[0].resource.find((r: { type: string }) => r.type === "Consent");
    expect(consent.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["patient", "status", "date"]),
    );
  });
});
