/**
 * The decision aid's own words in Spanish (usted form), key for key with words.ts: the Spanish
 * objects' types are the English ones', so a new English key without Spanish fails the typecheck.
 * Each sentence scores INFLESZ ≥ 55 (words.test.ts). Percentages take a no-break space ("35 %"),
 * as Spanish writes them.
 */
import type { CostBand, CriterionId, GradeCertainty, OptionGroup, Speed } from "@evident/domain/evidence";
import type { AidPhrases, AidWords } from "./words";

export const groupLabelsEs: Record<OptionGroup, string> = {
  "self-care": "Cuidarse y esperar",
  "exercise-and-therapy": "Ejercicio y cuidado con las manos",
  medicine: "Medicinas",
  injection: "Inyecciones",
  surgery: "Cirugía",
  "cell-therapy": "Inyecciones de células experimentales",
};

export const certaintyLabelsEs: Record<GradeCertainty, string> = {
  high: "Certeza alta",
  moderate: "Certeza moderada",
  low: "Certeza baja",
  "very low": "Certeza muy baja",
};

export const speedLabelsEs: Record<Speed, string> = {
  "hours-to-days": "De horas a días",
  weeks: "Semanas",
  months: "Meses",
  unknown: "No se sabe",
};

export const costLabelsEs: Record<CostBand, string> = {
  none: "Sin costo",
  low: "Bajo",
  moderate: "Medio",
  high: "Alto",
  "very high": "Muy alto",
};

export const aidWordsEs: AidWords = {
  title: "Sus opciones de tratamiento",
  intro:
    "Aquí puede comparar las formas de tratar el dolor de espalda. Todas las opciones se muestran igual.",
  compareTitle: "Todas las opciones de un vistazo",
  detailsTitle: "Cada opción en detalle",
  foldHint: "Toque una opción para leer todo sobre ella.",
  openAll: "Abrir todas las opciones",
  closeAll: "Cerrar todas las opciones",
  show: "Mostrar",
  all: "Todas las opciones",
  whatItIs: "Qué es",
  whatItIsLike: "Cómo es",
  benefits: "Qué puede mejorar",
  harms: "Qué puede salir mal",
  outOf100: "De cada 100 personas como usted",
  averages: "Comparado con puntos medios",
  sham: "Tras una inyección falsa",
  otherNumbers: "Otros números",
  clinicTitle: "En esta clínica",
  certainty: "¿Qué tan seguros están los expertos?",
  mainNumber: "Lo que hallaron las pruebas imparciales",
  compareIntro:
    "Una prueba imparcial compara a personas que tuvieron el cuidado con personas parecidas que tuvieron otro, o una inyección falsa. Damos cada número de dos formas: cuántos mejoraron y cuántos no.",
  timeToEffect: "Cuándo hace efecto",
  visits: "Visitas",
  cost: "Precio",
  status: "Aprobación",
  sources: "Fuentes",
  estimate: "Es nuestro mejor cálculo, no una cifra de un estudio.",
  clinicNone:
    "Aquí se han medido menos de 30 personas como usted tras este cuidado. Por eso aún no damos un número.",
  clinicNoneAll: "Aquí se han medido menos de 30 personas tras este cuidado. Por eso aún no damos un número.",
  clinicNoScore: "Antes nos tiene que contar cómo es su vida diaria. Así podremos buscar gente como usted.",
  likeYouTitle: "¿Quiénes son las personas como usted?",
  likeYouIntro:
    "Cuando damos números de esta clínica, solo contamos a personas tratadas aquí que eran como usted antes del tratamiento. Tuvieron el mismo cuidado, y:",
  likeYouUnknown: "No pudimos usar estos datos, porque aún no los sabemos:",
  likeYouMinimum:
    "Solo damos un número si se midió al menos a 30 de estas personas. Si hay menos, lo decimos.",
  likeYouNoScore:
    "Para buscar personas como usted, primero necesitamos sus respuestas sobre su vida diaria. Hasta entonces no damos números de esta clínica.",
  everyoneTitle: "¿De quién son estos números?",
  everyoneText:
    "No se ha elegido a ningún paciente, así que los números cuentan a todos los tratados aquí. Abra la guía desde la página de un paciente para ver a las personas como él.",
  matchedOn: "Parecidos en",
  notMatchedOn: "Para llegar a 30 personas, no se tuvo en cuenta",
  clinicNotRecorded: "Esta clínica aún no guarda números de este cuidado.",
  clinicCaution:
    "Son números de antes y después en esta clínica, sin un grupo con el que comparar. No pueden mostrar que el cuidado causó el cambio.",
  broader: "Esta clínica guarda este cuidado junto con otros del mismo tipo.",
  about: "Sobre esta guía",
  next: "Siguiente: lo que le importa",
  heldTitle: "Sus opciones se abren tras una revisión",
  heldNoIntake: "Primero responda las preguntas de seguridad, por favor. Después podrá ver sus opciones.",
  heldReview: "Un médico verá primero sus respuestas de seguridad. Le avisaremos cuando pueda seguir.",
  backHome: "Volver a su página",
};

export const criterionNamesEs: Record<CriterionId, string> = {
  odi: "puntos de vida diaria",
  startBack: "grupo de riesgo",
  duration: "cuánto tiempo dura el dolor",
  age: "edad",
};

const pct = (x: number) => `${Math.round(x * 100)}\u00a0%`;
const amount = (r: { count: number; countHigh?: number | undefined }) =>
  r.countHigh ? `${r.count} a ${r.countHigh}` : String(r.count);
const notAmount = (r: { count: number; countHigh?: number | undefined }) =>
  r.countHigh ? `${100 - r.countHigh} a ${100 - r.count}` : String(100 - r.count);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const meses = (timepoint: string) => timepoint.replace("m", " meses");

/** The Spanish time frames are phrases that open a clause ("a los 12 meses"; evidence/types.ts). */
export const aidPhrasesEs: AidPhrases = {
  howMany: (t) => `${capitalize(t.timeFrame)}, cuántas personas ${t.outcome}:`,
  measured: (a) => `${capitalize(a.timeFrame)}, ${a.measure}:`,
  iconLabel: (r, t) =>
    `${r.label}: ${amount(r)} de cada 100 personas ${t.outcome}, ${t.timeFrame}; ${notAmount(r)} no.`,
  experimental: "Experimental",
  experimentalNotApproved: "Experimental, no aprobado por la FDA",
  inUse: "En uso",
  choice: "Opción",
  version: (version, published, reviewBy) =>
    `Versión ${version}, publicada el ${published}. Próxima revisión antes del ${reviewBy}.`,
  sameCare: "el mismo cuidado",
  clinicCounts: (r, likeYou) =>
    `Aquí se trató a ${r.treated} ${likeYou ? "personas como usted" : "personas"}. De ellas, ${r.due} ya llevan ${meses(r.timepoint)}. De esas ${r.due}, ${r.n} (${pct(r.n / r.due)}) nos dieron su dolor de espalda antes y después.`,
  clinicSentence: (r) =>
    `${r.responders} de ${r.n} personas (${pct(r.share)}) tuvieron menos dolor de espalda; ${r.n - r.responders} (${pct((r.n - r.responders) / r.n)}) no. Lo más probable es que la proporción real esté entre ${pct(r.shareCI[0])} y ${pct(r.shareCI[1])}.`,
  clinicResult: (timepoint, rule) =>
    `Contamos el dolor de espalda ${meses(timepoint)} después de empezar (${rule}).`,
  clinicMissing: (r) =>
    r.missing === 0
      ? `Las ${r.due} personas que llegaron a este punto nos contestaron. No falta nadie.`
      : `No sabemos cómo están las otras ${r.missing} de las ${r.due}. Si ninguna tuviera menos dolor, la proporción sería ${pct(r.lower)}. Si todas lo tuvieran, sería ${pct(r.upper)}.`,
};
