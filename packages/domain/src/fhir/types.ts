/**
 * The FHIR R4 types Evident emits come from `@medplum/fhirtypes` (types only: nothing of it runs,
 * so the domain stays free of runtime dependencies). Generated from the R4 (4.0.1) definitions,
 * they carry every element and every required-binding code, so a mapper that fills an element
 * wrongly fails to compile instead of failing a validator. Only the names the mappers use are
 * re-exported here.
 */
import type {
  AdverseEvent,
  Condition,
  Consent,
  Group,
  Observation,
  Patient,
  Procedure,
  Questionnaire,
  QuestionnaireResponse,
} from "@medplum/fhirtypes";

export type {
  AdverseEvent,
  Bundle,
  BundleEntry,
  BundleLink,
  CapabilityStatement,
  CodeableConcept,
  Coding,
  Condition,
  Consent,
  Extension,
  Group,
  Identifier,
  Meta,
  Observation,
  ObservationComponent,
  OperationOutcome,
  OperationOutcomeIssue,
  Patient,
  Procedure,
  Quantity,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from "@medplum/fhirtypes";

/** Every resource type the API serves. */
export type FhirResource =
  | Patient
  | Condition
  | Consent
  | Procedure
  | Questionnaire
  | QuestionnaireResponse
  | Observation
  | AdverseEvent
  | Group;
