/**
 * Candidacy for a regenerative disc procedure: a versioned checklist from the trial criteria,
 * every criterion shown met, unmet or unknown with its source.
 */
export {
  type CandidacyCriterion,
  type CriterionStatus,
  candidacyCriteria,
  candidacyCriteriaVersion,
  candidacyThresholds,
} from "./criteria";
export {
  assessCandidacy,
  type CandidacyOutcome,
  type CandidacyResult,
  type CriterionResult,
  candidacyOutcomes,
  evaluateCandidacy,
} from "./evaluate";
export {
  type CandidacyInput,
  CandidacyInputSchema,
  type ContraindicationId,
  contraindicationIds,
  type LegPainKind,
  legPainKinds,
  parseCandidacyInput,
  unknownCandidacyField,
} from "./input";
