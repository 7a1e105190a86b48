/**
 * Decision-aid content: a versioned catalogue of options in one template with their numbers and
 * sources, values clarification, and the link from options to the registry's treatment kinds.
 */
export { decisionAidContent, decisionOptionIds, decisionOptions, findOption } from "./catalogue";
export {
  AGE_WINDOW,
  type BaselineProfile,
  type ComparableFigure,
  type ComparableResult,
  type Comparison,
  type CriterionId,
  comparableCriteria,
  comparablePatients,
  criterionIds,
  durationBand,
  durationBands,
  ODI_WINDOW,
  type RegistryCase,
  type StartBackGroup,
  wideningOrder,
} from "./comparable";
export { shamResponseLevi2025 } from "./options-cell";
export {
  type DecisionSummary,
  decisionSummary,
  fittingOptions,
  frequencySentence,
  importantValues,
} from "./summary";
export { type OptionTreatmentLink, optionsForTreatmentKind, treatmentKindForOption } from "./treatment-kinds";
export {
  type CostBand,
  type DecisionOption,
  type GradeCertainty,
  type OptionGroup,
  type OutOf100,
  optionGroups,
  type Speed,
} from "./types";
export {
  type ValueDefinition,
  type ValueId,
  valueScale,
  valuesClarification,
  valuesServedBy,
  valuesVersion,
} from "./values";
