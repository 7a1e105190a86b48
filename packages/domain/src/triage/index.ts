/**
 * Safety-first intake: red-flag triage (rules as versioned data), the patient's and the clinic's
 * next step per tier, and STarT Back care routing for patients without red flags.
 */
export {
  describeTrigger,
  evaluateTriage,
  type FlagAnswer,
  fires,
  mentions,
  type TriageFlag,
  type TriageResult,
  taskDeadline,
  triageIntake,
} from "./evaluate";
export {
  ageBounds,
  type BooleanAnswerId,
  booleanAnswerIds,
  type CheckOptions,
  checkIntakeAnswers,
  durationBounds,
  type IntakeAnswerId,
  type IntakeAnswers,
  type IntakeAnswersInput,
  IntakeAnswersSchema,
  type IntakeQuestion,
  type IntakeTopic,
  intakeAnswerIds,
  intakeQuestions,
  missingYesNo,
  type NumericAnswerId,
  numericAnswerIds,
  parseIntakeAnswers,
  unknownIntakeField,
  unsure,
  type YesNoAnswer,
} from "./intake";
export { type IntakeQuestionWords, intakeQuestionsEs, patientAdviceEs } from "./intake-es";
export { type CareRoute, type CareRouteId, careRouteFor, careRoutes, routeCare } from "./routing";
export {
  SAME_DAY_HOURS,
  type TriageRule,
  type Trigger,
  type TriggerTerm,
  triageRules,
  triageRulesVersion,
  unsureFlagIds,
} from "./rules";
export {
  type AdviceKind,
  adviceKind,
  adviceKinds,
  type ClinicianAction,
  clinicianActions,
  higherTier,
  type PatientAdvice,
  patientAdvice,
  type TriageTier,
  tierRank,
  triageTiers,
} from "./tiers";
