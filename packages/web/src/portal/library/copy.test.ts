import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { libraryCopy, libraryCopyEs } from "./copy";

// As in ../copy.test.ts: readability formulas mean little on labels under four words.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;
const texts = (value: unknown): string[] =>
  typeof value === "function" ? [value("2026.12.1", "7 December 2026")] : [value as string];

describe("the library's screens", () => {
  for (const [key, value] of Object.entries(libraryCopy))
    for (const text of texts(value).filter(isProse))
      it(`${key} reads at grade 8 or below`, () => {
        expect(readingGrade(text), text).toBeLessThanOrEqual(8);
      });

  for (const [key, value] of Object.entries(libraryCopyEs))
    for (const text of texts(value).filter(isProse))
      it(`${key} in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
      });

  it("has Spanish for every key, not copies of the English", () => {
    expect(Object.keys(libraryCopyEs).sort()).toEqual(Object.keys(libraryCopy).sort());
    for (const key of Object.keys(libraryCopy) as (keyof typeof libraryCopy)[])
      expect(texts(libraryCopyEs[key]), key).not.toEqual(texts(libraryCopy[key]));
  });
});
