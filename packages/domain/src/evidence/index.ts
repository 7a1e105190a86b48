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
  preferredTimepoints,
  type RegistryCase,
  type StartBackGroup,
  scoreAt,
  wideningOrder,
} from "./comparable";
export { comparableCriteriaEs, criterionWords } from "./comparable-es";
export { bandStart, type CaseTally, comparableFromTallies, tallyCases } from "./comparable-tallies";
export {
  type AidContent,
  aidContent,
  decisionAidContentEs,
  type LocalizedValues,
  localizedValues,
  valuesClarificationEs,
} from "./content-es";
export {
  type CountRange,
  figureWords,
  type GlanceFigure,
  glanceFigure,
  glanceSentences,
  isFairComparison,
  rangeNote,
  rowDetail,
  rowRange,
  rowSentence,
} from "./figures";
export { shamResponseLevi2025 } from "./options-cell";
export { shamResponseLevi2025Es } from "./options-cell-es";
export { decisionOptionsEs, findLocalizedOption, localizedOption, localizedOptions } from "./options-es";
export {
  type DecisionSummary,
  decisionSummary,
  fittingOptions,
  frequencySentence,
  importantValues,
  summaryWords,
} from "./summary";
export { type OptionTreatmentLink, optionsForTreatmentKind, treatmentKindForOption } from "./treatment-kinds";
export {
  type AverageComparison,
  type AverageComparisonWords,
  type ContentLanguage,
  type CostBand,
  contentLanguages,
  type DecisionOption,
  type DecisionOptionWords,
  type GradeCertainty,
  type GuidelineStance,
  guidelineStances,
  type NoComparisonReason,
  type NoRatingReason,
  noComparisonReasons,
  noRatingReasons,
  type OptionGroup,
  type OutOf100,
  type OutOf100Row,
  type OutOf100Words,
  optionGroups,
  type Speed,
  type StudyDesign,
  studyDesigns,
} from "./types";
export { type TypicalCourse, type TypicalPoint, typicalCourse } from "./typical-course";
export {
  isWellTested,
  type ValueDefinition,
  type ValueId,
  valueScale,
  valuesClarification,
  valuesServedBy,
  valuesVersion,
} from "./values";
