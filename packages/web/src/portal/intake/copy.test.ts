import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { intakeCopy, topicTitles } from "./copy";
import { intakeCopyEs, topicTitlesEs } from "./copy-es";

// As in ../copy.test.ts: readability formulas mean little on labels under four words.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;
const texts = (value: unknown): string[] =>
  typeof value === "function" ? [value(1), value(3)] : [value as string];

describe("the safety questions' screens", () => {
  for (const [key, value] of Object.entries(intakeCopy))
    for (const text of texts(value).filter(isProse))
      it(`${key} reads at grade 8 or below`, () => {
        expect(readingGrade(text), text).toBeLessThanOrEqual(8);
      });

  for (const [key, value] of Object.entries(intakeCopyEs))
    for (const text of texts(value).filter(isProse))
      it(`${key} in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
      });

  it("has Spanish words for every key and topic, not copies of the English", () => {
    expect(Object.keys(intakeCopyEs).sort()).toEqual(Object.keys(intakeCopy).sort());
    expect(Object.keys(topicTitlesEs).sort()).toEqual(Object.keys(topicTitles).sort());
    for (const key of Object.keys(intakeCopy) as (keyof typeof intakeCopy)[])
      if (key !== "no") expect(texts(intakeCopyEs[key]), key).not.toEqual(texts(intakeCopy[key]));
  });
});
