/**
 * Teach-back before a procedure consent is signed: three questions on the investigational
 * treatment — is it approved, what do the studies show, what happens if you say no. A wrong
 * answer is met with why it is wrong and the question is asked again; the consent can be signed
 * only when all three are answered right (checked again on the server when it is signed).
 * Answer ids are a public contract (API, browser tests): add, never rename.
 */
import type { ConsentLanguage } from "./types";
import { kindWordsEn } from "./words-en";
import { kindWordsEs } from "./words-es";

export const teachBackIds = ["approval", "evidence", "choice"] as const;
export type TeachBackId = (typeof teachBackIds)[number];

export type TeachBackQuestion = {
  id: TeachBackId;
  text: string;
  options: readonly { id: string; label: string }[];
  correct: string;
  /** Said after a wrong answer, before the question is asked again. */
  explanation: string;
};

const en = (name: string): TeachBackQuestion[] => [
  {
    id: "approval",
    text: `What is true about the ${name} and the FDA?`,
    options: [
      { id: "yes", label: "The FDA has checked it and says it works for back pain" },
      { id: "no", label: "It is not FDA-approved for back pain. It is still being studied" },
      { id: "soon", label: "It will be approved soon" },
    ],
    correct: "no",
    explanation: `Not quite. The ${name} is not FDA-approved for back pain. It is experimental: it is still being studied, and nobody can say when or if it will be approved.`,
  },
  {
    id: "evidence",
    text: "What do the studies tell us about this treatment for back pain?",
    options: [
      { id: "works", label: "It helps most people" },
      { id: "unknown", label: "We do not know if it helps more than a fake shot or time" },
      { id: "repairs", label: "It makes a worn disc like new" },
    ],
    correct: "unknown",
    explanation:
      "Not quite. We do not know if it helps. Many people feel better after any shot, even a fake one, or as time passes. The studies so far cannot tell us if this shot adds anything, and none shows that it makes a worn disc like new.",
  },
  {
    id: "choice",
    text: "What happens if you say no, or change your mind before the shot?",
    options: [
      { id: "care-continues", label: "I still get the rest of my care here" },
      { id: "care-stops", label: "The clinic stops seeing me" },
      { id: "fee", label: "I have to pay a fee" },
    ],
    correct: "care-continues",
    explanation:
      "Not quite. You can say no, or change your mind at any time before the shot. The rest of your care here goes on as before.",
  },
];

const es = (name: string): TeachBackQuestion[] => [
  {
    id: "approval",
    text: `¿Qué es cierto de la ${name} y la FDA?`,
    options: [
      { id: "yes", label: "La FDA la revisó y dice que sirve para la espalda" },
      { id: "no", label: "No está aprobada por la FDA para el dolor de espalda. Aún se estudia" },
      { id: "soon", label: "Pronto le van a dar el visto bueno" },
    ],
    correct: "no",
    explanation: `No es así. La ${name} no está aprobada por la FDA para el dolor de espalda. Es experimental: aún se estudia, y nadie sabe si la van a aprobar, ni cuándo.`,
  },
  {
    id: "evidence",
    text: "¿Qué dicen los estudios de este tratamiento para el dolor de espalda?",
    options: [
      { id: "works", label: "Ayuda a casi todos" },
      { id: "unknown", label: "No se sabe si ayuda más que una inyección falsa o el tiempo" },
      { id: "repairs", label: "Deja el disco como nuevo" },
    ],
    correct: "unknown",
    explanation:
      "No es así. No se sabe si ayuda. Mucha gente mejora tras cualquier inyección, aun una falsa, o con el tiempo. Los estudios aún no dicen si esta inyección añade algo, y ninguno muestra que deje un disco como nuevo.",
  },
  {
    id: "choice",
    text: "¿Qué pasa si dice que no, o cambia de idea antes de la inyección?",
    options: [
      { id: "care-continues", label: "Sigo con el resto de mi cuidado aquí" },
      { id: "care-stops", label: "La clínica deja de atenderme" },
      { id: "fee", label: "Tengo que pagar una multa" },
    ],
    correct: "care-continues",
    explanation:
      "No es así. Puede decir que no, o cambiar de idea en todo momento antes de la inyección. El resto de su cuidado aquí sigue igual.",
  },
];

/** The three questions for a procedure consent of `kind` (empty for a kind with no consent words). */
export function teachBackQuestions(kind: string, language: ConsentLanguage): readonly TeachBackQuestion[] {
  const k = (language === "es" ? kindWordsEs : kindWordsEn)[kind];
  if (!k) return [];
  return language === "es" ? es(k.name) : en(k.name);
}

export type TeachBackResult = {
  allRight: boolean;
  /** Each question not answered right, with what to say before asking again. */
  wrong: readonly { id: TeachBackId; explanation: string; answered: boolean }[];
};

/** Checks the answers (question id → option id): all three must be right. */
export function checkTeachBack(
  kind: string,
  language: ConsentLanguage,
  answers: Readonly<Record<string, string>>,
): TeachBackResult {
  const questions = teachBackQuestions(kind, language);
  const wrong = questions
    .filter((q) => answers[q.id] !== q.correct)
    .map((q) => ({ id: q.id, explanation: q.explanation, answered: answers[q.id] !== undefined }));
  return { allRight: questions.length > 0 && wrong.length === 0, wrong };
}
