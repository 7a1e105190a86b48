/**
 * The one-page summary of a decision, as data: the patient's values in words, the option they
 * lean toward with its key facts, and the options whose own fields fit every value they rated
 * "a lot" or more (lined up, never ranked). The portal page and the PDF both print this, so the
 * two cannot say different things; in English or Spanish, the same decision gives the same
 * choice, the same fitting options and the same numbers.
 */
import { decisionOptions } from "./catalogue";
import { aidContent, localizedValues } from "./content-es";
import { glanceSentences } from "./figures";
import { findLocalizedOption, localizedOption } from "./options-es";
import type { ContentLanguage, DecisionOption } from "./types";
import { type ValueId, valuesClarification, valuesServedBy } from "./values";

/** Ratings at or above this ("A lot") count as what matters most. */
export const IMPORTANT_FROM = 3;

export function importantValues(values: Readonly<Record<string, number>>): ValueId[] {
  return valuesClarification.values.filter((v) => (values[v.id] ?? 0) >= IMPORTANT_FROM).map((v) => v.id);
}

/** Options whose own fields fit every important value; none when nothing was rated important. */
export function fittingOptions(values: Readonly<Record<string, number>>): DecisionOption[] {
  const important = importantValues(values);
  if (important.length === 0) return [];
  return decisionOptions.filter((o) => {
    const served = valuesServedBy(o);
    return important.every((id) => served.includes(id));
  });
}

/**
 * The option's glance figure as the summary prints it: both groups, each framed both ways with its
 * size and range, or why there is no fair figure (figures.ts). Pass the option in the language
 * wanted (options-es.ts `localizedOption`); the sentences follow it.
 */
export function frequencySentence(o: DecisionOption, lang: ContentLanguage = "en"): string {
  return glanceSentences(o, lang);
}

/** The summary's own words (headings of the page and the PDF), in each language. */
export const summaryWords = {
  en: {
    title: "My back pain choices: summary",
    myValues: "What matters to me",
    myLeaning: "The choice I am leaning toward",
    unsure: "I am not sure yet",
    certainty: "How sure are the experts?",
    timeToEffect: "Time to work",
    cost: "Cost",
    status: "Approval status",
    fits: "Choices that fit what matters most to you",
    fitsNote: "This only lines up the facts with your answers. It does not rank the choices.",
    noneFits: "None fits all of them.",
    myQuestions: "My questions",
    versions: (date: string, content: string, values: string) =>
      `Saved ${date} · guide version ${content} · values version ${values}`,
  },
  es: {
    title: "Mis opciones para el dolor de espalda: resumen",
    myValues: "Lo que me importa",
    myLeaning: "La opción que prefiero por ahora",
    unsure: "Aún no lo sé",
    certainty: "¿Qué tan seguros están los expertos?",
    timeToEffect: "Cuándo hace efecto",
    cost: "Precio",
    status: "Aprobación",
    fits: "Opciones que encajan con lo que más le importa",
    fitsNote: "Esto solo pone los datos al lado de sus respuestas. No ordena las opciones de mejor a peor.",
    noneFits: "Ninguna encaja con todas.",
    myQuestions: "Mis preguntas",
    versions: (date: string, content: string, values: string) =>
      `Guardado el ${date} · versión de la guía ${content} · versión de las preguntas ${values}`,
  },
} as const satisfies Record<ContentLanguage, Record<string, string | ((...a: string[]) => string)>>;

export type DecisionSummary = {
  lang: ContentLanguage;
  title: string;
  headings: {
    myValues: string;
    myLeaning: string;
    certainty: string;
    timeToEffect: string;
    cost: string;
    status: string;
    fits: string;
    fitsNote: string;
    myQuestions: string;
  };
  values: { statement: string; rating: string }[];
  /** The option's name, or "I am not sure yet". */
  leaning: string;
  choice: {
    name: string;
    certaintyNote: string;
    frequencies: string;
    timeToEffect: string;
    cost: string;
    status: string;
  } | null;
  fitting: string[];
  questions: string | null;
  versions: string;
  funding: string;
};

/** The summary of a saved decision in `lang` (the language it is shown in, not a stored one). */
export function decisionSummary(
  d: {
    values: Readonly<Record<string, number>>;
    choice: string;
    questions: string | null;
    contentVersion: string;
    valuesVersion: string;
    decidedAt: string;
  },
  lang: ContentLanguage = "en",
): DecisionSummary {
  const w = summaryWords[lang];
  const values = localizedValues(lang);
  const o = findLocalizedOption(d.choice, lang);
  return {
    lang,
    title: w.title,
    headings: {
      myValues: w.myValues,
      myLeaning: w.myLeaning,
      certainty: w.certainty,
      timeToEffect: w.timeToEffect,
      cost: w.cost,
      status: w.status,
      fits: w.fits,
      fitsNote: w.fitsNote,
      myQuestions: w.myQuestions,
    },
    values: values.values.map((v) => ({
      statement: v.statement,
      rating: values.scale.labels[d.values[v.id] ?? 0] ?? "",
    })),
    leaning: o ? o.name : w.unsure,
    choice: o
      ? {
          name: o.name,
          certaintyNote: o.certaintyNote,
          frequencies: frequencySentence(o, lang),
          timeToEffect: o.timeToEffect,
          cost: o.cost.text,
          status: o.regulatoryStatus,
        }
      : null,
    fitting: fittingOptions(d.values).map((x) => localizedOption(x, lang).name),
    questions: d.questions,
    versions: w.versions(d.decidedAt.slice(0, 10), d.contentVersion, d.valuesVersion),
    funding: aidContent(lang).funding,
  };
}
