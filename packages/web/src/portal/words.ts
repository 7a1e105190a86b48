/**
 * Plain words for patients (reading age ≈ 12), in English and Spanish: what each questionnaire
 * and timepoint is called. These are our own headings, not the instruments' wording.
 */
import { timepointLabel } from "@evident/domain";
import type { Lang } from "./language";

const titles: Record<Lang, Record<string, string>> = {
  en: {
    nrs_back: "Your back pain",
    nrs_leg: "Your leg pain",
    odi: "Your back pain and daily life",
    rmdq: "What your back pain stops you doing",
    peg: "Pain, enjoyment and activity",
    pgic: "Change since your treatment",
    startback: "How your back pain affects you",
    promis29: "Your health and well-being",
    eq5d5l: "Your health today",
  },
  es: {
    nrs_back: "Su dolor de espalda",
    nrs_leg: "Su dolor de pierna",
    odi: "Su dolor de espalda y su vida diaria",
    rmdq: "Lo que el dolor de espalda le impide hacer",
    peg: "Dolor, disfrute y actividad",
    pgic: "Cambios desde su tratamiento",
    startback: "Cómo le afecta el dolor de espalda",
    promis29: "Su salud y bienestar",
    eq5d5l: "Su salud hoy",
  },
};

export const patientTitle = (instrumentId: string, fallback: string, lang: Lang = "en"): string =>
  titles[lang][instrumentId] ?? fallback;

const spanishTimepoints: Record<string, string> = {
  "2w": "2 semanas",
  "6w": "6 semanas",
  "3m": "3 meses",
  "6m": "6 meses",
  "12m": "12 meses",
  "24m": "24 meses",
};

/** "Before treatment" for baseline; "2 weeks after treatment" for the rest. */
export function whenLabel(timepoint: string, lang: Lang = "en"): string {
  if (lang === "es") {
    return timepoint === "baseline"
      ? "Antes del tratamiento"
      : `${spanishTimepoints[timepoint] ?? timepoint} después del tratamiento`;
  }
  return timepoint === "baseline" ? "Before treatment" : `${timepointLabel(timepoint)} after treatment`;
}

/** A timepoint's short name, for a chart's axis: "Baseline", "2 weeks" / "Inicio", "2 semanas". */
export function timepointShort(timepoint: string, lang: Lang = "en"): string {
  if (lang === "es") return timepoint === "baseline" ? "Inicio" : (spanishTimepoints[timepoint] ?? timepoint);
  return timepointLabel(timepoint);
}
