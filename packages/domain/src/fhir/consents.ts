/**
 * A patient's consent (domain/consent) as a FHIR R4 Consent.
 *
 * - status: "active" while it stands, "inactive" once withdrawn (R4: "terminated or replaced");
 *   nothing is ever refused by the patient in Evident (no consent row is made then), so
 *   "rejected" is not used, and neither are "draft" or "proposed".
 * - scope (consentscope): "treatment" for a procedure consent; "research" for the registry and
 *   research consent (taking part in the registry and the use of one's data in pooled research,
 *   as the interoperability reference maps registry participation); "patient-privacy" for a
 *   story, an agreement to disclose information. category: LOINC 59284-0 "Patient Consent" on
 *   every one, plus "Research Information Access" (consentcategorycodes) for research and LOINC
 *   64292-6 "Release of information consent" for a story; and the purpose in a local code.
 * - sourceAttachment: the signed document's canonical text itself (text/plain, UTF-8), with R4's
 *   `hash` (SHA-1 of the data, base64, as Attachment.hash is defined). Evident keeps the SHA-256
 *   (hex) with each signature; R4 has no element for it, so it is an extension on the attachment,
 *   `StructureDefinition/sha256`, and anyone can check both against the data.
 * - policyRule: OPTIN (v3 ActCode): every Consent here is a signature the patient gave.
 * - provision: "permit" for the time it stood (period.end when withdrawn), with the purpose of
 *   use (v3 ActReason TREAT, HRESCH) and, for a procedure, the treatment kind.
 * - performer is the patient; organization is the clinic (by name: the API serves no
 *   Organization). A portal signature after the teach-back is a `verification` with the patient
 *   (and the rounds it took, in an extension); a paper signature names its witness and who
 *   recorded it with the core extensions consent-Witness and consent-Transcriber. How it was
 *   signed (and the typed name) is the local extension `StructureDefinition/consent-signature`.
 */
import { treatmentKind } from "../catalogue/treatments";
import { fhirBase, local } from "./codes";
import { metaOf, type Versioned } from "./records";
import type { CodeableConcept, Coding, Consent, Extension } from "./types";

export const consentExtensions = {
  sha256: `${fhirBase}/StructureDefinition/sha256`,
  signature: `${fhirBase}/StructureDefinition/consent-signature`,
  teachBackRounds: `${fhirBase}/StructureDefinition/teach-back-rounds`,
  witness: "http://hl7.org/fhir/StructureDefinition/consent-Witness",
  transcriber: "http://hl7.org/fhir/StructureDefinition/consent-Transcriber",
} as const;

export type ConsentRecord = Versioned & {
  id: string;
  patientId: string;
  purpose: "procedure" | "research" | "story";
  treatmentKind: string | null;
  documentVersion: number;
  documentTitle: string;
  language: "en" | "es";
  method: "portal" | "paper";
  typedName: string | null;
  witnessName: string | null;
  recordedByName: string | null;
  teachBackRounds: number | null;
  signedAt: string;
  withdrawnAt: string | null;
  clinicName: string;
  /** The signed document's canonical text (base64 of its UTF-8), its SHA-1 (base64) and SHA-256 (hex). */
  documentData: string;
  documentSize: number;
  documentSha1: string;
  documentSha256: string;
  documentPublishedAt: string;
};

const loinc = (code: string, display: string): Coding => ({ system: "http://loinc.org", code, display });

const purposeLabels = {
  procedure: "Consent to an investigational procedure",
  research: "Consent to the registry and research use of data",
  story: "Consent to share the patient's story",
} as const;

function categories(r: ConsentRecord): CodeableConcept[] {
  const extra: CodeableConcept[] =
    r.purpose === "research"
      ? [
          {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/consentcategorycodes",
                code: "research",
                display: "Research Information Access",
              },
            ],
          },
        ]
      : r.purpose === "story"
        ? [{ coding: [loinc("64292-6", "Release of information consent")] }]
        : [];
  return [
    { coding: [loinc("59284-0", "Patient Consent")] },
    ...extra,
    {
      coding: [local("consentPurposes", r.purpose, purposeLabels[r.purpose])],
      text: purposeLabels[r.purpose],
    },
  ];
}

const scopes = {
  procedure: { code: "treatment", display: "Treatment" },
  research: { code: "research", display: "Research" },
  story: { code: "patient-privacy", display: "Privacy Consent" },
} as const;

const actReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const purposes: Record<ConsentRecord["purpose"], Coding[]> = {
  procedure: [{ system: actReason, code: "TREAT", display: "treatment" }],
  research: [{ system: actReason, code: "HRESCH", display: "healthcare research" }],
  story: [],
};

export function toFhirConsent(r: ConsentRecord): Consent & { id: string } {
  const patient = { reference: `Patient/${r.patientId}` };
  const kindLabel = r.treatmentKind ? (treatmentKind(r.treatmentKind)?.label ?? r.treatmentKind) : null;
  const signature: Extension = {
    url: consentExtensions.signature,
    extension: [
      { url: "method", valueCode: r.method },
      ...(r.typedName ? [{ url: "typedName", valueString: r.typedName }] : []),
      { url: "documentVersion", valueInteger: r.documentVersion },
    ],
  };
  const paper: Extension[] =
    r.method === "paper"
      ? [
          ...(r.witnessName
            ? [{ url: consentExtensions.witness, valueReference: { display: r.witnessName } }]
            : []),
          ...(r.recordedByName
            ? [{ url: consentExtensions.transcriber, valueReference: { display: r.recordedByName } }]
            : []),
        ]
      : [];
  return {
    resourceType: "Consent",
    id: r.id,
    meta: metaOf(r),
    extension: [signature, ...paper],
    status: r.withdrawnAt ? "inactive" : "active",
    scope: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", ...scopes[r.purpose] }],
    },
    category: categories(r),
    patient,
    dateTime: r.signedAt,
    performer: [patient],
    organization: [{ display: r.clinicName }],
    sourceAttachment: {
      extension: [{ url: consentExtensions.sha256, valueString: r.documentSha256 }],
      contentType: "text/plain; charset=utf-8",
      language: r.language,
      data: r.documentData,
      size: r.documentSize,
      hash: r.documentSha1,
      title: `${r.documentTitle} (version ${r.documentVersion})`,
      creation: r.documentPublishedAt,
    },
    policyRule: {
      coding: [
        { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN", display: "opt-in" },
      ],
    },
    ...(r.method === "portal" && r.teachBackRounds
      ? {
          verification: [
            {
              extension: [{ url: consentExtensions.teachBackRounds, valueInteger: r.teachBackRounds }],
              verified: true,
              verifiedWith: patient,
              verificationDate: r.signedAt,
            },
          ],
        }
      : {}),
    provision: {
      type: "permit",
      period: { start: r.signedAt, ...(r.withdrawnAt ? { end: r.withdrawnAt } : {}) },
      ...(purposes[r.purpose].length > 0 ? { purpose: purposes[r.purpose] } : {}),
      ...(r.treatmentKind && kindLabel
        ? { code: [{ coding: [local("treatments", r.treatmentKind, kindLabel)], text: kindLabel }] }
        : {}),
    },
  };
}
