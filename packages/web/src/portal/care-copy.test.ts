import { withEmergencyNumber } from "@evident/domain";
import { problemAdviceEs, problemSymptomLabelsEs } from "@evident/domain/adverse-events/patient-report";
import { readingGrade } from "@evident/domain/readability/reading-grade";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "@evident/domain/readability/spanish";
import { describe, expect, it } from "vitest";
import { careCopy, careCopyEs } from "./care-copy";

// Samples for texts that take values; readability formulas mean little on labels under four words.
const samples: Record<string, unknown[]> = {
  savedMessage: [45],
  medicine: [1],
  removeMedicine: [1],
  mmeLine: [45],
  trendLabel: [14, "Monday 2 June: back 4, leg 2"],
  trendDay: ["2 June", 4, 2],
  adviceCertainty: ["expert judgement"],
  problemIntro: ["911"],
};
const render = (key: string, value: unknown): string =>
  typeof value === "function"
    ? (value as (...a: unknown[]) => string)(...(samples[key] ?? []))
    : (value as string);
const isProse = (text: string) => text.trim().split(/\s+/).length >= 4;

describe("the diary and problem pages' words", () => {
  for (const [key, value] of Object.entries(careCopy)) {
    const text = render(key, value);
    if (isProse(text))
      it(`"${key}" reads at grade 8 or below`, () => expect(readingGrade(text), text).toBeLessThanOrEqual(8));
  }
  for (const [key, value] of Object.entries(careCopyEs)) {
    const text = render(key, value);
    if (isProse(text))
      it(`"${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () =>
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY));
  }
  for (const [key, text] of [
    ...Object.entries(problemSymptomLabelsEs),
    ["advice.urgent", withEmergencyNumber(problemAdviceEs.urgent.text, "112")],
    ["advice.routine", withEmergencyNumber(problemAdviceEs.routine.text, "112")],
  ] as const)
    if (isProse(text))
      it(`problem report "${key}" in Spanish scores ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ`, () =>
        expect(spanishPerspicuity(text), text).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY));

  it("has a Spanish text for every English one, not a copy of it", () => {
    expect(Object.keys(careCopyEs).sort()).toEqual(Object.keys(careCopy).sort());
    for (const key of Object.keys(careCopy) as (keyof typeof careCopy)[])
      if (!["opioidsMme", "trendLabel"].includes(key))
        expect(render(key, careCopyEs[key]), key).not.toBe(render(key, careCopy[key]));
  });

  it("keeps the urgent advice urgent in Spanish: same call to action, the clinic's emergency number named", () => {
    expect(problemAdviceEs.urgent.urgent).toBe(true);
    expect(problemAdviceEs.routine.urgent).toBe(false);
    expect(problemAdviceEs.urgent.text).toMatch(/Llame a la clínica ahora/);
    expect(problemAdviceEs.urgent.text).toMatch(/urgencias/);
    expect(withEmergencyNumber(problemAdviceEs.urgent.text, "112")).toMatch(
      /Llame al 112 si no puede orinar/,
    );
    expect(careCopy.problemIntro("999")).toMatch(/call 999 now/);
    expect(careCopyEs.problemIntro("112")).toMatch(/llame al 112 ya/);
  });
});
