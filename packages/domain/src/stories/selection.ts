/**
 * Which patients' stories the decision aid shows, and how it introduces them. Clinics that sell
 * cell therapy lead with hand-picked success stories; a story chosen for its result is advertising,
 * not information. So the rule here does not look at results at all: every published story of the
 * option's treatment kind at the clinic is shown — each one resting on the patient's own story
 * consent, not withdrawn — oldest publication first, and the rule is printed above them. Each story
 * carries the label "One person's experience, not evidence" and the patient's own numbers (their
 * baseline and latest score, with when), so a poor result is as plain as a good one. Presenting
 * narratives this way follows the IPDAS guidance on patient stories in decision aids (Bekker et al.
 * 2013, BMC Med Inform Decis Mak 13(Suppl 2):S9): a balanced, stated selection, never chosen by outcome.
 */
import type { ContentLanguage } from "../evidence/types";

export const storyLanguages = ["en", "es"] as const;
export type StoryLanguage = (typeof storyLanguages)[number];

export const storyWords = {
  en: {
    title: "Stories from patients here",
    label: "One person's experience, not evidence",
    rule: "We show every story a patient of this clinic agreed to share about this treatment, whatever happened to them, oldest first by the date it was published. Nobody picks the good ones. A clinician checked each story, and anything that could tell you who the person is was taken out. If a person takes back their consent, their story goes.",
    none: "No patient here has shared a story about this treatment yet.",
    numbers: "Their own scores",
    backPain: "Back pain (0 to 10, lower is better)",
    odi: "Back pain in daily life, ODI (0 to 100, lower is better)",
    atBaseline: "before treatment",
    noLatest: "no answer after treatment yet",
    published: "Published",
  },
  es: {
    title: "Historias de pacientes de esta clínica",
    label: "La experiencia de una persona, no una prueba",
    rule: "Mostramos todas las historias que los pacientes de esta clínica aceptaron compartir sobre este tratamiento, les fuera bien o mal, de la más antigua a la más nueva según la fecha en que se publicaron. Nadie elige las buenas. Un médico revisó cada historia y se quitó todo lo que podría decir quién es la persona. Si una persona retira su permiso, su historia se quita.",
    none: "Aún nadie de esta clínica ha contado su historia con este tratamiento.",
    numbers: "Sus propias puntuaciones",
    backPain: "Dolor de espalda (de 0 a 10, menos es mejor)",
    odi: "Dolor de espalda en la vida diaria, ODI (de 0 a 100, menos es mejor)",
    atBaseline: "antes del tratamiento",
    noLatest: "aún sin respuesta después del tratamiento",
    published: "Publicada",
  },
} as const satisfies Record<ContentLanguage, Record<string, string>>;

/** The instruments whose numbers are shown beside a story, in this order. */
export const storyInstruments = ["nrs_back", "odi"] as const;
export type StoryInstrument = (typeof storyInstruments)[number];

/** The stated order: by publication time, oldest first; the id breaks ties, never the result. */
export function storyOrder<T extends { publishedAt: string; id: string }>(stories: readonly T[]): T[] {
  return [...stories].sort((a, b) =>
    a.publishedAt === b.publishedAt ? a.id.localeCompare(b.id) : a.publishedAt.localeCompare(b.publishedAt),
  );
}

const timepointNames: Record<StoryLanguage, Readonly<Record<string, string>>> = {
  en: {
    baseline: "before treatment",
    "2w": "2 weeks",
    "6w": "6 weeks",
    "3m": "3 months",
    "6m": "6 months",
    "12m": "12 months",
    "24m": "24 months",
  },
  es: {
    baseline: "antes del tratamiento",
    "2w": "2 semanas",
    "6w": "6 semanas",
    "3m": "3 meses",
    "6m": "6 meses",
    "12m": "12 meses",
    "24m": "24 meses",
  },
};

/** One instrument's numbers beside a story, in words: "7 before treatment → 3 at 3 months". */
export function storyOutcomeWords(
  o: {
    baseline: { score: number; timepoint: string } | null;
    latest: { score: number; timepoint: string } | null;
  },
  lang: StoryLanguage,
): string {
  const at = (t: string) => timepointNames[lang][t] ?? t;
  const before = o.baseline ? `${o.baseline.score} ${at(o.baseline.timepoint)}` : null;
  const after = o.latest
    ? `${o.latest.score} ${lang === "es" ? "a los" : "at"} ${at(o.latest.timepoint)}`
    : storyWords[lang].noLatest;
  return before ? `${before} → ${after}` : after;
}
