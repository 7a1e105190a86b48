/**
 * Checking intake answers: complete answers pass; a missing or null answer is a 422 naming it; a
 * malformed one a 400 naming each malformed field; the age may come from the record, and a typed
 * age that contradicts it is refused.
 */
import { describe, expect, it } from "vitest";
import { EvidentError } from "../errors";
import { triageIntake } from "./evaluate";
import { booleanAnswerIds, checkIntakeAnswers, parseIntakeAnswers } from "./intake";
import { allNo, base } from "./test-answers";

describe("parseIntakeAnswers", () => {
  const refusal = (raw: unknown) => {
    try {
      parseIntakeAnswers(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(EvidentError);
      return e as EvidentError;
    }
    throw new Error("expected a refusal");
  };
  const issuesOf = (raw: unknown) => refusal(raw).issues;

  it("accepts complete answers: true, false or unsure for every yes/no question", () => {
    const complete = { ...base, saddleNumbness: true, osteoporosis: "unsure" };
    expect(parseIntakeAnswers(complete)).toEqual(complete);
  });

  it("refuses with 422 an intake missing any yes/no answer, naming each one", () => {
    const e = refusal({ age: 40, painDurationWeeks: 0 });
    expect(e.status).toBe(422);
    expect(e.issues.map((i) => i.path)).toEqual([...booleanAnswerIds]);
    expect(e.issues[0]?.message).toBe('is required: answer true, false or "unsure"');
  });

  it("refuses with 422 a null answer, as if it were missing", () => {
    const e = refusal({ ...base, bladderDysfunction: null, cancerHistory: undefined });
    expect(e.status).toBe(422);
    expect(e.issues).toEqual([
      { path: "bladderDysfunction", message: 'is required: answer true, false or "unsure"' },
      { path: "cancerHistory", message: 'is required: answer true, false or "unsure"' },
    ]);
  });

  it("refuses with 400 a malformed answer, naming each malformed field (missing ones wait for the 422)", () => {
    const e = refusal({ age: 121, painDurationWeeks: -1, saddleNumbness: "yes", fever: true });
    expect(e.status).toBe(400);
    expect(e.issues).toEqual([
      { path: "age", message: "must be at most 120 years" },
      { path: "painDurationWeeks", message: "must not be negative" },
      { path: "saddleNumbness", message: 'must be true, false or "unsure"' },
      { path: "fever", message: "is not an intake question" },
    ]);
    expect(issuesOf({ ...base, age: -1, painDurationWeeks: 1.5 })).toEqual([
      { path: "age", message: "must be 0 to 120 years" },
      { path: "painDurationWeeks", message: "must be a whole number of weeks" },
    ]);
  });

  it("requires age and duration, and an object", () => {
    const e = refusal({ ...allNo });
    expect(e.status).toBe(422);
    expect(e.issues).toEqual([
      { path: "age", message: "is required" },
      { path: "painDurationWeeks", message: "is required" },
    ]);
    expect(issuesOf([])).toEqual([{ path: "", message: expect.any(String) }]);
    expect(issuesOf("{}")).toEqual([{ path: "", message: expect.any(String) }]);
  });

  it("triageIntake validates and evaluates in one step", () => {
    expect(triageIntake({ ...base, pulsatileAbdominalMass: true }).tier).toBe("emergency");
    expect(() => triageIntake({ age: "40" })).toThrow(EvidentError);
  });
});

describe("checkIntakeAnswers with the age on record", () => {
  const { age: _typed, ...noAge } = base;

  it("takes the age from the record when it is left out, and accepts a typed age that matches", () => {
    expect(checkIntakeAnswers(noAge, { ageOnRecord: 76 }).age).toBe(76);
    expect(checkIntakeAnswers({ ...noAge, age: 76 }, { ageOnRecord: 76 }).age).toBe(76);
  });

  it("refuses with 422 a typed age that contradicts the birth date, naming age under the prefix", () => {
    try {
      checkIntakeAnswers({ ...noAge, age: 45 }, { ageOnRecord: 76, at: "answers." });
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as EvidentError).status).toBe(422);
      expect((e as EvidentError).issues).toEqual([
        {
          path: "answers.age",
          message: expect.stringMatching(/does not match the birth date on record \(76 years/),
        },
      ]);
    }
  });
});
