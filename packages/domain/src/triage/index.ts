/**
 * Safety-first intake: red-flag triage (rules as versioned data), the patient's and the clinic's
 * next step per tier, and STarT Back care routing for patients without red flags.
 */
export {
  describeTrigger,
  evaluateTriage,
  fires,
  type TriageFlag,
  type TriageResult,
  triageIntake,
} from "./evaluate";
export {
  ageBounds,
  type BooleanAnswerId,
  booleanAnswerIds,
  durationBounds,
  type IntakeAnswerId,
  type IntakeAnswers,
  IntakeAnswersSchema,
  type IntakeQuestion,
  type IntakeTopic,
  intakeAnswerIds,
  intakeQuestions,
  type NumericAnswerId,
  numericAnswerIds,
  parseIntakeAnswers,
  unknownIntakeField,
} from "./intake";
export { type IntakeQuestionWords, intakeQuestionsEs, patientAdviceEs } from "./intake-es";
export { type CareRoute, type CareRouteId, careRouteFor, careRoutes, routeCare } from "./routing";
export { type TriageRule, type Trigger, type TriggerTerm, triageRules, triageRulesVersion } from "./rules";
export {
  type ClinicianAction,
  clinicianActions,
  higherTier,
  type PatientAdvice,
  patientAdvice,
  type TriageTier,
  tierRank,
  triageTiers,
} from "./tiers";
