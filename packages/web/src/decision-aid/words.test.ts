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
const figure = { responders: 12, n: 34, share: 12 / 34, shareCI: [0.21, 0.52] as [number, number] };

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
  it("gives a clinic's figure with its n and interval, at grade 8 or below", () => {
    const s = clinicSentence(figure);
    expect(s).toBe("12 of 34 people (35%). The true share is likely between 21% and 52%.");
    expect(readingGrade(s)).toBeLessThanOrEqual(8);
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
      "12 de 34 personas (35\u00a0%). Lo más probable es que la proporción real esté entre 21\u00a0% y 52\u00a0%.",
    );
    expect(spanishPerspicuity(s)).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    expect(aidPhrasesEs.clinicResult("12m", "mejoraron al menos 2 puntos")).toBe(
      "Tuvieron menos dolor de espalda 12 meses después de empezar (mejoraron al menos 2 puntos).",
    );
  });
});
