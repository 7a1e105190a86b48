import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { rmdq } from "./rmdq";

const all = (v: boolean) => Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`rmdq_${i + 1}`, v]));

describe("Roland–Morris Disability Questionnaire", () => {
  it("counts the yes answers: 0 for all no, 24 for all yes", () => {
    expect(rmdq.score(all(false))).toEqual({ score: 0 });
    expect(rmdq.score(all(true))).toEqual({ score: 24 });
  });

  it("scores 7 when statements 1, 3, 5, 7, 9, 11 and 24 apply", () => {
    const yes = [1, 3, 5, 7, 9, 11, 24];
    expect(
      rmdq.score({ ...all(false), ...Object.fromEntries(yes.map((i) => [`rmdq_${i}`, true])) }).score,
    ).toBe(7);
  });

  it("has no score when one statement is unanswered, rather than counting the blank as no", () => {
    const r = rmdq.score({ ...all(true), rmdq_13: null });
    expect(r.score).toBeNull();
    expect(r.reason).toBe("1 of 24 statements unanswered; every statement needs a yes or no");
    expect(rmdq.score({}).reason).toMatch(/^24 of 24/);
  });

  it("refuses numbers, strings and unknown items, naming each", () => {
    expect(() =>
      scoreAnswers("rmdq", { ...all(false), rmdq_2: 1, rmdq_3: "yes", rmdq_25: true }),
    ).toThrowError(
      expect.objectContaining({
        status: 400,
        issues: [
          { path: "answers.rmdq_2", message: "must be true or false" },
          { path: "answers.rmdq_3", message: "must be true or false" },
          { path: "answers.rmdq_25", message: "unknown item for rmdq" },
        ],
      }),
    );
  });

  it("always equals the count of yes answers when complete", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (values) => {
        const answers = Object.fromEntries(values.map((v, i) => [`rmdq_${i + 1}`, v]));
        return rmdq.score(answers).score === values.filter(Boolean).length;
      }),
    );
  });
});
