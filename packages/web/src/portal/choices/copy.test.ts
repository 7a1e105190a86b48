import { readingGrade } from "@evident/domain/readability/reading-grade";
import { describe, expect, it } from "vitest";
import { choiceCopy } from "./copy";

const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the values step and the summary", () => {
  for (const [key, text] of Object.entries(choiceCopy).filter(([, t]) => isProse(t)))
    it(`${key} reads at grade 8 or below`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
});
