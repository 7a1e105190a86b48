/**
 * FHIR R4 mappers for the instrument library: each instrument as a Questionnaire, a stored
 * response as a QuestionnaireResponse (and back), and its scores as Observations; plus the
 * conformance checks the Medplum validator leaves out. Pure: resources in, resources out.
 */

export * from "./bulk";
export { operationOutcome, type PageLinks, searchBundle } from "./bundle";
export { capabilityStatement } from "./capability";
export { fhirBase, fhirId, localSystems, questionnaireUrl } from "./codes";
export { checkResource } from "./conformance";
export { type ConsentRecord, consentExtensions, toFhirConsent } from "./consents";
export { groupIdOf, groupIds, groupKind, toFhirGroup } from "./groups";
export { instrumentsForCodes, matchesCode, type ObservationContext, toObservations } from "./observations";
export { toQuestionnaire } from "./questionnaire";
export {
  fromQuestionnaireResponse,
  type StoredResponse,
  toQuestionnaireResponse,
} from "./questionnaire-response";
export * from "./records";
export * from "./search";
export { grantScopes, scopeAllows, supportedScopes } from "./smart-scopes";
export type * from "./types";
