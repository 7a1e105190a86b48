import { describe, expect, it } from "vitest";
import { countSyllables, readingGrade, readingStats, sentencesOf } from "./reading-grade";

describe("countSyllables", () => {
  // Dictionary syllable counts; each line exercises one rule of the heuristic.
  it.each([
    ["the", 1], // three letters or fewer
    ["cat", 1],
    ["doctor", 2], // vowel groups
    ["hospital", 3],
    ["emergency", 4],
    ["beautiful", 3], // "eau" is one group
    ["make", 1], // silent final e
    ["whole", 1], // "le" after a vowel is not syllabic
    ["table", 2], // syllabic "-le" after a consonant
    ["people", 2],
    ["free", 1], // "-ee" is not silent
    ["jumped", 1], // silent "-ed"
    ["wanted", 2], // "-ed" after t is heard
    ["needed", 2],
    ["makes", 1], // silent "-es"
    ["boxes", 2], // "-es" after x is heard
    ["pages", 2],
    ["trial", 2], // "ia" split
    ["special", 2], // … but not in "-cial"
    ["period", 3], // "io" split
    ["nation", 2], // … but not in "-ion"
    ["usual", 3], // "ua" split
    ["quality", 3], // … but not after q
    ["self-care", 2], // hyphenated parts add up
    ["don't", 1],
    ["24", 2], // numbers: one syllable per digit
    ["100", 3],
    ["1.5", 2],
  ] as const)("%s has %i", (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe("sentencesOf", () => {
  it("ends sentences at . ! ? before a space, and at line breaks", () => {
    expect(sentencesOf("Go now. Call for help! Is it new?\nList item\n\nAnother")).toEqual([
      "Go now.",
      "Call for help!",
      "Is it new?",
      "List item",
      "Another",
    ]);
  });

  it("does not split at a decimal point", () => {
    expect(sentencesOf("It fell by 1.5 points.")).toHaveLength(1);
  });
});

describe("readingGrade (Flesch–Kincaid)", () => {
  it("scores a one-syllable sentence: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45", () => {
    expect(readingStats("The cat sat on the mat.")).toMatchObject({ sentences: 1, words: 6, syllables: 6 });
    expect(readingGrade("The cat sat on the mat.")).toBeCloseTo(-1.45, 10);
  });

  it("scores two short sentences: 0.39 × 2.5 + 11.8 × 1 − 15.59 = −2.815", () => {
    expect(readingGrade("Go now. Call for help!")).toBeCloseTo(-2.815, 10);
  });

  it("scores a dense technical sentence far above grade 8: 0.39 × 8 + 11.8 × 25/8 − 15.59 = 24.405", () => {
    // re-gen-er-a-tive 5, med-i-cine 3, re-mains 2, in-ves-ti-ga-tion-al 6, for 1,
    // de-gen-er-a-tive 5, disc 1, dis-ease 2: 25 syllables in 8 words.
    const text = "Regenerative medicine remains investigational for degenerative disc disease.";
    expect(readingStats(text)).toMatchObject({ sentences: 1, words: 8, syllables: 25 });
    expect(readingGrade(text)).toBeCloseTo(24.405, 10);
  });

  it("counts text without an end mark as one sentence", () => {
    expect(readingStats("The cat sat on the mat")).toMatchObject({ sentences: 1, words: 6 });
  });

  it("is NaN for text without words", () => {
    expect(readingGrade("")).toBeNaN();
    expect(readingGrade(" … ")).toBeNaN();
  });

  it("rises with longer sentences and longer words", () => {
    const plain = "Most back pain gets better. It can take a few weeks.";
    const dense =
      "Spontaneous improvement of persistent lumbar symptoms frequently requires considerable time.";
    expect(readingGrade(plain)).toBeLessThan(readingGrade(dense));
  });
});
