/**
 * Consent documents as typed content (STYLE habit 8): a clinic's procedure consent for each
 * investigational treatment kind, its registry-and-research consent and its consent to share a
 * story, in English and Spanish. A document is rendered from a template version, the clinic's
 * name and, for a procedure, its price; the rendered text is what is hashed and signed.
 */
import type { CitationKey } from "../citations";
import type { GradeCertainty } from "../evidence/types";

export const consentPurposes = ["procedure", "research", "story"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentLanguages = ["en", "es"] as const;
export type ConsentLanguage = (typeof consentLanguages)[number];

/** A price as the clinic states it: whole units of an ISO 4217 currency. */
export type ConsentPrice = { amount: number; currency: string };

export type ConsentSection = {
  id: string;
  heading: string;
  text: string;
  /** Every claim about evidence cites its sources (citations.ts)… */
  sources: readonly CitationKey[];
  /** …and says how sure the evidence is (GRADE wording); null for a section that makes no such claim. */
  certainty: GradeCertainty | null;
};

export type ConsentDocumentContent = {
  purpose: ConsentPurpose;
  /** The investigational kind a procedure consent is for; null for research and story consent. */
  treatmentKind: string | null;
  language: ConsentLanguage;
  /** The wording's version (bumped whenever a template's words change). */
  templateVersion: string;
  title: string;
  sections: readonly ConsentSection[];
  /** What the patient confirms by signing. */
  confirmation: string;
};

/** What a clinic fills in: its name and, for a procedure consent, its price. */
export type ConsentDocumentInput = {
  purpose: ConsentPurpose;
  treatmentKind: string | null;
  language: ConsentLanguage;
  clinicName: string;
  price: ConsentPrice | null;
};
