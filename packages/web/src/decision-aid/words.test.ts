import { figureWords, type OutOf100 } from "@evident/domain/evidence";
import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import {
  aidPhrases,
  aidWords,
  certaintyLabels,
  clinicSentence,
  costLabels,
  criterionNames,
  groupLabels,
  speedLabels,
} from "./words";
import {
  aidPhrasesEs,
  aidWordsEs,
  certaintyLabelsEs,
  costLabelsEs,
  criterionNamesEs,
  groupLabelsEs,
  speedLabelsEs,
} from "./words-es";

const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

const table: OutOf100 = {
  design: "sham-arm",
  peopleLike: "Adults",
  timeFrame: "a los 12 meses",
  outcome: "felt better",
  rows: [{ label: "Shot", arm: "comparison", count: 33, countHigh: 56 }],
  note: "",
  sources: [],
};

/** The figure words in the domain (noComparison, noRating, where ranges come from), as prose. */
const figureProse = (lang: "en" | "es") => {
  const f = figureWords[lang];
  return [
    ...Object.values(f.noComparison),
    ...Object.values(f.noRating),
    ...Object.values(f.rangeFrom),
    f.noGroupSize,
  ];
};
const figure = {
  timepoint: "12m",
  treated: 79,
  due: 50,
  n: 34,
  responders: 12,
  share: 12 / 34,
  shareCI: [0.21, 0.52] as [number, number],
  range: { due: 50, missing: 16, lower: 12 / 50, upper: 28 / 50 },
};
const everyoneAnswered = { due: 34, missing: 0, lower: 12 / 34, upper: 12 / 34 };

describe("the decision aid's own words", () => {
  for (const [key, text] of Object.entries(aidWords).filter(([, t]) => isProse(t)))
    it(`${key} reads at grade 8 or below`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
  for (const text of figureProse("en"))
    it(`figure words read at grade 8 or below: ${text}`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
  it("frames an icon array's count both ways", () => {
    expect(
      aidPhrases.iconLabel({ label: "Shot", count: 44 }, { ...table, timeFrame: "after 12 months" }),
    ).toBe("Shot: 44 out of 100 people felt better, after 12 months; 56 did not.");
    expect(aidPhrases.howMany({ timeFrame: "after 12 months", outcome: "felt better" })).toBe(
      "After 12 months, how many felt better:",
    );
  });
  it("gives a clinic's figure both ways round with its n and interval, at grade 8 or below", () => {
    const s = clinicSentence(figure);
    expect(s).toBe(
      "12 of 34 people (35%) had less back pain; 22 (65%) did not. The true share is likely between 21% and 52%.",
    );
    expect(readingGrade(s)).toBeLessThanOrEqual(8);
  });

  it("says how many were treated, due and answered, and what the missing could change, at grade 8 or below", () => {
    const texts = [
      aidPhrases.clinicCounts(figure, true),
      aidPhrases.clinicCounts(figure, false),
      // The rule itself is a cited definition; the sentence around it is held to grade 8.
      aidPhrases.clinicResult("12m", "2 points or more"),
      aidPhrases.clinicMissing(figure.range),
      aidPhrases.clinicMissing(everyoneAnswered),
    ];
    expect(texts[0]).toBe(
      "79 people like you were treated here. 50 of them have reached 12 months. 34 of those 50 (68%) told us their back pain before and after.",
    );
    expect(texts[3]).toBe(
      "We do not know about the other 16 of the 50. If none of them had less pain, the share would be 24%. If all of them did, it would be 56%.",
    );
    for (const text of texts) expect(readingGrade(text), text).toBeLessThanOrEqual(8);
  });
});

describe("the decision aid's own words in Spanish", () => {
  for (const [key, text] of Object.entries(aidWordsEs).filter(([, t]) => isProse(t)))
    it(`${key} scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
      expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    });

  it("has every key and label of the English, translated", () => {
    const pairs: [Record<string, unknown>, Record<string, unknown>][] = [
      [aidWords, aidWordsEs],
      [aidPhrases, aidPhrasesEs],
      [groupLabels, groupLabelsEs],
      [certaintyLabels, certaintyLabelsEs],
      [speedLabels, speedLabelsEs],
      [costLabels, costLabelsEs],
      [criterionNames, criterionNamesEs],
    ];
    for (const [en, es] of pairs) {
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en))
        if (typeof en[key] === "string" && !["experimental", "low"].includes(key))
          expect(es[key], key).not.toBe(en[key]);
    }
  });

  for (const text of figureProse("es"))
    it(`figure words score ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ: ${text}`, () => {
      expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    });

  it("puts the same numbers in the same sentences, Spanish style", () => {
    expect(aidPhrasesEs.iconLabel(table.rows[0]!, table)).toBe(
      "Shot: 33 a 56 de cada 100 personas felt better, a los 12 meses; 44 a 67 no.",
    );
    expect(aidPhrasesEs.howMany(table)).toBe("A los 12 meses, cuántas personas felt better:");
    const s = aidPhrasesEs.clinicSentence(figure);
    expect(s).toBe(
      "12 de 34 personas (35\u00a0%) tuvieron menos dolor de espalda; 22 (65\u00a0%) no. Lo más probable es que la proporción real esté entre 21\u00a0% y 52\u00a0%.",
    );
    expect(spanishPerspicuity(s)).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    expect(aidPhrasesEs.clinicResult("12m", "mejoraron al menos 2 puntos")).toBe(
      "Contamos el dolor de espalda 12 meses después de empezar (mejoraron al menos 2 puntos).",
    );
    const texts = [
      aidPhrasesEs.clinicCounts(figure, true),
      aidPhrasesEs.clinicCounts(figure, false),
      aidPhrasesEs.clinicMissing(figure.range),
      aidPhrasesEs.clinicMissing(everyoneAnswered),
    ];
    expect(texts[2]).toBe(
      "No sabemos cómo están las otras 16 de las 50. Si ninguna tuviera menos dolor, la proporción sería 24\u00a0%. Si todas lo tuvieran, sería 56\u00a0%.",
    );
    for (const text of texts)
      expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
  });
});
