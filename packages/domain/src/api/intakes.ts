/**
 * The red-flag intake over HTTP. The answers are the triage contract (`triage/intake.ts`); the
 * patient is told only what to do (the advice for the result), the clinic sees the flags.
 *
 * The request schema checks the answers' form (400 for a wrong type, an unknown field, a number
 * out of range); completeness is checked after it, against the record (422 for a missing or null
 * answer, or an age that contradicts the birth date), so a caller can tell the two apart.
 */
import { z } from "zod";
import { booleanAnswerIds, IntakeAnswersSchema } from "../triage/intake";
import { adviceKinds, triageTiers } from "../triage/tiers";
import { optionalText } from "./common";

export const IntakeSubmit = z.object({ answers: IntakeAnswersSchema }).strict();
export type IntakeSubmit = z.input<typeof IntakeSubmit>;

export const PatientAdviceView = z.object({
  /** Which advice: the tier's, or "call-now" / "today" (domain/triage/tiers). */
  kind: z.enum(adviceKinds),
  tier: z.enum(triageTiers),
  title: z.string(),
  whatToDo: z.string(),
  why: z.string(),
  safetyNet: z.string(),
});

/** What the patient sees of an intake: when, the advice, and whether a clinician has looked. */
export const PortalIntakeView = z.object({
  id: z.string(),
  submittedAt: z.string(),
  tier: z.enum(triageTiers),
  /** With the clinic's emergency number filled in. */
  advice: PatientAdviceView,
  /** The yes/no questions the patient answered "not sure" (a clinician will ask about them). */
  unsure: z.array(z.enum(booleanAnswerIds)),
  reviewed: z.boolean(),
});
export type PortalIntakeView = z.infer<typeof PortalIntakeView>;

export const PortalIntakeState = z.object({
  /** The latest intake, or null before the first. */
  latest: PortalIntakeView.nullable(),
  /**
   * The decision aid opens after an intake with no red flag, or once a clinician has reviewed a
   * flagged one; `decisionAidHeldFor` says why it is closed.
   */
  decisionAidOpen: z.boolean(),
  decisionAidHeldFor: z.enum(["no-intake", "review"]).nullable(),
  /**
   * True while the safety questions must come before any questionnaire: the patient has no intake
   * and no treatment recorded (db/repos/intakes `safetyQuestionsFirst`).
   */
  safetyQuestionsFirst: z.boolean(),
});
export type PortalIntakeState = z.infer<typeof PortalIntakeState>;

const AnswerValue = z.union([z.number(), z.boolean(), z.literal("unsure")]);

export const TriageFlagView = z.object({
  id: z.string(),
  suggests: z.string(),
  action: z.string(),
  tier: z.enum(triageTiers),
  source: z.array(z.object({ key: z.string(), label: z.string() })),
  /**
   * The answers that raised the flag, e.g. `[{"id": "bladderDysfunction", "value": "unsure"}]`;
   * null for intakes stored before flags recorded them (rules versions up to 2026-11-22.1).
   */
  answer: z.array(z.object({ id: z.string(), value: AnswerValue })).nullable(),
  /** The task deadline this flag asked for when sooner than its tier's (hours), else null. */
  dueWithinHours: z.number().nullable(),
});

export const IntakeView = z.object({
  id: z.string(),
  submittedAt: z.string(),
  /** "portal": the patient answered; "clinic": staff entered the patient's answers for them. */
  source: z.enum(["portal", "clinic"]),
  /** The staff member who entered a clinic intake; null when the patient answered in the portal. */
  enteredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  rulesVersion: z.string(),
  tier: z.enum(triageTiers),
  flags: z.array(TriageFlagView),
  /** As the patient gave them (the age as taken from the record); older intakes may lack some. */
  answers: z.record(z.string(), z.union([AnswerValue, z.null()])),
  /** The yes/no questions answered "not sure". */
  unsure: z.array(z.string()),
  clinicianAction: z.string(),
  /** Elective procedures wait for a clinician's review of this intake. */
  blocksProcedures: z.boolean(),
  review: z
    .object({
      at: z.string(),
      by: z.object({ id: z.string(), name: z.string() }),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type IntakeView = z.infer<typeof IntakeView>;

/**
 * After staff enter the safety answers: the clinic's view of the intake, and the advice the
 * patient gets in the portal for its tier, to tell them now (e.g. go to an emergency department).
 */
export const StaffIntakeResult = z.object({ intake: IntakeView, patientAdvice: PatientAdviceView });
export type StaffIntakeResult = z.infer<typeof StaffIntakeResult>;

export const CareRouteView = z.object({
  group: z.enum(["low", "medium", "high"]),
  total: z.number(),
  subscale: z.number(),
  route: z.object({ id: z.string(), label: z.string(), source: z.array(z.string()) }),
  answeredAt: z.string(),
  /** True while a flagged intake waits for review: route after the red flags are dealt with. */
  heldForTriage: z.boolean(),
});
export type CareRouteView = z.infer<typeof CareRouteView>;

export const PatientTriage = z.object({
  intakes: z.array(IntakeView),
  /** The STarT Back route from the latest STarT Back answers, or null if none were given. */
  careRoute: CareRouteView.nullable(),
  /** Why elective procedures are blocked now, or null. */
  procedureBlock: z.string().nullable(),
});
export type PatientTriage = z.infer<typeof PatientTriage>;

/** A note of what was done: required to review an emergency or urgent triage (400 naming `note`). */
export const IntakeReview = z.object({ note: optionalText(2000) }).strict();
