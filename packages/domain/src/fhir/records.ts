/**
 * The clinical record as FHIR R4: the patient (Patient), the episode of back pain (Condition) and
 * each treatment (Procedure), so that every reference Evident writes (`subject`, `derivedFrom`,
 * `suspectEntity`, `reasonReference`) resolves.
 *
 * - Patient declares the US Core Patient profile: it always has an identifier (Evident's id, and
 *   the clinic's MRN when recorded), a name and a gender, which is what the profile requires.
 * - Condition codes the episode's condition locally (no single SNOMED CT concept fits each of our
 *   choices exactly) with the lumbar levels as body sites.
 * - Procedure puts the procedure record's facts into standard elements where one fits (performer,
 *   bodySite for the levels, reasonReference for the episode, note) and the rest into one
 *   documented complex extension, `StructureDefinition/procedure-record`, whose sub-extensions are
 *   named after the record's fields (`tissue`, `origin`, `processing`, …; lists repeat the
 *   sub-extension), plus `regulatory-pathway` where the record derives one.
 */
import { conditionLabel } from "../catalogue/conditions";
import { treatmentKind } from "../catalogue/treatments";
import { fhirBase, local } from "./codes";
import type { Condition, Extension, Identifier, Meta, Patient, Procedure } from "./types";

export const usCore = {
  patient: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient",
  observationSurvey: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-survey",
} as const;

export const identifierSystems = {
  patient: `${fhirBase}/sid/patient`,
  mrn: `${fhirBase}/sid/mrn`,
} as const;

export const procedureRecordUrl = `${fhirBase}/StructureDefinition/procedure-record`;

export type Versioned = { version: number; lastUpdated: string };

export const metaOf = (v: Versioned, profile?: string): Meta => ({
  versionId: String(v.version),
  lastUpdated: v.lastUpdated,
  ...(profile ? { profile: [profile] } : {}),
});

export type PatientRecord = Versioned & {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: "female" | "male" | "other" | "unknown";
  email: string | null;
  phone: string | null;
  mrn: string | null;
};

export function toFhirPatient(p: PatientRecord): Patient & { id: string } {
  const identifier: Identifier[] = [
    { system: identifierSystems.patient, value: p.id },
    ...(p.mrn
      ? [
          {
            type: {
              coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }],
            },
            system: identifierSystems.mrn,
            value: p.mrn,
          },
        ]
      : []),
  ];
  const telecom = [
    ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
    ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
  ];
  return {
    resourceType: "Patient",
    id: p.id,
    meta: metaOf(p, usCore.patient),
    identifier,
    name: [{ family: p.familyName, given: [p.givenName] }],
    gender: p.sex,
    birthDate: p.birthDate,
    ...(telecom.length > 0 ? { telecom } : {}),
  };
}

export type EpisodeRecord = Versioned & {
  id: string;
  patientId: string;
  condition: string;
  spinalLevels: string[];
  onsetDate: string | null;
  recordedDate: string;
};

export function toFhirCondition(e: EpisodeRecord): Condition & { id: string } {
  return {
    resourceType: "Condition",
    id: e.id,
    meta: metaOf(e),
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/condition-category",
            code: "encounter-diagnosis",
            display: "Encounter Diagnosis",
          },
        ],
      },
    ],
    code: {
      coding: [local("conditions", e.condition, conditionLabel(e.condition))],
      text: conditionLabel(e.condition),
    },
    ...(e.spinalLevels.length > 0
      ? { bodySite: e.spinalLevels.map((l) => ({ coding: [local("spinalLevels", l)], text: l })) }
      : {}),
    subject: { reference: `Patient/${e.patientId}` },
    ...(e.onsetDate ? { onsetDateTime: e.onsetDate } : {}),
    recordedDate: e.recordedDate,
  };
}

export type TreatmentRecord = Versioned & {
  id: string;
  patientId: string;
  episodeId: string;
  kind: string;
  date: string;
  details: Record<string, unknown>;
};

/** One fact of the procedure record as a sub-extension (a list gives one per element). */
function subExtensions(key: string, value: unknown): Extension[] {
  if (Array.isArray(value)) return value.flatMap((v) => subExtensions(key, v));
  if (typeof value === "string") return [{ url: key, valueString: value }];
  if (typeof value === "number") return [{ url: key, valueDecimal: value }];
  if (typeof value === "boolean") return [{ url: key, valueBoolean: value }];
  return [];
}

/** Procedure-record fields that go into standard Procedure elements instead. */
const standardFields = new Set(["category", "operator", "levels"]);

export function toFhirProcedure(t: TreatmentRecord): Procedure & { id: string } {
  const label = treatmentKind(t.kind)?.label ?? t.kind;
  const record = (t.details.procedure ?? {}) as Record<string, unknown>;
  const pathway = (t.details.regulatory as { pathway?: unknown } | undefined)?.pathway;
  const facts = [
    ...Object.entries(record)
      .filter(([k]) => !standardFields.has(k))
      .flatMap(([k, v]) => subExtensions(k, v)),
    ...(typeof pathway === "string" ? [{ url: "regulatory-pathway", valueString: pathway }] : []),
  ];
  const levels = Array.isArray(record.levels) ? (record.levels as string[]) : [];
  const notes = typeof t.details.notes === "string" ? t.details.notes : null;
  return {
    resourceType: "Procedure",
    id: t.id,
    meta: metaOf(t),
    ...(facts.length > 0 ? { extension: [{ url: procedureRecordUrl, extension: facts }] } : {}),
    status: "completed",
    ...(typeof record.category === "string"
      ? { category: { coding: [local("treatmentCategories", record.category)] } }
      : {}),
    code: { coding: [local("treatments", t.kind, label)], text: label },
    subject: { reference: `Patient/${t.patientId}` },
    performedDateTime: t.date,
    ...(typeof record.operator === "string" ? { performer: [{ actor: { display: record.operator } }] } : {}),
    reasonReference: [{ reference: `Condition/${t.episodeId}` }],
    ...(levels.length > 0
      ? { bodySite: levels.map((l) => ({ coding: [local("spinalLevels", l)], text: l })) }
      : {}),
    ...(notes ? { note: [{ text: notes }] } : {}),
  };
}
