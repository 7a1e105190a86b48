import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { copy } from "./copy";
import { copyEs } from "./copy-es";

// Samples for the texts that take a value. A date is measured as a short one ("Monday 2 June"):
// the names of days and months are words everyone knows, but in a one-line sentence their
// syllables would decide the grade on their own.
const samples: Record<string, unknown[]> = {
  welcome: ["Demo Spine Clinic"],
  homeIntro: ["Demo Spine Clinic"],
  hello: ["Ada"],
  welcomeTitle: ["Ada"],
  linkOnce: ["Monday 2 June"],
  answerBy: ["Monday 2 June"],
  opens: ["Monday 2 June"],
  sentOn: ["Monday 2 June"],
  backPainScore: [7],
  dailyLifeScore: [40],
  dueSummary: [2],
  questionOf: [3, 59],
  partOf: [2, 10],
  answeredOf: [12, 59],
  stillMissing: [3],
  changeAnswer: ["I felt fearful"],
  resumed: [12],
  baselineBefore: ["Monday 2 June"],
  baselineLate: ["Monday 2 June"],
};

const render = (key: string, value: unknown): string | null =>
  typeof value === "function"
    ? (value as (...a: unknown[]) => string)(...(samples[key] ?? []))
    : (value as string | null);

// Flesch–Kincaid measures sentences; on a one- or two-word label ("Password", "Progress") it only
// counts syllables, so labels under four words are left out.
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("patient-facing text", () => {
  for (const [key, value] of Object.entries(copy)) {
    const text = render(key, value);
    if (text === null || !isProse(text)) continue;
    it(`"${key}" reads at grade 8 or below`, () => {
      expect(readingGrade(text), text).toBeLessThanOrEqual(8);
    });
  }

  // The baseline notes are sentences a patient must understand (when their answers count); the
  // form's short labels predate the Spanish score and are measured by the reading of their page.
  for (const key of ["baselineBefore", "baselineLate"] as const) {
    const text = render(key, copyEs[key]) ?? "";
    it(`"${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
      expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    });
  }

  it("has a Spanish text for every English one, and says the questions are not yet translated", () => {
    for (const key of Object.keys(copy)) {
      const es = render(key, copyEs[key as keyof typeof copyEs]);
      expect(typeof es, key).toBe("string");
      if (key !== "no") expect(es, key).not.toBe(render(key, copy[key as keyof typeof copy]));
    }
    expect(copyEs.instrumentLanguage).toMatch(/pendiente de una traducción con licencia/);
  });
});

// The password-reset texts are new enough to be held to INFLESZ too (Spanish patient text ≥ 55).
const accountKeys = [
  "forgotIntro",
  "linkSent",
  "resetIntro",
  "resetDone",
  "resetLinkUsed",
  "changePasswordIntro",
  "passwordChanged",
] as const satisfies readonly (keyof typeof copyEs)[];

describe("Spanish password-reset text", () => {
  for (const key of accountKeys) {
    it(`"${key}" scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () => {
      expect(spanishPerspicuity(copyEs[key]), copyEs[key]).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
    });
  }
});
