/**
 * Words of the values step and the one-page summary, in English and Spanish, key for key (the
 * Spanish object's type is the English one's). Reading grade ≤ 8 in English and INFLESZ ≥ 55 in
 * Spanish (copy.test.ts). The summary's headings shared with the PDF are the domain's
 * (evidence/summary.ts `summaryWords`), so the page and the PDF say the same.
 */
import { summaryWords } from "@evident/domain/evidence";
import { useLocalized } from "../language";

export const choiceCopy = {
  valuesTitle: "What matters to you",
  valuesIntro: "There is no right answer. Your answers help you and your clinician talk about what fits you.",
  leaningTitle: "Which choice are you leaning toward?",
  leaningHelp: "You do not have to decide today. You can pick \u201cI am not sure yet\u201d.",
  unsure: summaryWords.en.unsure,
  choose: "Choose…",
  toAnswer: (n: number) => `${n} to answer`,
  questionsLabel: "Questions for your visit",
  questionsHelp: "Write down anything you want to ask. It will be on your summary.",
  save: "Save and see my summary",
  missing: "Please answer this.",
  summaryTitle: summaryWords.en.title,
  summaryIntro:
    "Bring this page to your visit. It shows what matters to you and the choice you are leaning toward.",
  noSummary: "You have not saved your choices yet.",
  toChoices: "Go to your choices",
  print: "Print",
  download: "Download PDF",
  myValues: summaryWords.en.myValues,
  myLeaning: summaryWords.en.myLeaning,
  fits: summaryWords.en.fits,
  fitsNote: summaryWords.en.fitsNote,
  noneFits: summaryWords.en.noneFits,
  myQuestions: summaryWords.en.myQuestions,
  keyFacts: "Key facts about this choice",
  changeAnswers: "Change my answers",
  timeToWork: summaryWords.en.timeToEffect,
  cost: summaryWords.en.cost,
  status: summaryWords.en.status,
} as const;

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type ChoiceCopy = { readonly [K in keyof typeof choiceCopy]: Widen<(typeof choiceCopy)[K]> };

export const choiceCopyEs: ChoiceCopy = {
  valuesTitle: "Lo que le importa",
  valuesIntro:
    "No hay respuestas buenas ni malas. Sus respuestas les ayudan, a usted y a su médico, a hablar de lo que le va mejor.",
  leaningTitle: "¿Qué opción prefiere por ahora?",
  leaningHelp: "No tiene que decidir hoy. Puede elegir \u201cAún no lo sé\u201d.",
  unsure: summaryWords.es.unsure,
  choose: "Elija…",
  toAnswer: (n: number) => (n === 1 ? "Falta 1 respuesta" : `Faltan ${n} respuestas`),
  questionsLabel: "Preguntas para su cita",
  questionsHelp: "Escriba lo que quiera preguntar. Saldrá en su resumen.",
  save: "Guardar y ver mi resumen",
  missing: "Responda esto, por favor.",
  summaryTitle: summaryWords.es.title,
  summaryIntro: "Traiga esta página a su cita. Muestra lo que le importa y la opción que prefiere por ahora.",
  noSummary: "Aún no ha guardado sus opciones.",
  toChoices: "Ir a sus opciones",
  print: "Imprimir",
  download: "Descargar PDF",
  myValues: summaryWords.es.myValues,
  myLeaning: summaryWords.es.myLeaning,
  fits: summaryWords.es.fits,
  fitsNote: summaryWords.es.fitsNote,
  noneFits: summaryWords.es.noneFits,
  myQuestions: summaryWords.es.myQuestions,
  keyFacts: "Datos clave de esta opción",
  changeAnswers: "Cambiar mis respuestas",
  timeToWork: summaryWords.es.timeToEffect,
  cost: summaryWords.es.cost,
  status: summaryWords.es.status,
};

export function useChoiceCopy(): ChoiceCopy {
  return useLocalized({ en: choiceCopy, es: choiceCopyEs });
}
