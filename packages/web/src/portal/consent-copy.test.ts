import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { consentCopy, consentCopyEs } from "./consent-copy";

const samples: Record<string, unknown[]> = {
  signed: ["2 March 2026"],
  withdrawnOn: ["2 March 2026"],
  hashLine: ["0123456789abcdef"],
};
const render = (key: string, value: unknown): string =>
  typeof value === "function"
    ? (value as (...a: unknown[]) => string)(...(samples[key] ?? []))
    : (value as string);
// Readability formulas mean little on labels under four words.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the consent pages' words", () => {
  for (const [key, value] of Object.entries(consentCopy)) {
    const text = render(key, value);
    if (isProse(text))
      it(`"${key}" reads at grade 8 or below`, () => expect(readingGrade(text), text).toBeLessThanOrEqual(8));
  }
  for (const [key, value] of Object.entries(consentCopyEs)) {
    const text = render(key, value);
    if (isProse(text))
      it(`"${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () =>
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY));
  }

  it("has a Spanish text for every English one, not a copy of it", () => {
    expect(Object.keys(consentCopyEs).sort()).toEqual(Object.keys(consentCopy).sort());
    for (const key of Object.keys(consentCopy) as (keyof typeof consentCopy)[])
      expect(render(key, consentCopyEs[key]), key).not.toBe(render(key, consentCopy[key]));
  });
});
