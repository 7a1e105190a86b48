import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import { odi, odiBand } from "./odi";

const all = (v: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, v]));

describe("Oswestry Disability Index v2.1a", () => {
  it("scores 0 when every section is at its first statement and 100 at its last", () => {
    expect(odi.score(all(0)).score).toBe(0);
    expect(odi.score(all(5)).score).toBe(100);
  });

  it("scores 100 × sum / 50 with all ten sections answered", () => {
    const answers = { ...all(2), odi_1: 4, odi_10: 0 }; // sum = 2×8 + 4 + 0 = 20
    expect(odi.score(answers).score).toBe(40);
  });

  it("divides by 45 when one section is missing", () => {
    const answers = { ...all(3), odi_8: null }; // 9 sections × 3 = 27
    expect(odi.score(answers).score).toBeCloseTo((100 * 27) / 45, 12);
    expect(odi.score(answers).extras?.sectionsAnswered).toBe(9);
  });

  it("refuses an ODI with two sections missing", () => {
    const answers = { ...all(3), odi_8: null, odi_9: undefined };
    const r = odi.score(answers);
    expect(r.score).toBeNull();
    expect(r.reason).toMatch(/2 sections unanswered/);
  });

  it("puts scores in Fairbank's bands, upper bounds inclusive", () => {
    expect(odiBand(0)).toBe("minimal disability");
    expect(odiBand(20)).toBe("minimal disability");
    expect(odiBand(22)).toBe("moderate disability");
    expect(odiBand(60)).toBe("severe disability");
    expect(odiBand(62)).toBe("crippled");
    expect(odiBand(100)).toBe("bed-bound or exaggerating");
  });

  it("always scores within 0–100 and equals the proportional formula", () => {
    const section = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 8 });
    fc.assert(
      fc.property(fc.array(section, { minLength: 10, maxLength: 10 }), (values) => {
        const answers = Object.fromEntries(values.map((v, i) => [`odi_${i + 1}`, v]));
        const answered = values.filter((v): v is number => v !== null);
        const r = odi.score(answers);
        if (answered.length < 9) return r.score === null;
        const expected = (100 * answered.reduce((a, b) => a + b, 0)) / (5 * answered.length);
        return r.score !== null && r.score >= 0 && r.score <= 100 && Math.abs(r.score - expected) < 1e-9;
      }),
    );
  });

  it("names each bad item: out of range, wrong type and unknown ids", () => {
    expect(() => scoreAnswers("odi", { ...all(1), odi_2: 6, odi_3: "2", odi_11: 1 })).toThrowError(
      expect.objectContaining({
        status: 400,
        issues: [
          { path: "answers.odi_2", message: "must be one of 0, 1, 2, 3, 4, 5" },
          { path: "answers.odi_3", message: "must be one of 0, 1, 2, 3, 4, 5" },
          { path: "answers.odi_11", message: "unknown item for odi" },
        ],
      }),
    );
  });
});
