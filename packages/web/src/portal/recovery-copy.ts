/**
 * The words of the portal's recovery timeline in English and Spanish, key for key (the Spanish
 * object's type is the English one's). Reading grade ≤ 8 in English and INFLESZ ≥ 55 in Spanish
 * (recovery-copy.test.ts). The phases themselves are domain content (pathway/recovery.ts and
 * recovery-es.ts); the sources they cite stay in the language they were published in.
 */
import type { TreatmentKind } from "@evident/domain";
import { useLanguage } from "./language";

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
  typicalNote: (n: number) =>
    `“Typical” is the middle value of ${n > 0 ? `up to ${n}` : "other"} registry patients who had the same treatment, shown only where at least 5 answered. It is not a forecast for you. Back pain often changes on its own, so a change over time does not show that a treatment caused it.`,
  reportProblem: "Report a problem",
  yourRecovery: "your recovery",
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
  typicalNote: (n: number) =>
    `“Típico” es el valor del medio de ${n > 0 ? `hasta ${n}` : "otros"} pacientes del registro que tuvieron el mismo tratamiento. Solo se muestra si al menos 5 contestaron. No es lo que le va a pasar a usted. El dolor de espalda cambia a menudo solo, así que un cambio con el tiempo no dice que lo causara el tratamiento.`,
  reportProblem: "Avisar de un problema",
  yourRecovery: "su recuperación",
};

/** Treatment names in Spanish (the English ones are the catalogue's labels). */
export const treatmentNamesEs: Record<TreatmentKind, string> = {
  exercise_physiotherapy: "Ejercicio / fisioterapia",
  medication: "Medicinas",
  epidural_steroid_injection: "Inyección epidural de corticoides",
  bone_marrow_concentrate: "Inyección de concentrado de médula ósea",
  adipose_derived_cells: "Inyección de células de grasa",
  discectomy: "Discectomía",
  fusion: "Fusión de columna",
  other: "Otro tratamiento",
  advice_self_management: "Consejos y autocuidado",
  pilates_yoga: "Pilates o yoga",
  psychological_programme: "Programa psicológico (p. ej., terapia cognitivo-conductual)",
  spinal_manipulation: "Manipulación de la columna",
  massage: "Masaje",
  acupuncture: "Acupuntura",
  heat_therapy: "Tratamiento con calor",
  radiofrequency_denervation: "Tratamiento con calor de los nervios (radiofrecuencia)",
  platelet_rich_plasma: "Inyección de plasma rico en plaquetas (PRP)",
  cultured_or_donor_cells: "Inyección de células de cultivo o de donante",
};

export function useRecoveryCopy(): RecoveryCopy {
  return useLanguage().lang === "es" ? recoveryCopyEs : recoveryCopy;
}
