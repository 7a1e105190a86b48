import { describe, expect, it } from "vitest";
import { medianInterval } from "../stats/median-interval";
import type { BaselineProfile, RegistryCase } from "./comparable";
import { typicalCourse } from "./typical-course";

const me: BaselineProfile = { odi: 40, startBack: "medium", symptomWeeks: 60, age: 55 };
const own = { treatmentId: "mine", treatmentKind: "epidural_steroid_injection" };
const timepoints = ["baseline", "2w", "6w", "3m"];

/** `n` injections like me (or `over`), back pain 7 before, `after(i)` at 3 months (null: missed). */
function cases(
  n: number,
  after: (i: number) => number | null,
  over: Partial<BaselineProfile> = {},
  kind = "epidural_steroid_injection",
): RegistryCase[] {
  return Array.from({ length: n }, (_, i) => ({
    treatmentId: `${kind}-${JSON.stringify(over)}-${i}`,
    treatmentKind: kind,
    baseline: { ...me, ...over },
    before: 7,
    followUps: [{ timepoint: "3m", after: after(i) }],
  }));
}

describe("the typical course of people like you", () => {
  it("gives each time point where 30 or more like the patient answered: due, answered, median with its interval", () => {
    const scores = (i: number) => (i < 36 ? i % 8 : null); // 36 answered of 40 due
    const course = typicalCourse(
      me,
      own,
      [...cases(40, scores), ...cases(50, () => 1, { odi: 80 })],
      timepoints,
      30,
    );
    const answered = Array.from({ length: 36 }, (_, i) => i % 8).sort((a, b) => a - b);
    const ci = medianInterval(answered)!;
    expect(course).toMatchObject({
      usable: true,
      treated: 40,
      criteria: ["odi", "startBack", "duration", "age"],
    });
    expect(course.points).toEqual([
      { timepoint: "baseline", due: 40, n: 40, median: 7, medianCI: [7, 7], q1: 7, q3: 7 },
      // Sorted: 0–3 five times each, 4–7 four times: type-7 quantiles at positions 8.75, 17.5, 26.25.
      { timepoint: "3m", due: 40, n: 36, median: 3, medianCI: [ci.lower, ci.upper], q1: 1, q3: 5 },
    ]);
  });

  it("is withheld below 30 like the patient, and gives no count then", () => {
    const course = typicalCourse(
      me,
      own,
      cases(29, () => 3),
      timepoints,
      30,
    );
    expect(course).toEqual({
      usable: true,
      minimum: 30,
      criteria: ["odi"],
      widened: ["age", "duration", "startBack"],
      treated: null,
      points: [],
    });
    // 35 treated but only 29 answered at 3 months: still withheld.
    const fewAnswers = typicalCourse(
      me,
      own,
      cases(35, (i) => (i < 29 ? 3 : null)),
      timepoints,
      30,
    );
    expect(fewAnswers.points).toEqual([]);
    expect(JSON.stringify(fewAnswers)).not.toMatch(/\b(29|35)\b/);
  });

  it("leaves the patient's own treatment out, and matches only the same treatment kind", () => {
    const mine: RegistryCase = { ...cases(1, () => 0)[0]!, treatmentId: "mine" };
    const course = typicalCourse(
      me,
      own,
      [mine, ...cases(29, () => 3), ...cases(40, () => 3, {}, "fusion")],
      timepoints,
      30,
    );
    expect(course.points).toEqual([]);
  });

  it("widens age first when too few match on every criterion, and says so", () => {
    const course = typicalCourse(
      me,
      own,
      [...cases(20, () => 3), ...cases(20, () => 4, { age: 80 })],
      timepoints,
      30,
    );
    expect(course).toMatchObject({
      criteria: ["odi", "startBack", "duration"],
      widened: ["age"],
      treated: 40,
    });
  });

  it("finds nobody like a patient with no Oswestry score from before the treatment", () => {
    const course = typicalCourse(
      { ...me, odi: null },
      own,
      cases(100, () => 3),
      timepoints,
      30,
    );
    expect(course).toMatchObject({ usable: false, treated: null, points: [] });
  });
});
