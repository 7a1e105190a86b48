import { outcomeMeasures } from "@evident/domain/outcomes";
import { describe, expect, it } from "vitest";
import {
  betterText,
  improvementText,
  isChangeMeasure,
  isOrdinalMeasure,
  measureById,
  measureGroups,
  measuresFromParam,
  measuresParam,
  ruleSource,
} from "./measure-choice";

describe("measure choice", () => {
  it("offers every measure of the domain's table in exactly one group", () => {
    const grouped = measureGroups.flatMap((g) => g.ids);
    expect([...grouped].sort()).toEqual(outcomeMeasures.map((m) => m.id).sort());
  });

  it("defaults to back pain and ODI, as the server does, and keeps the default out of the address", () => {
    expect(measuresFromParam(null)).toEqual(["nrs_back", "odi"]);
    expect(measuresFromParam("nope")).toEqual(["nrs_back", "odi"]);
    expect(measuresParam(["odi", "nrs_back"])).toBeNull();
    expect(measuresParam([])).toBeNull();
  });

  it("puts a choice in the table's order and drops unknown ids", () => {
    expect(measuresParam(["pgic", "odi", "nrs_leg"])).toBe("nrs_leg,odi,pgic");
    expect(measuresFromParam("pgic,bogus,eq5d5l.index_us")).toEqual(["eq5d5l.index_us", "pgic"]);
  });

  it("treats PGIC as a share of answers, not a change", () => {
    const pgic = measureById("pgic")!;
    expect(isChangeMeasure("pgic")).toBe(false);
    expect(betterText(pgic)).toBe("A higher share is better");
    expect(ruleSource(pgic)).toMatchObject({ cited: "Farrar 2001; IMMPACT", certainty: "verified" });
  });

  it("reports a Pfirrmann grade as shifts, not a mean change, and the diary's MME as a change", () => {
    expect(isChangeMeasure("imaging.pfirrmann.L4-L5")).toBe(false);
    expect(isOrdinalMeasure("imaging.pfirrmann.L4-L5")).toBe(true);
    expect(isChangeMeasure("imaging.disc_height.L4-L5")).toBe(true);
    expect(isChangeMeasure("diary.mme")).toBe(true);
    expect(isOrdinalMeasure("diary.mme")).toBe(false);
  });

  it("says which way is better from the measure's direction", () => {
    expect(betterText(measureById("odi")!)).toBe("Lower is better");
    expect(betterText(measureById("promis29.physical_function")!)).toBe("Higher is better");
    expect(improvementText(measureById("eq5d5l.index_us")!)).toMatch(/^Above zero/);
    expect(improvementText(measureById("nrs_back")!)).toMatch(/^Below zero/);
  });

  it("gives a threshold's source and certainty, or why there is none", () => {
    expect(ruleSource(measureById("eq5d5l.index_england")!)).toMatchObject({ certainty: "partly" });
    expect(ruleSource(measureById("peg")!)).toMatchObject({ cited: null });
  });
});
