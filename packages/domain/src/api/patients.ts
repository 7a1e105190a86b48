import { z } from "zod";
import { conditionIds, spinalLevels } from "../catalogue/conditions";
import { patientLanguages } from "../language";
import { email, isoDate, optionalText, text } from "./common";
import { TreatmentConsent } from "./consent";

/** A staff member as shown on a record: who entered, signed or overrode something. */
const Person = z.object({ id: z.string(), name: z.string() });

export const sexes = ["female", "male", "other", "unknown"] as const;

export const EpisodeInput = z
  .object({
    condition: z.enum(conditionIds, { error: `must be one of ${conditionIds.join(", ")}` }),
    spinalLevels: z
      .array(z.enum(spinalLevels, { error: `must be one of ${spinalLevels.join(", ")}` }))
      .max(spinalLevels.length)
      .default([]),
    onsetDate: isoDate.optional(),
  })
  .strict();
export type EpisodeInput = z.input<typeof EpisodeInput>;

export const PatientCreate = z
  .object({
    givenName: text(100),
    familyName: text(100),
    birthDate: isoDate,
    sex: z.enum(sexes, { error: `must be one of ${sexes.join(", ")}` }).default("unknown"),
    email: email.optional(),
    phone: optionalText(40),
    mrn: optionalText(64),
    /** The language the patient reads: the portal and every e-mail to them use it. */
    language: z
      .enum(patientLanguages, { error: `must be one of ${patientLanguages.join(", ")}` })
      .default("en"),
    episode: EpisodeInput,
    /** Send a portal invitation now (needs an e-mail address). Defaults to yes when one is given. */
    invite: z.boolean({ error: "must be true or false" }).optional(),
  })
  .strict();
export type PatientCreate = z.input<typeof PatientCreate>;
export type PatientCreateParsed = z.output<typeof PatientCreate>;

export const PatientListQuery = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(50),
  offset: z.coerce.number({ error: "must be a number" }).int().min(0).default(0),
});

export const PatientSummary = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  mrn: z.string().nullable(),
  condition: z.string().nullable(),
  portal: z.enum(["none", "invited", "active"]),
  createdAt: z.string(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientList = z.object({ items: z.array(PatientSummary), total: z.number().int() });
export type PatientList = z.infer<typeof PatientList>;

export const Episode = z.object({
  id: z.string(),
  condition: z.string(),
  spinalLevels: z.array(z.string()),
  onsetDate: z.string().nullable(),
  createdAt: z.string(),
});

/** An earlier version of a corrected answer set, kept as it was. */
export const ResponseVersion = z.object({
  id: z.string(),
  instrumentVersion: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  score: z.number().nullable(),
  scoreDetail: z.record(z.string(), z.unknown()),
  source: z.string(),
  recordedAt: z.string(),
  supersededAt: z.string(),
  /** Why this version itself corrected the one before it, if it did. */
  correctionReason: z.string().nullable(),
});
export type ResponseVersion = z.infer<typeof ResponseVersion>;

export const ResponseView = z.object({
  id: z.string(),
  instrument: z.string(),
  instrumentVersion: z.string(),
  timepoint: z.string(),
  /** The follow-up this answered; null for answers given outside any window. */
  followUpId: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  score: z.number().nullable(),
  scoreDetail: z.record(z.string(), z.unknown()),
  completedAt: z.string(),
  source: z.string(),
  /** The staff member who entered these answers for the patient; null when the patient answered. */
  enteredBy: Person.nullable(),
  /**
   * A baseline answered after the episode's first treatment (pathway/late-baseline.ts): kept and
   * shown, but left out of every change score.
   */
  lateBaseline: z.boolean(),
  /** Set when this version corrects an earlier one: the reason, when, and the earlier versions (newest first). */
  correction: z
    .object({ reason: z.string(), correctedAt: z.string(), earlier: z.array(ResponseVersion) })
    .nullable(),
});
export type ResponseView = z.infer<typeof ResponseView>;

/**
 * What an investigational treatment was recorded on (candidacy/gate.ts): the current, eligible
 * candidacy sign-off it relied on, or a clinician's override with the reason and why the gate
 * refused. Null for other kinds.
 */
export const TreatmentCandidacy = z.discriminatedUnion("basis", [
  z.object({
    basis: z.literal("assessment"),
    assessmentId: z.string(),
    signedOn: z.string(),
    signedBy: Person,
    criteriaVersion: z.string(),
  }),
  z.object({
    basis: z.literal("override"),
    reason: z.string(),
    by: Person,
    at: z.string(),
    /** The gate's refusal the override set aside. */
    refusal: z.string(),
    /** The latest sign-off on or before the treatment date, if there was one. */
    assessmentId: z.string().nullable(),
  }),
]);
export type TreatmentCandidacy = z.infer<typeof TreatmentCandidacy>;

export const TreatmentView = z.object({
  id: z.string(),
  episodeId: z.string(),
  kind: z.string(),
  date: z.string(),
  details: z.record(z.string(), z.unknown()),
  candidacy: TreatmentCandidacy.nullable(),
  consent: TreatmentConsent.nullable(),
  createdAt: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type TreatmentView = z.infer<typeof TreatmentView>;

export const FollowUpView = z.object({
  id: z.string(),
  treatmentId: z.string().nullable(),
  timepoint: z.string(),
  dueDate: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(["upcoming", "open", "completed", "missed", "cancelled"]),
  instruments: z.array(z.string()),
  completedAt: z.string().nullable(),
  /**
   * Baseline only: the date of the episode's first treatment, after which baseline answers are
   * late (kept, marked and left out of change scores); null before any treatment is recorded.
   */
  baselineEndsOn: z.string().nullable(),
  /** Baseline only: answers given today (the clinic's local date) would be a late baseline. */
  lateIfAnsweredToday: z.boolean(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const PatientDetail = PatientSummary.extend({
  sex: z.string(),
  language: z.enum(patientLanguages),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  episodes: z.array(Episode),
  responses: z.array(ResponseView),
  treatments: z.array(TreatmentView),
  followUps: z.array(FollowUpView),
});
export type PatientDetail = z.infer<typeof PatientDetail>;
