/**
 * The words of the portal's recovery timeline in English and Spanish, key for key (the Spanish
 * object's type is the English one's). Reading grade ≤ 8 in English and INFLESZ ≥ 55 in Spanish
 * (recovery-copy.test.ts). The phases themselves are domain content (pathway/recovery.ts and
 * recovery-es.ts); the sources they cite stay in the language they were published in.
 */
import { useLocalized } from "./language";

export const recoveryCopy = {
  title: "Your recovery",
  backHome: "← Back to your page",
  treatedOn: (treatment: string, date: string) => `${treatment} on ${date}`,
  dayN: (day: number) => `day ${day}`,
  noTreatment: "No treatment is recorded yet. Your timeline starts on the day of your treatment.",
  dueNow: "Due now",
  questionnaireFor: (when: string) => `${when} questionnaire`,
  whatToExpect: "What to expect",
  youAreHere: "You are here",
  callIf: "When to call",
  noPhases: "Ask your clinic what to expect after this treatment, and when to call them.",
  certainty: {
    guideline: "Based on guidelines",
    "trial evidence": "Based on trials",
    "expert opinion": "Based on expert opinion",
    "clinical experience": "Based on clinical experience, not a study",
  } as Record<string, string>,
  sources: "Sources:",
  courseTitle: "Your back pain and the typical course",
  courseEmpty: "Your back pain scores appear here once you answer your questionnaires.",
  you: "You",
  typical: "Typical (middle value)",
  noAnswer: "no answer",
  notEnoughData: "not enough data",
  chartLabel: (summary: string) => `Back pain, 0 to 10. ${summary}.`,
  chartPoint: (when: string, you: string, typical: string) => `${when}: you ${you}, typical ${typical}`,
  typicalWho: (treated: number) =>
    `“Typical” is the middle value of ${treated} people like you who had the same treatment here. We show a time only when at least 30 of them answered.`,
  typicalLikeYou: "Like you, before their treatment they had:",
  typicalWidened: (names: string) => `To find 30 people, we did not match on: ${names}.`,
  typicalNotEnough:
    "There are not yet enough people like you here to show a typical course. We show it once at least 30 of them have answered.",
  typicalNoScore:
    "We cannot find people like you yet. For that we need your answers about daily life from before your treatment.",
  typicalCaution:
    "It is not a forecast for you. Back pain often changes on its own, so a change over time does not show that a treatment caused it.",
  tableCaption: "Back pain (0 to 10) of people like you",
  whenHeader: "When",
  middleHeader: "Middle value",
  rangeHeader: "Likely between",
  answeredHeader: "Answered",
  answeredOf: (n: number, due: number) => `${n} of ${due} (${Math.round((100 * n) / due)}%)`,
  likelyRange: (low: string, high: string) => (low === high ? low : `${low} to ${high}`),
  reportProblem: "Report a problem",
  yourRecovery: "your recovery",
  progressReport: "Your progress report (PDF), to print or take to your visit",
};

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T;
export type RecoveryCopy = { readonly [K in keyof typeof recoveryCopy]: Widen<(typeof recoveryCopy)[K]> };

export const recoveryCopyEs: RecoveryCopy = {
  title: "Su recuperación",
  backHome: "← Volver a su página",
  treatedOn: (treatment: string, date: string) => `${treatment} el ${date}`,
  dayN: (day: number) => `día ${day}`,
  noTreatment: "Aún no consta ningún tratamiento. Su plan empieza el día de su tratamiento.",
  dueNow: "Para hacer ahora",
  questionnaireFor: (when: string) => `Cuestionario: ${when}`,
  whatToExpect: "Qué esperar",
  youAreHere: "Usted está aquí",
  callIf: "Cuándo llamar",
  noPhases: "Pregunte a su clínica qué esperar tras este tratamiento, y cuándo debe llamar.",
  certainty: {
    guideline: "Según las guías médicas",
    "trial evidence": "Según estudios",
    "expert opinion": "Según la opinión de expertos",
    "clinical experience": "Según la experiencia de los médicos, no un estudio",
  },
  sources: "Fuentes:",
  courseTitle: "Su dolor de espalda y el curso típico",
  courseEmpty: "Aquí verá su dolor de espalda cuando conteste sus cuestionarios.",
  you: "Usted",
  typical: "Típico (valor del medio)",
  noAnswer: "sin respuesta",
  notEnoughData: "faltan datos",
  chartLabel: (summary: string) => `Dolor de espalda, de 0 a 10. ${summary}.`,
  chartPoint: (when: string, you: string, typical: string) => `${when}: usted ${you}, típico ${typical}`,
  typicalWho: (treated: number) =>
    `“Típico” es el valor del medio de ${treated} personas como usted que tuvieron el mismo tratamiento aquí. Solo mostramos un momento si al menos 30 de ellas contestaron.`,
  typicalLikeYou: "Como usted, antes del tratamiento tenían:",
  typicalWidened: (names: string) => `Para llegar a 30 personas, no tuvimos en cuenta: ${names}.`,
  typicalNotEnough:
    "Aún no hay bastantes personas como usted aquí para mostrar un curso típico. Lo mostraremos cuando al menos 30 de ellas hayan contestado.",
  typicalNoScore:
    "Aún no podemos buscar personas como usted. Para eso nos faltan sus respuestas sobre la vida diaria de antes del tratamiento.",
  typicalCaution:
    "No es lo que le va a pasar a usted. El dolor de espalda cambia a menudo solo, así que un cambio con el tiempo no dice que lo causara el tratamiento.",
  tableCaption: "Dolor de espalda (de 0 a 10) de personas como usted",
  whenHeader: "Cuándo",
  middleHeader: "Valor del medio",
  rangeHeader: "Lo más probable",
  answeredHeader: "Contestaron",
  answeredOf: (n: number, due: number) => `${n} de ${due} (${Math.round((100 * n) / due)}\u00a0%)`,
  likelyRange: (low: string, high: string) => (low === high ? low : `de ${low} a ${high}`),
  reportProblem: "Avisar de un problema",
  yourRecovery: "su recuperación",
  progressReport: "Su informe de evolución (PDF), para imprimir o llevar a la cita",
};

/** Treatment names in Spanish: domain content (catalogue/treatments-es.ts), shared with the printed progress report. */
export { treatmentNamesEs } from "@evident/domain";

export function useRecoveryCopy(): RecoveryCopy {
  return useLocalized({ en: recoveryCopy, es: recoveryCopyEs });
}
