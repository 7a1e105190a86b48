import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { choiceCopy, choiceCopyEs } from "./copy";

// As in ../copy.test.ts: readability formulas mean little on labels under four words.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;
const texts = (value: unknown): string[] =>
  typeof value === "function" ? [value(1), value(3)] : [value as string];

describe("the values step and the summary", () => {
  for (const [key, value] of Object.entries(choiceCopy))
    for (const text of texts(value).filter(isProse))
      it(`${key} reads at grade 8 or below`, () => {
        expect(readingGrade(text), text).toBeLessThanOrEqual(8);
      });

  for (const [key, value] of Object.entries(choiceCopyEs))
    for (const text of texts(value).filter(isProse))
      it(`${key} in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
      });

  it("has Spanish for every key, not copies of the English", () => {
    expect(Object.keys(choiceCopyEs).sort()).toEqual(Object.keys(choiceCopy).sort());
    for (const key of Object.keys(choiceCopy) as (keyof typeof choiceCopy)[])
      if (key !== "download") expect(texts(choiceCopyEs[key]), key).not.toEqual(texts(choiceCopy[key]));
  });
});
