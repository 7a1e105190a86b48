import { readingGrade } from "@evident/domain/readability/reading-grade";
import { describe, expect, it } from "vitest";
import { intakeCopy } from "./copy";

// As in ../copy.test.ts: Flesch–Kincaid means little on labels under four words.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the safety questions' screens", () => {
  for (const [key, value] of Object.entries(intakeCopy)) {
    const texts = typeof value === "function" ? [value(1), value(3)] : [value];
    for (const text of texts.filter(isProse))
      it(`${key} reads at grade 8 or below`, () => {
        expect(readingGrade(text), text).toBeLessThanOrEqual(8);
      });
  }
});
