/**
 * Flesch–Kincaid grade level (Kincaid et al. 1975):
 *
 *   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 *
 * The formula is exact; the counts are not. Syllables have no exact rule in English, so every
 * readability tool uses a heuristic and tools disagree by a grade or so on the same text. Ours,
 * so that a reviewer can predict it:
 *
 * - A word is a run of letters, digits, apostrophes and inner hyphens ("self-care", "don't").
 *   A hyphenated word counts as one word whose syllables are the sum of its parts.
 * - A number ("24", "1.5", "11,000") is one word of one syllable per digit, at most 4: short enough not to
 *   punish a text for giving figures, which patient decision aids must do.
 * - Syllables of a letter word: the groups of adjacent vowels (a, e, i, o, u, y), then
 *   − 1 for a silent final "e" ("make"), but not "-le" after a consonant ("table") or "-ee";
 *   − 1 for a silent "-ed" ("jumped"), unless it follows t or d ("wanted");
 *   − 1 for a silent "-es" ("makes"), unless it follows s, x, z, ch, sh, c or g ("boxes");
 *   + 1 for vowel pairs that are two syllables though adjacent: "ia" ("trial"; not after c, g,
 *     s, t: "special"), "io" not before n ("period"; not after c, g, t: "precious") and
 *     "ua"/"uo" not after q or g ("usual"; not "equal", "language"); and at least 1 per word.
 * - A sentence ends at ".", "!" or "?" followed by a space or the end, or at a blank line or a
 *   line break (list items and headings are sentences). Text with words but no end mark is one
 *   sentence. A decimal point does not end a sentence; an abbreviation followed by a space
 *   ("e.g. this") does, so patient text should not use them.
 *
 * Measure one block of text at a time (a question, a paragraph): a grade over a whole page hides
 * the hard paragraph among easy ones.
 */

export type ReadingStats = {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch–Kincaid grade level; NaN for text without words. */
  grade: number;
};

const WORD = /[\p{L}\p{N}]+(?:(?:['’.-]|,(?=\d{3}))[\p{L}\p{N}]+)*/gu;

/** Syllables in one word by the heuristic above. */
export function countSyllables(word: string): number {
  const parts = word.toLowerCase().split("-").filter(Boolean);
  if (parts.length > 1) return parts.reduce((n, p) => n + countSyllables(p), 0);
  const w = (parts[0] ?? "").replace(/['’]/g, "");
  if (/^[\d.,]+$/.test(w)) return Math.min(4, Math.max(1, w.replace(/\D/g, "").length));
  const letters = w.replace(/[^a-z]/g, "");
  if (letters === "") return 1;
  if (letters.length <= 3) return 1;

  let n = letters.match(/[aeiouy]+/g)?.length ?? 0;
  if (/[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) n -= 1;
  else if (/[^aeiouytd]ed$/.test(letters)) n -= 1;
  else if (/[^aeiouy]es$/.test(letters) && !/(s|x|z|ch|sh|c|g)es$/.test(letters)) n -= 1;
  n += letters.match(/(?<![cgst])ia|(?<![cgt])io(?!n)|(?<![qg])u[ao]/g)?.length ?? 0;
  return Math.max(1, n);
}

/** Splits text into sentences by the rule above (empty pieces dropped). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])["'’”)\]]*\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.match(WORD) !== null);
}

export function readingStats(text: string): ReadingStats {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap((s) => s.match(WORD) ?? []);
  const syllables = words.reduce((n, w) => n + countSyllables(w), 0);
  const grade =
    words.length === 0
      ? Number.NaN
      : 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { sentences: sentences.length, words: words.length, syllables, grade };
}

/** The Flesch–Kincaid grade of one block of text (NaN if it has no words). */
export function readingGrade(text: string): number {
  return readingStats(text).grade;
}
