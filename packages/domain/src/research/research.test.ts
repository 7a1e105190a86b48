import { describe, expect, it } from "vitest";
import { instruments } from "../instruments";
import { odi } from "../instruments/odi";
import { startBack } from "../instruments/startback";
import { cohortFilterSchema, describeCohort } from "./cohort";
import { ageBandOf, classKey, dayFromIndex, safeHarborAge, smallClasses } from "./deidentify";
import { outputValues } from "./outputs";
import {
  answerCode,
  dictionaryColumns,
  eventRows,
  mappingRows,
  recordColumns,
  redcapEvents,
  redcapFields,
} from "./redcap";
import { survivalOf } from "./survival";
import { codebookRows, headerOf, tidyFiles } from "./tidy";

describe("Safe Harbor de-identification", () => {
  it("shows ages up to 89 in years and every age over 89 as 90+", () => {
    expect([safeHarborAge(45), safeHarborAge(89), safeHarborAge(90), safeHarborAge(104)]).toEqual([
      "45",
      "89",
      "90+",
      "90+",
    ]);
    expect([ageBandOf(17), ageBandOf(18), ageBandOf(89), ageBandOf(90), ageBandOf(101)]).toEqual([
      "0-17",
      "18-29",
      "80-89",
      "90+",
      "90+",
    ]);
  });

  it("turns dates into days from the index treatment, blank without one", () => {
    expect(dayFromIndex("2026-03-01", "2026-03-15")).toBe(14);
    expect(dayFromIndex("2026-03-01", "2026-02-20")).toBe(-9);
    expect(dayFromIndex(null, "2026-02-20")).toBeNull();
  });

  it("suppresses every class of the quasi-identifiers under 11 and counts its patients", () => {
    const q = { ageBand: "50-59", sex: "female", condition: "spinal_stenosis", clinic: "a" };
    const small = smallClasses([
      { ...q, n: 11 },
      { ...q, sex: "male", n: 10 },
      { ...q, clinic: "b", n: 1 },
    ]);
    expect(small.patients).toBe(11);
    expect([...small.keys]).toEqual([classKey({ ...q, sex: "male" }), classKey({ ...q, clinic: "b" })]);
  });
});

describe("surgery-free survival per patient", () => {
  it("ends at the first later operation, else is censored at the last contact up to the export's day", () => {
    const conservative = { category: "injection", day: 0 };
    expect(
      survivalOf({
        treatments: [conservative, { category: "surgery", day: 200 }],
        answerDays: [300],
        today: 400,
      }),
    ).toEqual({ time: 200, event: 1 });
    expect(survivalOf({ treatments: [conservative], answerDays: [-5, 90, 180], today: 400 })).toEqual({
      time: 180,
      event: 0,
    });
    expect(survivalOf({ treatments: [conservative], answerDays: [500], today: 400 })).toEqual({
      time: 0,
      event: 0,
    });
    expect(
      survivalOf({ treatments: [{ category: "surgery", day: 0 }], answerDays: [], today: 400 }),
    ).toBeNull();
  });
});

describe("the REDCap project", () => {
  const fields = redcapFields();

  it("has REDCap's 18 dictionary columns in order and record_id first", () => {
    expect(dictionaryColumns).toHaveLength(18);
    expect(dictionaryColumns[0]).toBe("Variable / Field Name");
    expect(dictionaryColumns[17]).toBe("Field Annotation");
    expect(fields[0]!.name).toBe("record_id");
    expect(recordColumns(fields).slice(0, 2)).toEqual(["record_id", "redcap_event_name"]);
  });

  it("names every field validly and once, at most 26 characters", () => {
    const names = fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,25}$/);
  });

  it("makes one instrument per questionnaire with each item as a field", () => {
    for (const def of instruments) {
      const own = fields.filter((f) => f.form === def.id);
      expect(own.length, def.id).toBeGreaterThanOrEqual(def.items.length + 2);
    }
    const odi1 = fields.find((f) => f.name === "odi_1")!;
    expect(odi1.choices?.map((c) => c.code)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(fields.find((f) => f.name === "nrs_back")).toMatchObject({
      validation: "integer",
      min: 0,
      max: 10,
    });
  });

  it("has an event per follow-up timepoint, named as REDCap derives unique names", () => {
    expect(redcapEvents.map((e) => e.unique)).toEqual([
      "baseline_arm_1",
      "week_2_arm_1",
      "week_6_arm_1",
      "month_3_arm_1",
      "month_6_arm_1",
      "month_12_arm_1",
      "month_24_arm_1",
    ]);
    expect(eventRows()[1]).toEqual(["Week 2", "1", "week_2_arm_1", "14", "7", "7", ""]);
    const mapped = mappingRows(fields);
    expect(mapped).toContainEqual(["1", "baseline_arm_1", "participant"]);
    expect(mapped).not.toContainEqual(["1", "month_3_arm_1", "participant"]);
    expect(mapped).toContainEqual(["1", "month_3_arm_1", "odi"]);
  });

  it("codes answers as REDCap stores them", () => {
    expect([answerCode(true), answerCode(false), answerCode(3), answerCode(null)]).toEqual([
      "1",
      "0",
      "3",
      "",
    ]);
  });
});

describe("scores in the export", () => {
  it("re-derives the score and sub-scores from the answers", () => {
    const answers = Object.fromEntries(odi.items.map((i) => [i.id, 2]));
    expect(outputValues(odi, answers).score).toBe(40);
    const sb = { ...Object.fromEntries(startBack.items.map((i) => [i.id, 1])), sb_9: 4 };
    expect(outputValues(startBack, sb)).toMatchObject({ score: 9, subscale: 5, group: "high" });
  });
});

describe("the tidy files' codebook", () => {
  it("defines every column of every file", () => {
    const rows = codebookRows();
    for (const f of Object.values(tidyFiles))
      expect(rows.filter((r) => r[0] === f.file).map((r) => r[1])).toEqual(headerOf(f));
  });
});

describe("cohort filters", () => {
  it("accepts each filter and refuses unknown values and dates out of order, naming the field", () => {
    expect(
      cohortFilterSchema.safeParse({ sexes: ["female"], ageBands: ["90+"], treatedFrom: "2026-01-01" })
        .success,
    ).toBe(true);
    const bad = cohortFilterSchema.safeParse({
      ageBands: ["17-19"],
      treatedFrom: "2026-05-01",
      treatedTo: "2026-04-01",
      colour: "red",
    });
    expect(bad.success).toBe(false);
    expect(describeCohort({ sexes: ["female", "male"], treatedFrom: "2026-01-01" })).toBe(
      "sexes=female|male; treatedFrom=2026-01-01",
    );
    expect(describeCohort({})).toBe("every patient");
  });
});
