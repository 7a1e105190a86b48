/**
 * Where Evident's own FHIR identifiers live. Standard codes (LOINC, SNOMED CT) come from the
 * instrument definitions; everything without one is coded in a local code system under a
 * reserved, non-resolvable domain (.invalid, RFC 2606), so nobody mistakes it for a standard.
 *
 * Local code systems:
 * - instruments: the instrument id ("odi") — Questionnaire.code beside any LOINC panel;
 * - instrument-items: the item id ("odi_3", "PFA11") — Questionnaire.item.code;
 * - instrument-answers: "<item id>:<answer>" ("odi_3:2") — the answer options (an answer value
 *   means different things in different items, so the item is part of the code);
 * - instrument-scores: "<instrument>" for `score`, "<instrument>.<output>" for the rest
 *   ("promis29.anxiety", "startback.subscale"), and "raw-score", "t-score-se" for components;
 * - score-categories: categorical results ("startback.group:high");
 * - conditions, spinal-levels, treatment-kinds, treatment-categories: the catalogue's ids for an
 *   episode's condition and levels and a treatment's kind (catalogue/*.ts);
 * - consent-purposes: what a consent is for (procedure, research, story; consent/types.ts).
 */
import type { Coding } from "./types";

export const fhirBase = "https://evident.invalid/fhir";

export const localSystems = {
  instruments: `${fhirBase}/CodeSystem/instruments`,
  items: `${fhirBase}/CodeSystem/instrument-items`,
  answers: `${fhirBase}/CodeSystem/instrument-answers`,
  scores: `${fhirBase}/CodeSystem/instrument-scores`,
  categories: `${fhirBase}/CodeSystem/score-categories`,
  conditions: `${fhirBase}/CodeSystem/conditions`,
  spinalLevels: `${fhirBase}/CodeSystem/spinal-levels`,
  treatments: `${fhirBase}/CodeSystem/treatment-kinds`,
  treatmentCategories: `${fhirBase}/CodeSystem/treatment-categories`,
  cohorts: `${fhirBase}/CodeSystem/cohorts`,
  consentPurposes: `${fhirBase}/CodeSystem/consent-purposes`,
} as const;

export const hl7 = {
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  ucum: "http://unitsofmeasure.org",
  minValue: "http://hl7.org/fhir/StructureDefinition/minValue",
  maxValue: "http://hl7.org/fhir/StructureDefinition/maxValue",
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
} as const;

/** The canonical URL of an instrument's Questionnaire. */
export const questionnaireUrl = (instrumentId: string) => `${fhirBase}/Questionnaire/${instrumentId}`;

/** FHIR ids allow [A-Za-z0-9-.] only, so underscores in our ids become hyphens. */
export const fhirId = (id: string) => id.replace(/_/g, "-");

export const answerCode = (itemId: string, value: number | boolean) => `${itemId}:${String(value)}`;

export const local = (system: keyof typeof localSystems, code: string, display?: string): Coding =>
  display === undefined
    ? { system: localSystems[system], code }
    : { system: localSystems[system], code, display };
