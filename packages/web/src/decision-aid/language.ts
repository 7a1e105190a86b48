/**
 * The decision aid in the portal's language: the screens' words and every piece of domain content
 * (options, framing texts, values questions), English or Spanish. Outside the portal (the clinic's
 * decision-aid page) there is no language switch, so the aid stays English there.
 */
import {
  type AidContent,
  aidContent,
  type ContentLanguage,
  type CostBand,
  type CriterionId,
  type DecisionOption,
  findLocalizedOption,
  type GradeCertainty,
  type LocalizedValues,
  localizedOptions,
  localizedValues,
  type OptionGroup,
  type Speed,
} from "@evident/domain/evidence";
import { useLocalized } from "../portal/language";
import {
  type AidPhrases,
  type AidWords,
  aidPhrases,
  aidWords,
  certaintyLabels,
  costLabels,
  criterionNames,
  groupLabels,
  speedLabels,
} from "./words";
import {
  aidPhrasesEs,
  aidWordsEs,
  certaintyLabelsEs,
  costLabelsEs,
  criterionNamesEs,
  groupLabelsEs,
  speedLabelsEs,
} from "./words-es";

export type AidLanguage = {
  lang: ContentLanguage;
  w: AidWords;
  p: AidPhrases;
  groupLabels: Record<OptionGroup, string>;
  certaintyLabels: Record<GradeCertainty, string>;
  speedLabels: Record<Speed, string>;
  costLabels: Record<CostBand, string>;
  criterionNames: Record<CriterionId, string>;
  content: AidContent;
  options: readonly DecisionOption[];
  values: LocalizedValues;
  option: (id: string) => DecisionOption | undefined;
};

const bundle = (lang: ContentLanguage): AidLanguage => {
  const es = lang === "es";
  return {
    lang,
    w: es ? aidWordsEs : aidWords,
    p: es ? aidPhrasesEs : aidPhrases,
    groupLabels: es ? groupLabelsEs : groupLabels,
    certaintyLabels: es ? certaintyLabelsEs : certaintyLabels,
    speedLabels: es ? speedLabelsEs : speedLabels,
    costLabels: es ? costLabelsEs : costLabels,
    criterionNames: es ? criterionNamesEs : criterionNames,
    content: aidContent(lang),
    options: localizedOptions(lang),
    values: localizedValues(lang),
    option: (id) => findLocalizedOption(id, lang),
  };
};

const bundles: Record<ContentLanguage, AidLanguage> = { en: bundle("en"), es: bundle("es") };

export function useAidLanguage(): AidLanguage {
  return useLocalized(bundles);
}
