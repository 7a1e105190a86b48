/**
 * E-consent through the API: an administrator publishes versioned documents (new rows, hashed,
 * never updated); a patient signs in the portal only after the three teach-back answers are right,
 * with their typed name and confirmation; staff record a paper consent with its witness; an
 * investigational treatment is refused without a signed procedure consent of the current version
 * unless a clinician overrides it (audited); bad input is problem+json naming each field.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const right = { approval: "no", evidence: "unknown", choice: "care-continues" };

async function setup() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const admin = await h.staff("admin", clinic.id);
  const patient = await h.portalPatient(clinician.cookie);
  await h.answerSafetyQuestions(patient.cookie);
  const published = await h.call("POST", "/api/v1/consent-documents", {
    cookie: admin.cookie,
    body: {
      purpose: "procedure",
      treatmentKind: "bone_marrow_concentrate",
      price: { amount: 8900, currency: "USD" },
    },
  });
  expect(published.status).toBe(201);
  return {
    clinic,
    clinician,
    admin,
    patient,
    documents: published.json.documents as {
      id: string;
      language: string;
      version: number;
      sha256: string;
    }[],
  };
}

const sign = (cookie: string, body: Record<string, unknown>) =>
  h.call("POST", "/api/v1/portal/consents", { cookie, body });
const record = (cookie: string, patientId: string, body: Record<string, unknown>) =>
  h.call("POST", `/api/v1/patients/${patientId}/treatments`, { cookie, body });
const bmc = {
  kind: "bone_marrow_concentrate",
  date: "2026-03-02",
  candidacyOverride: { reason: "Assessed on paper" },
};

describe("consent documents", () => {
  it("publishes a version in English and Spanish, each stored with the SHA-256 of its canonical text", async () => {
    const { documents, clinic } = await setup();
    expect(documents.map((d) => [d.language, d.version])).toEqual([
      ["en", 1],
      ["es", 1],
    ]);
    const { rows } = await h.database.pool.query<{ canonical_text: string; sha256: string }>(
      "select canonical_text, sha256 from consent_documents where clinic_id = $1",
      [clinic.id],
    );
    for (const r of rows)
      expect(r.sha256).toBe(createHash("sha256").update(r.canonical_text, "utf8").digest("hex"));
    expect(rows.map((r) => r.canonical_text).join("\n")).toMatch(/\$8,900/);
  });

  it("publishes a new version as new rows and never changes an old one", async () => {
    const { admin, documents, clinic } = await setup();
    const next = await h.call("POST", "/api/v1/consent-documents", {
      cookie: admin.cookie,
      body: {
        purpose: "procedure",
        treatmentKind: "bone_marrow_concentrate",
        price: { amount: 9500, currency: "USD" },
      },
    });
    expect(next.json.documents.map((d: { version: number }) => d.version)).toEqual([2, 2]);
    const old = await h.call("GET", `/api/v1/consent-documents/${documents[0]!.id}`, {
      cookie: admin.cookie,
    });
    expect([old.json.version, old.json.sha256]).toEqual([1, documents[0]!.sha256]);
    await expect(
      h.database.pool.query("update consent_documents set sha256 = 'x' where clinic_id = $1", [clinic.id]),
    ).rejects.toThrow(/never changed/);
    const current = await h.call("GET", "/api/v1/consent-documents", { cookie: admin.cookie });
    expect(current.json.documents.map((d: { version: number }) => d.version)).toEqual([2, 2]);
  });

  it("refuses a procedure consent without its kind and price, naming each field, and lets only administrators publish", async () => {
    const { admin, clinician } = await setup();
    const before = await h.count("consent_documents");
    const bad = await h.call("POST", "/api/v1/consent-documents", {
      cookie: admin.cookie,
      body: { purpose: "procedure", price: { amount: -1, currency: "dollars" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/problem\+json/);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "price.amount",
      "price.currency",
      "treatmentKind",
    ]);
    const notCell = await h.call("POST", "/api/v1/consent-documents", {
      cookie: admin.cookie,
      body: { purpose: "procedure", treatmentKind: "fusion", price: { amount: 1, currency: "USD" } },
    });
    expect(notCell.json.issues.map((i: { path: string }) => i.path)).toEqual(["treatmentKind"]);
    const forbidden = await h.call("POST", "/api/v1/consent-documents", {
      cookie: clinician.cookie,
      body: { purpose: "research" },
    });
    expect(forbidden.status).toBe(403);
    expect(await h.count("consent_documents")).toBe(before);
  });
});

describe("signing in the portal", () => {
  it("refuses a wrong teach-back answer with why, then signs when all three are right, keeping the hash", async () => {
    const { patient, documents, clinician } = await setup();
    const page = await h.call("GET", "/api/v1/portal/consents?lang=es", { cookie: patient.cookie });
    expect(page.json.documents.map((d: { language: string }) => d.language)).toEqual(["es"]);
    const en = documents.find((d) => d.language === "en")!;
    const before = await h.count("consents");
    const wrong = await sign(patient.cookie, {
      documentId: en.id,
      answers: { ...right, evidence: "works" },
      typedName: "Ada Lovelace",
      confirmed: true,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.issues).toEqual([
      { path: "answers.evidence", message: expect.stringMatching(/We do not know if it helps/) },
    ]);
    expect(await h.count("consents")).toBe(before);
    const signed = await sign(patient.cookie, {
      documentId: en.id,
      answers: right,
      teachBackRounds: 2,
      typedName: "Ada Lovelace",
      confirmed: true,
    });
    expect(signed.status).toBe(201);
    expect(signed.json.consents).toEqual([
      expect.objectContaining({
        documentId: en.id,
        version: 1,
        language: "en",
        sha256: en.sha256,
        method: "portal",
        typedName: "Ada Lovelace",
        signedAt: "2026-03-02T09:00:00.000Z",
        current: true,
      }),
    ]);
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'consent' and action = 'sign' and patient_id = $1",
      [patient.id],
    );
    expect(rows[0].detail).toMatchObject({
      sha256: en.sha256,
      version: 1,
      teachBackRounds: 2,
      method: "portal",
    });
    const staffView = await h.call("GET", `/api/v1/patients/${patient.id}/consents`, {
      cookie: clinician.cookie,
    });
    expect(staffView.json.consents).toHaveLength(1);
  });

  it("gives each signature its date where the clinic is, which is what the consent gate compares", async () => {
    // 09:00 UTC on 2 March is 22:00 on 1 March in American Samoa (UTC−11).
    const { admin, clinician, patient, documents } = await setup();
    const zone = await h.call("PUT", "/api/v1/clinic/time-zone", {
      cookie: admin.cookie,
      body: { timeZone: "Pacific/Pago_Pago" },
    });
    expect(zone.status).toBe(200);
    const signed = await sign(patient.cookie, {
      documentId: documents.find((d) => d.language === "en")!.id,
      answers: right,
      typedName: "Ada Lovelace",
      confirmed: true,
    });
    expect(signed.json.consents[0]).toMatchObject({
      signedAt: "2026-03-02T09:00:00.000Z",
      signedOn: "2026-03-01",
    });
    const treated = await record(clinician.cookie, patient.id, { ...bmc, date: "2026-03-01" });
    expect([treated.status, treated.json.consent]).toEqual([
      201,
      expect.objectContaining({ basis: "signed", signedOn: "2026-03-01" }),
    ]);
  });

  it("refuses bad input naming each field, and writes nothing", async () => {
    const { patient, documents } = await setup();
    const before = await h.count("consents");
    const bad = await sign(patient.cookie, { documentId: "nope", typedName: "", confirmed: false });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "confirmed",
      "documentId",
      "typedName",
    ]);
    const someoneElse = await sign(patient.cookie, {
      documentId: documents[0]!.id,
      answers: right,
      typedName: "Charles Babbage",
      confirmed: true,
    });
    expect([someoneElse.status, someoneElse.json.issues[0].path]).toEqual([400, "typedName"]);
    expect(await h.count("consents")).toBe(before);
  });
});

describe("recording an investigational treatment", () => {
  it("is refused without a signed procedure consent, naming consent, and writes nothing", async () => {
    const { clinician, patient } = await setup();
    const before = await Promise.all(["treatments", "follow_ups"].map(h.count));
    const res = await record(clinician.cookie, patient.id, bmc);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues).toEqual([
      { path: "consent", message: expect.stringMatching(/has not signed its procedure consent/) },
    ]);
    expect(await Promise.all(["treatments", "follow_ups"].map(h.count))).toEqual(before);
  });

  it("is recorded on a signed consent of the current version, and refused once a new version is published", async () => {
    const { clinician, admin, patient, documents } = await setup();
    const signed = await sign(patient.cookie, {
      documentId: documents[0]!.id,
      answers: right,
      typedName: "ada lovelace",
      confirmed: true,
    });
    const ok = await record(clinician.cookie, patient.id, bmc);
    expect(ok.status).toBe(201);
    expect(ok.json.consent).toEqual({
      basis: "signed",
      consentId: signed.json.consents[0].id,
      version: 1,
      method: "portal",
      signedOn: "2026-03-02",
    });
    await h.call("POST", "/api/v1/consent-documents", {
      cookie: admin.cookie,
      body: {
        purpose: "procedure",
        treatmentKind: "bone_marrow_concentrate",
        price: { amount: 9900, currency: "USD" },
      },
    });
    const again = await record(clinician.cookie, patient.id, bmc);
    expect(again.status).toBe(409);
    expect(again.json.issues[0]).toMatchObject({
      path: "consent",
      message: expect.stringMatching(/earlier version/),
    });
  });

  it("is recorded on a paper consent with its witness", async () => {
    const { clinician, patient, documents } = await setup();
    const bad = await h.call("POST", `/api/v1/patients/${patient.id}/consents`, {
      cookie: clinician.cookie,
      body: { documentId: documents[1]!.id, witnessName: " ", signedOn: "2026-03-09" },
    });
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["witnessName"]);
    const future = await h.call("POST", `/api/v1/patients/${patient.id}/consents`, {
      cookie: clinician.cookie,
      body: { documentId: documents[1]!.id, witnessName: "Nurse Grace", signedOn: "2026-03-09" },
    });
    expect([future.status, future.json.issues[0].path]).toEqual([400, "signedOn"]);
    const paper = await h.call("POST", `/api/v1/patients/${patient.id}/consents`, {
      cookie: clinician.cookie,
      body: { documentId: documents[1]!.id, witnessName: "Nurse Grace", signedOn: "2026-03-01" },
    });
    expect(paper.status).toBe(201);
    expect(paper.json.consents[0]).toMatchObject({
      method: "paper",
      witnessName: "Nurse Grace",
      language: "es",
      recordedBy: { id: clinician.id },
    });
    expect((await record(clinician.cookie, patient.id, bmc)).json.consent).toMatchObject({
      basis: "signed",
      method: "paper",
      signedOn: "2026-03-01",
    });
  });

  it("is recorded on a clinician's override with a reason, audited and shown on the record", async () => {
    const { clinician, patient } = await setup();
    const reason = "Consent taken in clinic on the hospital's own form";
    const res = await record(clinician.cookie, patient.id, { ...bmc, consentOverride: { reason } });
    expect(res.status).toBe(201);
    expect(res.json.consent).toMatchObject({
      basis: "override",
      reason,
      by: { id: clinician.id },
      refusal: expect.stringMatching(/has not signed/),
    });
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'treatment' and action = 'create' and entity_id = $1",
      [res.json.id],
    );
    expect(rows[0].detail.consent).toMatchObject({ basis: "override", reason });
    const notNeeded = await record(clinician.cookie, patient.id, {
      kind: "medication",
      date: "2026-03-02",
      consentOverride: { reason },
    });
    expect([notNeeded.status, notNeeded.json.issues[0].path]).toEqual([400, "consentOverride"]);
    const empty = await record(clinician.cookie, patient.id, { ...bmc, consentOverride: { reason: "" } });
    expect([empty.status, empty.json.issues[0].path]).toEqual([400, "consentOverride.reason"]);
  });
});
