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
  assertSignable,
  assessCandidacy,
  type CandidacyOutcome,
  type CandidacyResult,
  type CriterionResult,
  candidacyOutcomes,
  evaluateCandidacy,
} from "./evaluate";
export {
  CANDIDACY_CURRENT_DAYS,
  candidacyGate,
  correctionRunsGate,
  type GateRefusal,
  type GateVerdict,
  type SignOffFacts,
} from "./gate";
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
