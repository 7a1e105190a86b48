/**
 * Readability of Spanish patient text: the Szigriszt-Pazos perspicuity index as read on the
 * INFLESZ scale (Barrio-Cantalejo IM et al. "Validación de la Escala INFLESZ para evaluar la
 * legibilidad de los textos dirigidos a pacientes." An Sist Sanit Navar 2008;31(2):135–52):
 *
 *   perspicuity = 206.835 − 62.3 × (syllables / words) − (words / sentences)
 *
 *   < 40 very hard · 40–55 somewhat hard · 55–65 normal · 65–80 fairly easy · > 80 very easy
 *
 * INFLESZ places "normal" at the reading of secondary school (ages 12–16) and recommends at least
 * 55 for text written for patients; Flesch–Kincaid grades mean nothing for Spanish, whose words are
 * longer by syllables than English ones for the same difficulty. We hold Spanish patient text to
 * {@link SPANISH_MIN_PERSPICUITY}.
 *
 * Words and sentences are found as for English (reading-grade.ts): the same word pattern, the same
 * sentence ends, numbers one syllable per digit up to 4. Spanish syllables, unlike English ones,
 * follow spelling rules closely; ours:
 *
 * - The vowels are a e o (open) and i u ü (closed); an accented í or ú counts as open (it breaks a
 *   diphthong: "país", "día"); "y" is a vowel on its own ("y") or at the end of a word after a vowel
 *   ("hoy", "muy"), else a consonant.
 * - The "u" of "que", "qui", "gue", "gui" is silent.
 * - Each vowel starts a syllable unless it follows a vowel and the two form a diphthong: a closed
 *   vowel with an open one in either order ("cie", "au"), or two different closed ones ("ciu",
 *   "cui"). Two open vowels are a hiatus ("le-er", "a-é-re-o"). Three in a row ("buey") are one.
 * - "h" counts as a consonant, so "ahora" has three syllables and "prohibir" three.
 */
import { sentencesOf } from "./reading-grade";

/** Lowest INFLESZ perspicuity allowed for a block of Spanish patient text ("normal" or easier). */
export const SPANISH_MIN_PERSPICUITY = 55;

export type SpanishReadingStats = {
  sentences: number;
  words: number;
  syllables: number;
  /** Szigriszt-Pazos perspicuity (INFLESZ); NaN for text without words. Higher is easier. */
  perspicuity: number;
};

const WORD = /[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;
const OPEN = new Set(["a", "e", "o", "á", "é", "ó", "í", "ú"]);
const CLOSED = new Set(["i", "u", "ü"]);
const isVowel = (c: string) => OPEN.has(c) || CLOSED.has(c);

/** Syllables in one Spanish word by the rules above. */
export function countSyllablesEs(word: string): number {
  const parts = word.toLowerCase().split("-").filter(Boolean);
  if (parts.length > 1) return parts.reduce((n, p) => n + countSyllablesEs(p), 0);
  const w = (parts[0] ?? "").replace(/['’]/g, "");
  if (/^[\d.,]+$/.test(w)) return Math.min(4, Math.max(1, w.replace(/\D/g, "").length));
  let letters = w.replace(/[^a-záéíóúüñ]/g, "");
  if (letters === "") return 1;
  if (letters === "y") return 1;
  letters = letters.replace(/([qg])u(?=[eiéí])/g, "$1").replace(/(?<=[aeiouáéíóú])y$/, "i");
  let n = 0;
  let prev = "";
  for (const c of letters) {
    if (isVowel(c)) {
      const diphthong =
        isVowel(prev) &&
        ((CLOSED.has(prev) && c !== prev) || (CLOSED.has(c) && OPEN.has(prev) && !"íú".includes(prev)));
      if (!diphthong) n += 1;
    }
    prev = c;
  }
  return Math.max(1, n);
}

export function spanishReadingStats(text: string): SpanishReadingStats {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap((s) => s.match(WORD) ?? []);
  const syllables = words.reduce((n, w) => n + countSyllablesEs(w), 0);
  const perspicuity =
    words.length === 0
      ? Number.NaN
      : 206.835 - 62.3 * (syllables / words.length) - words.length / sentences.length;
  return { sentences: sentences.length, words: words.length, syllables, perspicuity };
}

/** The INFLESZ perspicuity of one block of Spanish text (NaN if it has no words). */
export function spanishPerspicuity(text: string): number {
  return spanishReadingStats(text).perspicuity;
}
