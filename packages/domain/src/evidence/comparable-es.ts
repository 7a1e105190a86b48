/**
 * What "people like you" means (comparable.ts), in Spanish for the patient portal: each
 * criterion with the patient's own value, and what to say when the value is not known yet. The
 * criteria, windows and bands are the English ones; only the words change.
 */
import {
  AGE_WINDOW,
  type BaselineProfile,
  type CriterionId,
  durationBand,
  ODI_WINDOW,
  type StartBackGroup,
} from "./comparable";
import type { ContentLanguage } from "./types";

const groupWordsEs: Record<StartBackGroup, string> = { low: "bajo", medium: "medio", high: "alto" };

const durationWordsEs: Record<ReturnType<typeof durationBand>["id"], string> = {
  "under-6-months": "menos de 6 meses",
  "6-months-to-2-years": "entre 6 meses y 2 años",
  "over-2-years": "más de 2 años",
};

export const comparableCriteriaEs: Readonly<
  Record<CriterionId, { words: (p: BaselineProfile) => string; unknownWords: string }>
> = {
  odi: {
    words: (p) =>
      `unos puntos de vida diaria a ${ODI_WINDOW} o menos de los suyos (${Math.round(p.odi ?? 0)} de 100)`,
    unknownWords: "sus puntos de vida diaria (aún no nos los ha dado)",
  },
  startBack: {
    words: (p) =>
      `el mismo grupo de riesgo de dolor de espalda que usted (riesgo ${groupWordsEs[p.startBack ?? "low"]})`,
    unknownWords: "su grupo de riesgo de dolor de espalda (aún no nos lo ha dado)",
  },
  duration: {
    words: (p) =>
      `dolor de espalda desde hace ${durationWordsEs[durationBand(p.symptomWeeks ?? 0).id]}, como usted`,
    unknownWords: "cuánto tiempo lleva con dolor de espalda (aún no lo sabemos)",
  },
  age: {
    words: (p) => `una edad a ${AGE_WINDOW} años o menos de la suya (${p.age ?? 0})`,
    unknownWords: "su edad (no la sabemos)",
  },
};

/** One criterion in `lang`: with the patient's value when it is known, else what is missing. */
export function criterionWords(
  criterion: { id: CriterionId; words: (p: BaselineProfile) => string; unknownWords: string },
  profile: BaselineProfile,
  known: boolean,
  lang: ContentLanguage,
): string {
  const c = lang === "es" ? comparableCriteriaEs[criterion.id] : criterion;
  return known ? c.words(profile) : c.unknownWords;
}
