import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { programmeCopy, programmeCopyEs } from "./programme-copy";

const samples: Record<string, unknown[]> = {
  plan: ["Graded activity", 2, 6],
  weekOf: [2, 6],
  thisWeek: [1, 2],
  soFar: [4, 12],
  weeksOnPlan: [1, 2],
  startsOn: ["Monday 2 March 2026"],
  endedOn: ["Sunday 12 April 2026", 10, 12],
};
const texts = (copy: Record<string, unknown>): [string, string][] =>
  Object.entries(copy).map(([key, value]) => [
    key,
    typeof value === "function"
      ? (value as (...a: unknown[]) => string)(...(samples[key] ?? []))
      : String(value),
  ]);
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the exercise programme card's words", () => {
  for (const [key, text] of texts(programmeCopy))
    if (isProse(text))
      it(`"${key}" reads at grade 8 or below`, () => expect(readingGrade(text), text).toBeLessThanOrEqual(8));
  for (const [key, text] of texts(programmeCopyEs))
    if (isProse(text))
      it(`"${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () =>
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY));

  it("has a Spanish text for every English one, not a copy of it", () => {
    const es = new Map(texts(programmeCopyEs));
    for (const [key, text] of texts(programmeCopy)) {
      expect(es.has(key), key).toBe(true);
      expect(es.get(key), key).not.toBe(text);
    }
  });

  it("speaks of last week when only one week has passed", () => {
    expect(programmeCopy.weeksOnPlan(1, 1)).toBe("You did all your sessions last week.");
    expect(programmeCopy.weeksOnPlan(0, 1)).toBe("Last week you did fewer sessions than planned.");
    expect(programmeCopy.weeksOnPlan(2, 3)).toBe("You did all your sessions in 2 of the past 3 weeks.");
    for (const [on, past] of [
      [1, 1],
      [0, 1],
    ] as const) {
      expect(readingGrade(programmeCopy.weeksOnPlan(on, past))).toBeLessThanOrEqual(8);
      expect(spanishPerspicuity(programmeCopyEs.weeksOnPlan(on, past))).toBeGreaterThanOrEqual(
        SPANISH_MIN_PERSPICUITY,
      );
    }
  });

  it("says one session, not one sessions", () => {
    expect(programmeCopy.plan("Yoga", 1, 4)).toBe("Yoga: 1 session a week for 4 weeks");
    expect(programmeCopyEs.plan("Yoga", 1, 4)).toBe("Yoga: 1 sesión a la semana durante 4 semanas");
  });
});
