/**
 * The words of the portal's care pages after treatment — the pain diary and "report a problem" —
 * in English and Spanish, key for key (the Spanish object's type is the English one's). Reading
 * grade ≤ 8 in English and INFLESZ ≥ 55 in Spanish (care-copy.test.ts). The advice shown after a
 * problem report and the symptoms' names are domain content (adverse-events/patient-report.ts).
 */
import type { OpioidId } from "@evident/domain/diary/mme";
import { useLocalized } from "./language";

export const careCopy = {
  backHome: "← Back to your page",
  backHomeButton: "Back to your page",
  // Pain diary
  diaryTitle: "Pain diary",
  diaryIntro: "A minute a day. Your clinic sees your diary beside your questionnaires.",
  diaryNotSaved: "Your diary was not saved",
  saved: "Saved",
  savedMessage: (mme: number) => `Your diary for today is saved${mme > 0 ? ` (opioids: ${mme} MME)` : ""}.`,
  backPainToday: "Back pain today",
  legPainToday: "Leg pain today",
  noPain: "No pain",
  worstPain: "Worst pain imaginable",
  chooseBack: "Choose a number for your back pain.",
  chooseLeg: "Choose a number for your leg pain.",
  note: "Note",
  noteHint: "If you like, add a note about your day.",
  medicinesToday: "Medicines taken today",
  noneAdded: "None added.",
  choose: "Choose…",
  otherMedicine: "Some other drug (not an opioid)",
  medicine: (i: number) => `Medicine ${i}`,
  removeMedicine: (i: number) => `Remove medicine ${i}`,
  name: "Name",
  patch: "Patch (mcg/hr)",
  doseMg: "Dose (mg)",
  timesToday: "Times today",
  mmeLine: (mme: number) => `= ${mme} MME: the dose as if it were morphine`,
  addMedicine: "Add a medicine",
  saveDiary: "Save today's diary",
  updateDiary: "Update today's diary",
  trendTitle: "Your trend",
  trendEmpty: "Your trend appears here after two days of entries.",
  trendLabel: (n: number, summary: string) => `Your pain over the last ${n} entries. ${summary}.`,
  trendDay: (date: string, back: number, leg: number) => `${date}: back ${back}, leg ${leg}`,
  backPain: "Back pain",
  legPain: "Leg pain",
  entries: "Diary entries",
  day: "Day",
  back: "Back",
  leg: "Leg",
  opioidsMme: "Opioids (MME)",
  mmeExplained:
    "MME adds up your opioid doses as if they were all morphine. It lets you follow your total over time. " +
    "It is a rough guide, not a dose to switch drugs by. Ask your clinician before you change any medicine.",
  factors: "Factors:",
  remindMe: "Remind me by e-mail each evening if I have not written my diary",
  yourDiary: "your diary",
  // Report a problem
  problemTitle: "Report a problem",
  problemIntro: (emergencyNumber: string) =>
    `Tell the clinic about a problem you have had since your care. If it is an emergency, call ${emergencyNumber} now.`,
  problemNotSent: "Your report was not sent",
  whatIsWrong: "What is wrong?",
  tickAll: "Tick each one you have",
  tickOne: "Tick at least one problem.",
  sinceWhen: "Since when?",
  anythingElse: "Anything else?",
  anythingElseHint: "Optional: your temperature, where it hurts, what you have tried",
  sendToClinic: "Send to the clinic",
  adviceCertainty: (certainty: string) => `How sure we are: ${certainty}. This is advice, not a diagnosis.`,
  expertJudgement: "what doctors think, not a study",
} as const;

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type CareCopy = { readonly [K in keyof typeof careCopy]: Widen<(typeof careCopy)[K]> };

export const careCopyEs: CareCopy = {
  backHome: "← Volver a su página",
  backHomeButton: "Volver a su página",
  diaryTitle: "Diario del dolor",
  diaryIntro: "Un minuto al día. Su clínica ve su diario junto a sus cuestionarios.",
  diaryNotSaved: "No se guardó su diario",
  saved: "Guardado",
  savedMessage: (mme: number) =>
    mme > 0 ? `Su diario de hoy está guardado. Opioides hoy: ${mme} MME.` : "Su diario de hoy está guardado.",
  backPainToday: "Dolor de espalda hoy",
  legPainToday: "Dolor de pierna hoy",
  noPain: "Sin dolor",
  worstPain: "El peor dolor que se pueda imaginar",
  chooseBack: "Elija un número para el dolor de espalda.",
  chooseLeg: "Elija un número para el dolor de pierna.",
  note: "Nota",
  noteHint: "Si quiere, escriba una nota sobre su día.",
  medicinesToday: "Medicinas de hoy",
  noneAdded: "No ha añadido ninguna.",
  choose: "Elija…",
  otherMedicine: "Otra medicina (no un opioide)",
  medicine: (i: number) => `Medicina ${i}`,
  removeMedicine: (i: number) => `Quitar la medicina ${i}`,
  name: "Nombre",
  patch: "Parche (mcg/h)",
  doseMg: "Dosis (mg)",
  timesToday: "Veces hoy",
  mmeLine: (mme: number) => `= ${mme} MME: la dosis como si fuera morfina`,
  addMedicine: "Añadir una medicina",
  saveDiary: "Guardar el diario de hoy",
  updateDiary: "Cambiar el diario de hoy",
  trendTitle: "Cómo va su dolor",
  trendEmpty: "Aquí verá cómo va su dolor cuando lleve dos días de diario.",
  trendLabel: (n: number, summary: string) => `Su dolor en los últimos ${n} días de diario. ${summary}.`,
  trendDay: (date: string, back: number, leg: number) => `${date}: espalda ${back}, pierna ${leg}`,
  backPain: "Dolor de espalda",
  legPain: "Dolor de pierna",
  entries: "Días del diario",
  day: "Día",
  back: "Espalda",
  leg: "Pierna",
  opioidsMme: "Opioides (MME)",
  mmeExplained:
    "Los MME suman los opioides como si todos fueran morfina, para que vea su total con el tiempo. " +
    "Es solo una guía, no sirve para cambiar de medicina. Hable con su médico antes de cambiar una medicina.",
  factors: "Factores:",
  remindMe: "Mándeme un correo cada tarde si no he llenado mi diario",
  yourDiary: "su diario",
  problemTitle: "Avisar de un problema",
  problemIntro: (emergencyNumber: string) =>
    `Cuente a la clínica un problema que tenga desde su tratamiento. Si es una urgencia, llame al ${emergencyNumber} ya.`,
  problemNotSent: "No se envió su aviso",
  whatIsWrong: "¿Qué le pasa?",
  tickAll: "Marque todo lo que tenga",
  tickOne: "Marque al menos un problema.",
  sinceWhen: "¿Desde cuándo?",
  anythingElse: "¿Algo más?",
  anythingElseHint: "Si quiere: su temperatura, dónde le duele, qué ha probado",
  sendToClinic: "Enviar a la clínica",
  adviceCertainty: (certainty: string) => `Certeza: ${certainty}. Es un consejo, no un diagnóstico.`,
  expertJudgement: "la opinión de los médicos, no un estudio",
};

/** Opioid names in Spanish (the English ones are the table's own labels). */
export const opioidNamesEs: Record<OpioidId, string> = {
  codeine: "Codeína",
  dihydrocodeine: "Dihidrocodeína",
  fentanyl_patch: "Parche de fentanilo",
  hydrocodone: "Hidrocodona",
  hydromorphone: "Hidromorfona",
  methadone: "Metadona",
  morphine: "Morfina",
  oxycodone: "Oxicodona",
  oxymorphone: "Oximorfona",
  tapentadol: "Tapentadol",
  tramadol: "Tramadol",
};

export function useCareCopy(): CareCopy {
  return useLocalized({ en: careCopy, es: careCopyEs });
}
