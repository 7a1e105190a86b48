import { describe, expect, it } from "vitest";
import { SPANISH_MIN_PERSPICUITY, spanishPerspicuity } from "../readability/spanish";
import { type BaselineProfile, comparableCriteria, criterionIds, durationBands } from "./comparable";
import { comparableCriteriaEs, criterionWords } from "./comparable-es";

const me: BaselineProfile = { odi: 40, startBack: "medium", symptomWeeks: 60, age: 55 };

describe("'people like you' in Spanish", () => {
  it("has Spanish words for every criterion, with the patient's own value and the same windows", () => {
    expect(Object.keys(comparableCriteriaEs).sort()).toEqual([...criterionIds].sort());
    expect(comparableCriteriaEs.odi.words(me)).toBe(
      "unos puntos de vida diaria a 10 o menos de los suyos (40 de 100)",
    );
    expect(comparableCriteriaEs.startBack.words(me)).toMatch(/\(riesgo medio\)$/);
    expect(comparableCriteriaEs.age.words(me)).toBe("una edad a 10 años o menos de la suya (55)");
    for (const band of durationBands) {
      const weeks = Number.isFinite(band.below) ? band.below - 1 : 200;
      expect(comparableCriteriaEs.duration.words({ ...me, symptomWeeks: weeks })).toMatch(/como usted$/);
    }
  });

  it("picks the language, and the unknown wording when the value is not known", () => {
    const odi = comparableCriteria.find((c) => c.id === "odi")!;
    expect(criterionWords(odi, me, true, "en")).toBe(odi.words(me));
    expect(criterionWords(odi, me, false, "en")).toBe(odi.unknownWords);
    expect(criterionWords(odi, me, false, "es")).toBe(comparableCriteriaEs.odi.unknownWords);
  });

  it(`reads at ${SPANISH_MIN_PERSPICUITY} or more on INFLESZ, as the screen puts it`, () => {
    for (const id of criterionIds)
      for (const text of [comparableCriteriaEs[id].words(me), comparableCriteriaEs[id].unknownWords]) {
        const sentence = `Las personas como usted tenían ${text}.`;
        expect(spanishPerspicuity(sentence), sentence).toBeGreaterThanOrEqual(SPANISH_MIN_PERSPICUITY);
      }
  });
});
