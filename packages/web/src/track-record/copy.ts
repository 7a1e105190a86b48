/**
 * The track-record page's words, in English and Spanish key for key. The figures and the cited
 * statements of what they cannot show come from the server (domain/outcomes/track-record.ts).
 */
import type { HiddenReason } from "@evident/domain/api/track-record";

const hiddenEn: Record<HiddenReason, string> = {
  "fewer-than-11": "fewer than 11",
  "all-but-fewer-than-11": "all but 1–10",
  "would-reveal-a-small-count": "not shown",
};

export const trackRecordCopy = {
  title: (clinic: string) => `${clinic}: track record`,
  intro:
    "How this clinic's patients did, counted for everyone it treated, not only the ones it chose to show. The numbers from all clinics in the network are beside them.",
  asOf: (date: string) => `Figures as of ${date}.`,
  published: (date: string) => `Published by the clinic on ${date}.`,
  smallCells:
    "To protect privacy, a count of 1 to 10 people is shown as “fewer than 11”, and a number that would let someone work one out is not shown.",
  noKinds: "The clinic has no treatments to report yet.",
  investigational: "Investigational: not approved by the FDA for back pain",
  measure: "Measure",
  thisClinic: "This clinic",
  network: "All clinics",
  treated: "People treated",
  answered: "Who answered",
  answeredAt: (tp: string) => `Answered at ${tp}`,
  answeredOf: (n: string, due: string) => `${n} of ${due} due`,
  /** When how many were due would let a small count be worked out. */
  answeredDueHidden: (n: string) => `${n} (how many were due is not shown)`,
  changeAt: (measure: string, tp: string) => `${measure} at ${tp}: average change`,
  improvedAt: (measure: string, tp: string) => `${measure} at ${tp}: clearly better`,
  change: (e: { value: string; low: string; high: string }, n: number | null) =>
    `${e.value} (95% interval ${e.low} to ${e.high})${n === null ? "" : `; ${n} people`}`,
  share: (e: { value: string; low: string; high: string }, n: number | null) =>
    `${e.value}% (95% interval ${e.low}% to ${e.high}%)${n === null ? "" : `; ${n} people`}`,
  notShown: "Not shown (small numbers)",
  surgery: "Spine surgery within a year",
  adverseSerious: "Serious side effects recorded",
  adverseOther: "Other side effects recorded",
  odi: "Disability (Oswestry, 0–100)",
  nrs_back: "Back pain (0–10)",
  lowerIsBetter: "For pain and disability, a change below zero means better.",
  benchmark: "Compared with the network",
  benchmarkIntro:
    "Each clinic's result is compared with what its mix of patients would predict, from all clinics' patients (a funnel plot).",
  position: {
    within: "Within the range expected from its patients",
    above: "Above the range expected from its patients",
    below: "Below the range expected from its patients",
    "not-placed": "Not placed: too few patients to compare",
  } as Record<string, string>,
  ratio: (r: string, lo: string, hi: string) => `Observed ÷ expected ${r} (95% limits ${lo} to ${hi}).`,
  networkRate: (r: string) => `All clinics: ${r}%.`,
  higherBetter: "Higher is better.",
  higherWorse: "Higher is worse.",
  cannotShow: "What these numbers cannot show",
  sources: "Sources",
  timepoints: {
    baseline: "the start",
    "2w": "2 weeks",
    "6w": "6 weeks",
    "3m": "3 months",
    "6m": "6 months",
    "12m": "12 months",
    "24m": "24 months",
  } as Record<string, string>,
  hidden: hiddenEn,
  notFound: "This clinic has not published a track record.",
  listTitle: "Clinics' track records",
  listIntro: "Clinics in the network that have published their results.",
  listEmpty: "No clinic has published its track record yet.",
  library: "How to judge a clinic's claims",
  allRecords: "All published track records",
};

export type TrackRecordCopy = typeof trackRecordCopy;

export const trackRecordCopyEs: TrackRecordCopy = {
  title: (clinic: string) => `${clinic}: resultados`,
  intro:
    "Cómo les fue a los pacientes de esta clínica, contando a todas las personas que trató, no solo a las que quiso mostrar. Al lado están los números de todas las clínicas de la red.",
  asOf: (date: string) => `Datos a fecha de ${date}.`,
  published: (date: string) => `La clínica los publicó el ${date}.`,
  smallCells:
    "Para proteger la intimidad, un número de 1 a 10 personas se muestra como “menos de 11”, y no se muestra ningún número del que se pudiera sacar.",
  noKinds: "La clínica aún no tiene tratamientos que mostrar.",
  investigational: "En investigación: la FDA no lo ha aprobado para el dolor de espalda",
  measure: "Medida",
  thisClinic: "Esta clínica",
  network: "Todas las clínicas",
  treated: "Personas tratadas",
  answered: "Quién contestó",
  answeredAt: (tp: string) => `Contestaron a los ${tp}`,
  answeredOf: (n: string, due: string) => `${n} de ${due}`,
  answeredDueHidden: (n: string) => `${n} (no se muestra a cuántos les tocaba)`,
  changeAt: (measure: string, tp: string) => `${measure} a los ${tp}: cambio medio`,
  improvedAt: (measure: string, tp: string) => `${measure} a los ${tp}: claramente mejor`,
  change: (e, n) =>
    `${e.value} (intervalo del 95 %: ${e.low} a ${e.high})${n === null ? "" : `; ${n} personas`}`,
  share: (e, n) =>
    `${e.value} % (intervalo del 95 %: ${e.low} % a ${e.high} %)${n === null ? "" : `; ${n} personas`}`,
  notShown: "No se muestra (números pequeños)",
  surgery: "Operación de columna en un año",
  adverseSerious: "Efectos secundarios graves anotados",
  adverseOther: "Otros efectos secundarios anotados",
  odi: "Discapacidad (Oswestry, 0–100)",
  nrs_back: "Dolor de espalda (0–10)",
  lowerIsBetter: "En dolor y discapacidad, un cambio por debajo de cero es mejor.",
  benchmark: "Comparada con la red",
  benchmarkIntro:
    "El resultado de cada clínica se compara con lo que cabría esperar de sus pacientes, según los pacientes de todas las clínicas (un gráfico de embudo).",
  position: {
    within: "Dentro de lo esperado para sus pacientes",
    above: "Por encima de lo esperado para sus pacientes",
    below: "Por debajo de lo esperado para sus pacientes",
    "not-placed": "Sin comparar: pocos pacientes",
  },
  ratio: (r, lo, hi) => `Observado ÷ esperado ${r} (límites del 95 %: ${lo} a ${hi}).`,
  networkRate: (r) => `Todas las clínicas: ${r} %.`,
  higherBetter: "Más alto es mejor.",
  higherWorse: "Más alto es peor.",
  cannotShow: "Lo que estos números no pueden mostrar",
  sources: "Fuentes",
  timepoints: {
    baseline: "el inicio",
    "2w": "2 semanas",
    "6w": "6 semanas",
    "3m": "3 meses",
    "6m": "6 meses",
    "12m": "12 meses",
    "24m": "24 meses",
  },
  hidden: {
    "fewer-than-11": "menos de 11",
    "all-but-fewer-than-11": "todos menos 1–10",
    "would-reveal-a-small-count": "no se muestra",
  },
  notFound: "Esta clínica no ha publicado sus resultados.",
  listTitle: "Resultados de las clínicas",
  listIntro: "Clínicas de la red que han publicado sus resultados.",
  listEmpty: "Ninguna clínica ha publicado aún sus resultados.",
  library: "Cómo juzgar lo que dice una clínica",
  allRecords: "Todos los resultados publicados",
};
