import { describe, expect, it } from "vitest";
import { readingGrade } from "../readability/reading-grade";
import { wilsonInterval } from "../stats/proportions";
import {
  type BaselineProfile,
  comparableCriteria,
  comparablePatients,
  durationBand,
  type RegistryCase,
} from "./comparable";

const me: BaselineProfile = { odi: 40, startBack: "medium", symptomWeeks: 60, age: 55 };

/** `n` cases of fusion at `timepoint` with this baseline; the first `responders` improved 7 → 3. */
function cases(
  n: number,
  responders: number,
  over: Partial<BaselineProfile> = {},
  timepoint = "12m",
  kind = "fusion",
): RegistryCase[] {
  return Array.from({ length: n }, (_, i) => ({
    treatmentId: `${kind}-${timepoint}-${JSON.stringify(over)}-${i}`,
    treatmentKind: kind,
    baseline: { ...me, ...over },
    before: 7,
    followUps: [{ timepoint, after: i < responders ? 3 : 7 }],
  }));
}

const fusion = (c: ReturnType<typeof comparablePatients>) => c.items.find((i) => i.optionId === "fusion")!;

describe("people like you", () => {
  it("counts only patients of the same kind similar on every known criterion, with n and a Wilson interval", () => {
    const all = [
      ...cases(30, 18),
      ...cases(20, 20, { odi: 70 }), // more disabled: not like me
      ...cases(20, 20, { startBack: "high" }),
      ...cases(20, 20, { symptomWeeks: 10 }), // under 6 months
      ...cases(20, 20, { age: 30 }),
      ...cases(20, 20, {}, "12m", "discectomy"),
    ];
    const result = fusion(comparablePatients(me, all, 30));
    const ci = wilsonInterval(18, 30);
    expect(result).toEqual({
      optionId: "fusion",
      treatmentKind: "fusion",
      match: "exact",
      criteria: ["odi", "startBack", "duration", "age"],
      widened: [],
      figure: {
        timepoint: "12m",
        treated: 30,
        due: 30,
        n: 30,
        responders: 18,
        share: 0.6,
        shareCI: [ci.lower, ci.upper],
        range: { due: 30, missing: 0, lower: 0.6, upper: 0.6 },
      },
    });
  });

  it("gives how many were treated and due, how many answered, and the range the missing could move the share over", () => {
    const like = (
      i: number,
      followUps: RegistryCase["followUps"],
      before: number | null = 7,
    ): RegistryCase => ({
      treatmentId: `t${i}`,
      treatmentKind: "fusion",
      baseline: me,
      before,
      followUps,
    });
    const all = [
      // 32 answered before and after, 24 of them with less pain.
      ...Array.from({ length: 32 }, (_, i) => like(i, [{ timepoint: "12m", after: i < 24 ? 3 : 7 }])),
      // 3 answered at 12 months but gave no back pain before; 5 did not answer.
      ...Array.from({ length: 3 }, (_, i) => like(100 + i, [{ timepoint: "12m", after: 2 }], null)),
      ...Array.from({ length: 5 }, (_, i) => like(200 + i, [{ timepoint: "12m", after: null }])),
      // 10 treated more recently: not yet due at 12 months.
      ...Array.from({ length: 10 }, (_, i) => like(300 + i, [])),
    ];
    expect(fusion(comparablePatients(me, all, 30)).figure).toMatchObject({
      timepoint: "12m",
      treated: 50,
      due: 40,
      n: 32,
      responders: 24,
      share: 0.75,
      // 8 of the 40 due are missing: 24/40 if none of them improved, 32/40 if all did.
      range: { due: 40, missing: 8, lower: 0.6, upper: 0.8 },
    });
  });

  it("treats ±10 Oswestry points and the same duration band as similar", () => {
    const all = [
      ...cases(15, 5, { odi: 30, symptomWeeks: 30 }),
      ...cases(15, 5, { odi: 50, symptomWeeks: 103 }),
    ];
    expect(fusion(comparablePatients(me, all, 30)).figure?.n).toBe(30);
    expect(fusion(comparablePatients(me, [...all.slice(1), ...cases(1, 0, { odi: 51 })], 30)).figure).toBe(
      null,
    );
    expect(durationBand(25).id).toBe("under-6-months");
    expect(durationBand(26).id).toBe("6-months-to-2-years");
    expect(durationBand(104).id).toBe("over-2-years");
  });

  it("uses the latest of 12, 6 and 3 months that reaches 30", () => {
    const all = [...cases(29, 10, {}, "12m"), ...cases(31, 10, {}, "6m"), ...cases(80, 10, {}, "3m")];
    expect(fusion(comparablePatients(me, all, 30)).figure).toMatchObject({ timepoint: "6m", n: 31 });
  });

  it("widens age first, then duration, then STarT Back, and says which; never the Oswestry score", () => {
    const older = cases(30, 15, { age: 75 });
    expect(fusion(comparablePatients(me, older, 30))).toMatchObject({
      criteria: ["odi", "startBack", "duration"],
      widened: ["age"],
      figure: { n: 30 },
    });
    const unlike = cases(30, 15, { age: 75, symptomWeeks: 500, startBack: "low" });
    expect(fusion(comparablePatients(me, unlike, 30))).toMatchObject({
      criteria: ["odi"],
      widened: ["age", "duration", "startBack"],
      figure: { n: 30 },
    });
    const moreDisabled = cases(100, 50, { odi: 80 });
    expect(fusion(comparablePatients(me, moreDisabled, 30))).toMatchObject({
      criteria: ["odi"],
      widened: ["age", "duration", "startBack"],
      figure: null,
    });
  });

  it("shows no number and no count below 30", () => {
    const result = fusion(comparablePatients(me, cases(29, 29), 30));
    expect(result.figure).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/29/);
  });

  it("does not apply a criterion the patient has not given, and says so", () => {
    const c = comparablePatients({ ...me, startBack: null }, cases(30, 10, { startBack: "high" }), 30);
    expect(c.known).toEqual(["odi", "duration", "age"]);
    expect(c.unknown).toEqual(["startBack"]);
    expect(fusion(c)).toMatchObject({ criteria: ["odi", "duration", "age"], widened: [], figure: { n: 30 } });
  });

  it("finds nobody like a patient with no Oswestry score", () => {
    const c = comparablePatients({ ...me, odi: null }, cases(100, 50), 30);
    expect(c.usable).toBe(false);
    expect(c.items.every((i) => i.figure === null)).toBe(true);
  });

  it("without a patient, counts everyone treated with the option's kind", () => {
    const c = comparablePatients(null, [...cases(20, 5, { odi: 10 }), ...cases(20, 5, { odi: 90 })], 30);
    expect(fusion(c)).toMatchObject({ criteria: [], widened: [], figure: { n: 40, responders: 10 } });
  });

  it("says which care a broader registry kind records, and gives no figure for a kind with no patients", () => {
    const c = comparablePatients(me, cases(40, 10, {}, "3m", "medication"), 30);
    expect(c.items.filter((i) => i.figure).map((i) => [i.optionId, i.match])).toEqual([
      ["nsaids", "broader"],
      ["opioids", "broader"],
    ]);
    expect(c.items.find((i) => i.optionId === "acupuncture")).toMatchObject({
      treatmentKind: "acupuncture",
      match: "exact",
      figure: null,
    });
  });

  it("describes each criterion to the patient in plain words", () => {
    for (const k of comparableCriteria)
      for (const text of [k.words(me), k.unknownWords])
        expect(readingGrade(`People like you had ${text}.`), text).toBeLessThanOrEqual(8);
  });
});
