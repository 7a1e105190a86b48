/**
 * The options in the patient's language. The Spanish texts (options-*-es.ts) hold only what the
 * patient reads; `localizedOption` lays them over the English option, so ids, groups, counts,
 * certainty, speed, cost bands and sources have one source and cannot differ between languages.
 * Lists and tables are matched by position; a test checks that every option, list item, table and
 * row has its Spanish twin, with the same numbers in each text (options-es.test.ts).
 */
import { decisionOptions, findOption } from "./catalogue";
import { cellOptionsEs } from "./options-cell-es";
import { conservativeOptionsEs } from "./options-conservative-es";
import { procedureOptionsEs } from "./options-procedures-es";
import type {
  AverageComparison,
  AverageComparisonWords,
  ContentLanguage,
  DecisionOption,
  DecisionOptionWords,
  OutOf100,
  OutOf100Words,
} from "./types";

export const decisionOptionsEs: Readonly<Record<string, DecisionOptionWords>> = {
  ...conservativeOptionsEs,
  ...procedureOptionsEs,
  ...cellOptionsEs,
};

const average = (a: AverageComparison, words: AverageComparisonWords | undefined): AverageComparison =>
  words
    ? {
        ...a,
        peopleLike: words.peopleLike,
        timeFrame: words.timeFrame,
        measure: words.measure,
        rows: a.rows.map((r, i) => ({ ...r, label: words.rows[i] ?? r.label })),
        summary: words.summary,
        note: words.note,
      }
    : a;

const table = (t: OutOf100, words: OutOf100Words | undefined): OutOf100 =>
  words
    ? {
        ...t,
        peopleLike: words.peopleLike,
        timeFrame: words.timeFrame,
        outcome: words.outcome,
        rows: t.rows.map((r, i) => ({ ...r, label: words.rows[i] ?? r.label })),
        note: words.note,
      }
    : t;

/** `option` with its patient text in `lang` (English is the original). */
export function localizedOption(option: DecisionOption, lang: ContentLanguage): DecisionOption {
  const es = lang === "es" ? decisionOptionsEs[option.id] : undefined;
  if (!es) return option;
  return {
    ...option,
    name: es.name,
    ...(option.suitableFor !== undefined ? { suitableFor: es.suitableFor ?? option.suitableFor } : {}),
    whatItIs: es.whatItIs,
    whatItIsLike: es.whatItIsLike,
    benefits: option.benefits.map((b, i) => es.benefits[i] ?? b),
    harms: option.harms.map((h, i) => es.harms[i] ?? h),
    outOf100: option.outOf100.map((t, i) => table(t, es.outOf100[i])),
    ...(option.noNumbers !== undefined ? { noNumbers: es.noNumbers ?? option.noNumbers } : {}),
    averages: option.averages.map((a, i) => average(a, es.averages[i])),
    otherNumbers: option.otherNumbers.map((n, i) => ({ ...n, text: es.otherNumbers[i] ?? n.text })),
    ...(option.shamResponse ? { shamResponse: table(option.shamResponse, es.shamResponse) } : {}),
    certaintyNote: es.certaintyNote,
    timeToEffect: es.timeToEffect,
    visits: { ...option.visits, text: es.visits },
    cost: { ...option.cost, text: es.cost },
    regulatoryStatus: es.regulatoryStatus,
  };
}

/** Every option in `lang`, in the catalogue's one order. */
export function localizedOptions(lang: ContentLanguage): readonly DecisionOption[] {
  return lang === "en" ? decisionOptions : decisionOptions.map((o) => localizedOption(o, lang));
}

export function findLocalizedOption(id: string, lang: ContentLanguage): DecisionOption | undefined {
  const o = findOption(id);
  return o && localizedOption(o, lang);
}
