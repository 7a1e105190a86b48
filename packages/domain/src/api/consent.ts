/** E-consent over HTTP (domain/consent): documents, signatures, paper consents, withdrawal. */
import { z } from "zod";
import { consentKinds } from "../consent/documents";
import { consentLanguages, consentPurposes } from "../consent/types";
import { isoDate, text, uuid } from "./common";

const Person = z.object({ id: z.string(), name: z.string() });

export const ConsentSectionView = z.object({
  id: z.string(),
  heading: z.string(),
  text: z.string(),
  sources: z.array(z.string()),
  certainty: z.enum(["high", "moderate", "low", "very low"]).nullable(),
});

export const ConsentDocumentView = z.object({
  id: z.string(),
  purpose: z.enum(consentPurposes),
  treatmentKind: z.string().nullable(),
  language: z.enum(consentLanguages),
  version: z.number().int(),
  templateVersion: z.string(),
  title: z.string(),
  sections: z.array(ConsentSectionView),
  confirmation: z.string(),
  /** SHA-256 of the document's canonical text, hex: kept with every signature. */
  sha256: z.string(),
  price: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  publishedAt: z.string(),
});
export type ConsentDocumentView = z.infer<typeof ConsentDocumentView>;

export const ConsentDocumentList = z.object({ documents: z.array(ConsentDocumentView) });
export type ConsentDocumentList = z.infer<typeof ConsentDocumentList>;

/**
 * Publishes the next version of one of the clinic's consent documents, in every language. A
 * procedure consent names its investigational kind and states the clinic's price.
 */
export const ConsentDocumentPublish = z
  .object({
    purpose: z.enum(consentPurposes, { error: `must be one of ${consentPurposes.join(", ")}` }),
    treatmentKind: z
      .enum(consentKinds as [string, ...string[]], {
        error: `must be an investigational kind: ${consentKinds.join(", ")}`,
      })
      .optional(),
    price: z
      .object({
        amount: z
          .number({ error: "must be a number" })
          .int("must be whole units")
          .positive("must be more than 0")
          .max(10_000_000, "must be at most 10,000,000"),
        currency: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code (ISO 4217), e.g. USD"),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.purpose === "procedure") {
      if (!v.treatmentKind)
        ctx.addIssue({
          code: "custom",
          path: ["treatmentKind"],
          message: "is required for a procedure consent",
        });
      if (!v.price)
        ctx.addIssue({ code: "custom", path: ["price"], message: "is required for a procedure consent" });
    } else {
      if (v.treatmentKind)
        ctx.addIssue({ code: "custom", path: ["treatmentKind"], message: "is only for a procedure consent" });
      if (v.price)
        ctx.addIssue({ code: "custom", path: ["price"], message: "is only for a procedure consent" });
    }
  });
export type ConsentDocumentPublish = z.input<typeof ConsentDocumentPublish>;

export const ConsentView = z.object({
  id: z.string(),
  documentId: z.string(),
  purpose: z.enum(consentPurposes),
  treatmentKind: z.string().nullable(),
  version: z.number().int(),
  language: z.enum(consentLanguages),
  sha256: z.string(),
  method: z.enum(["portal", "paper"]),
  typedName: z.string().nullable(),
  witnessName: z.string().nullable(),
  recordedBy: Person.nullable(),
  signedAt: z.string(),
  /** The signature's date in the clinic's time zone: what the consent gate compares with a treatment date. */
  signedOn: z.string(),
  withdrawnAt: z.string().nullable(),
  /** Signed for the version now current (a procedure consent of an older version does not count). */
  current: z.boolean(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const PatientConsents = z.object({
  consents: z.array(ConsentView),
  /** The patient's latest research consent is withdrawn: their data leaves pooled figures and exports. */
  researchWithdrawn: z.boolean(),
});
export type PatientConsents = z.infer<typeof PatientConsents>;

/** The portal's consent page: the clinic's current documents in the patient's language, and theirs. */
export const PortalConsents = PatientConsents.extend({ documents: z.array(ConsentDocumentView) });
export type PortalConsents = z.infer<typeof PortalConsents>;

/** A patient signs in the portal: after the teach-back (procedure consent), their typed name and confirmation. */
export const ConsentSign = z
  .object({
    documentId: uuid,
    /** Teach-back answers, question id → option id (procedure consent only; all must be right). */
    answers: z.record(z.string(), z.string()).optional(),
    /** Rounds of the teach-back it took (1 when all were right the first time). */
    teachBackRounds: z.number().int().min(1).max(50).optional(),
    typedName: text(200),
    confirmed: z.literal(true, { error: "must be ticked to sign" }),
  })
  .strict();
export type ConsentSign = z.input<typeof ConsentSign>;

/** Staff record a consent signed on paper, with the witness's name. */
export const PaperConsent = z
  .object({
    documentId: uuid,
    witnessName: text(200),
    /** The day it was signed (today or earlier). */
    signedOn: isoDate,
  })
  .strict();
export type PaperConsent = z.input<typeof PaperConsent>;

export const consentIdParam = z.object({ id: uuid, consentId: uuid });

/**
 * What an investigational treatment was recorded on (consent/gate.ts): the signed procedure
 * consent, or a clinician's override with the reason and why the gate refused.
 */
export const TreatmentConsent = z.discriminatedUnion("basis", [
  z.object({
    basis: z.literal("signed"),
    consentId: z.string(),
    version: z.number(),
    method: z.enum(["portal", "paper"]),
    signedOn: z.string(),
  }),
  z.object({
    basis: z.literal("override"),
    reason: z.string(),
    by: Person,
    at: z.string(),
    refusal: z.string(),
  }),
]);
export type TreatmentConsent = z.infer<typeof TreatmentConsent>;
