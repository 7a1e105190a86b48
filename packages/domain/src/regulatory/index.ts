/**
 * Likely US regulatory pathway of a proposed cell or tissue product, with reasons and citations,
 * for record keeping and consent (not legal advice).
 */
export {
  assessProduct,
  classifyProduct,
  NOT_APPROVED,
  NOT_LEGAL_ADVICE,
  type PathwayCertainty,
  pathwayLabels,
  type Reason,
  type RegulatoryAssessment,
  type RegulatoryPathway,
  regulatoryPathways,
  regulatoryRulesVersion,
  type TriState,
} from "./classify";
export {
  type Additive,
  additives,
  type IntendedFunction,
  intendedFunctions,
  type Origin,
  origins,
  type ProcessingStep,
  type ProposedProduct,
  ProposedProductSchema,
  parseProposedProduct,
  processingSteps,
  type Target,
  type Tissue,
  targets,
  tissues,
  unknownProductField,
} from "./product";
export { clinicianSummary, consentParagraph, consentParagraphs } from "./text";
