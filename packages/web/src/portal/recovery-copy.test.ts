import { treatmentKinds } from "@evident/domain";
import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { recoveryCopy, recoveryCopyEs, treatmentNamesEs } from "./recovery-copy";

// Samples for texts that take values; readability formulas mean little on labels under four words.
const samples: Record<string, unknown[]> = {
  treatedOn: ["Epidural steroid injection", "Friday 13 March 2026"],
  dayN: [10],
  questionnaireFor: ["2 weeks"],
  chartLabel: ["2 weeks: you 4, typical 5"],
  chartPoint: ["2 weeks", "4", "5"],
  typicalWho: [42],
  typicalWidened: ["age"],
  answeredOf: [41, 58],
  likelyRange: ["3", "5"],
};
const texts = (copy: Record<string, unknown>): [string, string][] =>
  Object.entries(copy).flatMap(([key, value]): [string, string][] => {
    if (typeof value === "function")
      return [[key, (value as (...a: unknown[]) => string)(...(samples[key] ?? []))]];
    if (typeof value === "string") return [[key, value]];
    return Object.entries(value as Record<string, string>).map(([k, v]) => [`${key}.${k}`, v]);
  });
// A treatment's name and a date are not prose, however many words they have.
const labels = new Set(["treatedOn"]);
const isProse = (key: string, text: string) => !labels.has(key) && text.trim().split(/\s+/).length >= 4;

describe("the recovery page's words", () => {
  for (const [key, text] of texts(recoveryCopy))
    if (isProse(key, text))
      it(`"${key}" reads at grade 8 or below`, () => expect(readingGrade(text), text).toBeLessThanOrEqual(8));
  for (const [key, text] of texts(recoveryCopyEs))
    if (isProse(key, text))
      it(`"${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () =>
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY));

  it("has a Spanish text for every English one, not a copy of it, and a label for every certainty", () => {
    const en = texts(recoveryCopy);
    const es = new Map(texts(recoveryCopyEs));
    expect([...es.keys()].sort()).toEqual(en.map(([k]) => k).sort());
    for (const [key, text] of en) expect(es.get(key), key).not.toBe(text);
    expect(Object.keys(recoveryCopy.certainty).sort()).toEqual(
      ["clinical experience", "expert opinion", "guideline", "trial evidence"].sort(),
    );
  });

  it("names every treatment kind in Spanish", () => {
    expect(Object.keys(treatmentNamesEs).sort()).toEqual(treatmentKinds.map((k) => k.id).sort());
  });
});
