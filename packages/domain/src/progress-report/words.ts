/**
 * The progress report's words in English and Spanish, key for key (the Spanish object's type is
 * the English one's). Names already kept elsewhere are reused: treatment names
 * (catalogue/treatments-es.ts), time points (pathway/schedule.ts, contacts-es.ts), dates
 * (dayInWords, dayInWordsEs), adverse-event kinds (adverse-events/rules.ts).
 */
import type { AeKind, AeOutcome } from "../adverse-events/rules";
import { aeKindLabels, aeOutcomeLabels } from "../adverse-events/rules";

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 1 ? 2 : 1));

export const progressWordsEn = {
  title: "Progress report",
  dated: (clinic: string, day: string) => `${clinic} - report of ${day}`,
  patient: (name: string, born: string) => `${name}, born ${born}`,
  limits:
    "What these numbers cannot show: whether a treatment caused a change (back pain often eases on its own, and there is no comparison group here), or what will happen to you next. Similar patients are this clinic's patients who chose the same treatment, not a trial.",
  scoresHeading: "Your scores over time",
  scoresNote:
    "Each chart shows your answers by date. The dashed line is the important change (MCID) from your score before treatment: the smallest change patients notice as meaningful.",
  lowerBetter: "lower is better",
  higherBetter: "higher is better",
  mcid: (points: string, relative: boolean, cited: string, certainty: string) =>
    `Important change (MCID): ${points} points${relative ? " or 30%" : ""} (${cited}; certainty: ${certainty}).`,
  noMcid: "No important-change threshold for this score in our sources: change only.",
  change: (before: string, after: string, when: string, reached: boolean) =>
    `From ${before} before treatment to ${after} at ${when}: ${reached ? "an important change" : "not (yet) an important change"}.`,
  onlyOne: "One answer so far: no change to show yet.",
  noBaseline: "No answer from before treatment: no change to show.",
  certainty: { verified: "verified", partly: "partly", recalled: "not checked" } as Record<string, string>,
  typicalHeading: "Your back pain and the typical course of similar patients",
  typicalWho: (treated: number) =>
    `${treated} patients of this clinic like you had the same treatment. Middle value (line) and middle half (band) of their back pain, 0 to 10; your answers are the dots.`,
  typicalColumns: ["Time", "You", "Typical (middle value)", "Middle half"],
  typicalNotEnough:
    "Fewer than 30 similar patients of this clinic have answered after this treatment, so no typical course is shown. It appears once at least 30 have.",
  typicalNoScore: "No Oswestry score from before the treatment: similar patients cannot be found.",
  typicalNone: "No treatment recorded yet.",
  diaryHeading: "Pain diary and opioid use",
  diaryNone: "No diary entries in the last 180 days.",
  diarySummary: (n: number, from: string, to: string) => `${n} diary days from ${from} to ${to}.`,
  diaryPain: "Back pain (line) and leg pain (dots), 0 to 10",
  mme: "Opioids, morphine milligram equivalents (MME) a day",
  mmeSummary: (latest: string, highest: string) => `Opioids: latest ${latest} MME a day; highest ${highest}.`,
  mmeNone: "No opioid recorded in the diary.",
  treatmentsHeading: "Treatments",
  treatmentsNone: "No treatment recorded.",
  investigational: "Investigational: not approved by the FDA for back pain.",
  adverseHeading: "Problems after treatment (adverse events)",
  adverseNone: "None recorded.",
  adverse: (day: string, kind: AeKind, grade: number, serious: boolean, outcome: string) =>
    `${day}: ${aeKindLabels[kind]}, grade ${grade} of 5, ${serious ? "serious" : "not serious"}, ${(aeOutcomeLabels[outcome as AeOutcome] ?? outcome).toLowerCase()}.`,
  followUpsHeading: "Follow-up questionnaires",
  followUps: (answered: number, due: number) => `Answered ${answered} of the ${due} due so far.`,
  followUpsNone: "None due yet.",
  nextDue: (when: string, day: string) => `Next: ${when}, due ${day}.`,
  baseline: "Before treatment",
  sourcesHeading: "Sources",
  footer: (n: number, of: number) => `Page ${n} of ${of}`,
  fmt,
};

export type ProgressWords = typeof progressWordsEn;

const aeKindsEs: Record<AeKind, string> = {
  infection: "Infección",
  nerve_injury: "Lesión de un nervio",
  allergic_reaction: "Reacción alérgica",
  pain_flare: "Más dolor por un tiempo",
  harvest_site_complication: "Problema donde se sacó el tejido",
  other: "Otro problema",
};

const aeOutcomesEs: Record<AeOutcome, string> = {
  recovered: "recuperado",
  recovering: "recuperándose",
  "not-recovered": "no recuperado",
  "recovered-with-sequelae": "recuperado con secuelas",
  fatal: "mortal",
  unknown: "se desconoce",
};

const fmtEs = (n: number) => fmt(n).replace(".", ",");

export const progressWordsEs: ProgressWords = {
  title: "Informe de evolución",
  dated: (clinic, day) => `${clinic} - informe del ${day}`,
  patient: (name, born) => `${name}, nacido/a el ${born}`,
  limits:
    "Lo que estos números no pueden mostrar: si un tratamiento causó un cambio (el dolor de espalda a menudo mejora solo, y aquí no hay grupo de comparación), ni lo que le pasará después. Los pacientes parecidos son pacientes de esta clínica que eligieron el mismo tratamiento, no un ensayo.",
  scoresHeading: "Sus puntuaciones con el tiempo",
  scoresNote:
    "Cada gráfico muestra sus respuestas por fecha. La línea de trazos es el cambio importante (MCID) desde su puntuación antes del tratamiento: el cambio más pequeño que los pacientes notan como importante.",
  lowerBetter: "más bajo es mejor",
  higherBetter: "más alto es mejor",
  mcid: (points, relative, cited, certainty) =>
    `Cambio importante (MCID): ${points} puntos${relative ? " o un 30\u00a0%" : ""} (${cited}; certeza: ${certainty}).`,
  noMcid: "Nuestras fuentes no dan un umbral de cambio importante para esta puntuación: solo el cambio.",
  change: (before, after, when, reached) =>
    `De ${before} antes del tratamiento a ${after} a ${when.includes("semana") ? "las" : "los"} ${when}: ${reached ? "un cambio importante" : "todavía no es un cambio importante"}.`,
  onlyOne: "Por ahora, una sola respuesta: todavía no hay cambio que mostrar.",
  noBaseline: "No hay respuesta de antes del tratamiento: no hay cambio que mostrar.",
  certainty: { verified: "comprobada", partly: "parcial", recalled: "sin comprobar" },
  typicalHeading: "Su dolor de espalda y el curso típico de pacientes parecidos",
  typicalWho: (treated) =>
    `${treated} pacientes de esta clínica parecidos a usted recibieron el mismo tratamiento. Valor del medio (línea) y mitad central (franja) de su dolor de espalda, de 0 a 10; sus respuestas son los puntos.`,
  typicalColumns: ["Momento", "Usted", "Típico (valor del medio)", "Mitad central"],
  typicalNotEnough:
    "Menos de 30 pacientes parecidos de esta clínica han contestado después de este tratamiento, así que no se muestra un curso típico. Aparecerá cuando hayan contestado al menos 30.",
  typicalNoScore:
    "No hay puntuación de Oswestry de antes del tratamiento: no se pueden buscar pacientes parecidos.",
  typicalNone: "Todavía no hay ningún tratamiento anotado.",
  diaryHeading: "Diario del dolor y uso de opioides",
  diaryNone: "No hay días anotados en el diario en los últimos 180 días.",
  diarySummary: (n, from, to) => `${n} días anotados en el diario, del ${from} al ${to}.`,
  diaryPain: "Dolor de espalda (línea) y de pierna (puntos), de 0 a 10",
  mme: "Opioides, equivalentes de miligramos de morfina (MME) al día",
  mmeSummary: (latest, highest) => `Opioides: último día ${latest} MME; el más alto ${highest}.`,
  mmeNone: "No hay opioides anotados en el diario.",
  treatmentsHeading: "Tratamientos",
  treatmentsNone: "No hay ningún tratamiento anotado.",
  investigational: "En investigación: no está aprobado por la FDA para el dolor de espalda.",
  adverseHeading: "Problemas después del tratamiento (efectos adversos)",
  adverseNone: "No se ha anotado ninguno.",
  adverse: (day, kind, grade, serious, outcome) =>
    `${day}: ${aeKindsEs[kind]}, grado ${grade} de 5, ${serious ? "grave" : "no grave"}, ${aeOutcomesEs[outcome as AeOutcome] ?? outcome}.`,
  followUpsHeading: "Cuestionarios de seguimiento",
  followUps: (answered, due) => `Contestados ${answered} de los ${due} que tocaban hasta ahora.`,
  followUpsNone: "Todavía no toca ninguno.",
  nextDue: (when, day) => `Siguiente: ${when}, para el ${day}.`,
  baseline: "Antes del tratamiento",
  sourcesHeading: "Fuentes",
  footer: (n, of) => `Página ${n} de ${of}`,
  fmt: fmtEs,
};

/** Score titles in Spanish (the English ones are the outcome measures' titles). */
export const measureTitlesEs: Readonly<Record<string, string>> = {
  nrs_back: "Dolor de espalda (0-10)",
  nrs_leg: "Dolor de pierna (0-10)",
  odi: "Índice de discapacidad de Oswestry (0-100)",
  "promis29.physical_function": "PROMIS-29 función física (puntuación T)",
  "promis29.pain_interference": "PROMIS-29 cuánto le limita el dolor (puntuación T)",
  "eq5d5l.index_us": "Índice EQ-5D-5L (valores de EE. UU.)",
  eq5d5l: "EQ VAS, su salud hoy (0-100)",
};
