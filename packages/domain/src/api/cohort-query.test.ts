import { describe, expect, it } from "vitest";
import { isEvidentError } from "../errors";
import { suppressSmallRows } from "../outcomes/small-cells";
import { BenchmarkQuery } from "./benchmarks";
import { cohortFromQuery } from "./cohort-query";
import { ComparisonQuery, changeMeasureIds, DistributionQuery, SurvivalQuery } from "./outcomes";

const issuesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isEvidentError(e)) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

describe("a cohort on the query string", () => {
  it("splits comma-separated lists into the shared filter and gives null without filters", () => {
    expect(cohortFromQuery({ sexes: "female, male", ageBands: "40-49", treatedFrom: "2025-01-01" })).toEqual({
      sexes: ["female", "male"],
      ageBands: ["40-49"],
      treatedFrom: "2025-01-01",
    });
    expect(cohortFromQuery({})).toBeNull();
    expect(cohortFromQuery({ cohort: "0190c0de-0000-7000-8000-000000000001" })).toBeNull();
  });

  it("names each bad value, and refuses a saved cohort together with filters", () => {
    expect(
      issuesOf(() => cohortFromQuery({ sexes: "robot", conditions: "disc_herniation_sciatica,gout" })),
    ).toEqual(["conditions.1", "sexes.0"]);
    expect(
      issuesOf(() => cohortFromQuery({ cohort: "0190c0de-0000-7000-8000-000000000001", sexes: "female" })),
    ).toEqual(["cohort"]);
  });
});

describe("suppression in a filtered view", () => {
  it("leaves out whole rows with 1 to 10 due, keeps 0 and 11 or more, and hides a patient count of 1 to 10", () => {
    const rows = [{ due: 0 }, { due: 1 }, { due: 10 }, { due: 11 }];
    expect(suppressSmallRows(rows, 10)).toEqual({
      rows: [{ due: 0 }, { due: 11 }],
      suppressedRows: 2,
      patients: null,
    });
    expect(suppressSmallRows(rows, 11).patients).toBe(11);
    expect(suppressSmallRows([], 0).patients).toBe(0);
  });
});

describe("the other outcomes views' queries", () => {
  it("take the cohort beside their own parameters on the distribution, survival, comparison and benchmarks", () => {
    const cohort = { sexes: "female", ageBands: "40-49" };
    expect(DistributionQuery.parse({ ...cohort, instrument: "promis29.fatigue" })).toMatchObject(cohort);
    expect(SurvivalQuery.parse(cohort)).toEqual(cohort);
    expect(BenchmarkQuery.parse(cohort)).toEqual({ ...cohort, measure: "odi" });
    expect(
      ComparisonQuery.parse({
        ...cohort,
        treatment: "medication",
        comparator: "fusion",
        instrument: "eq5d5l.index_us",
      }),
    ).toMatchObject(cohort);
  });

  it("accept every change measure as instrument and refuse a category measure, naming instrument", () => {
    for (const id of changeMeasureIds)
      expect(DistributionQuery.safeParse({ instrument: id }).success, id).toBe(true);
    const pgic = DistributionQuery.safeParse({ instrument: "pgic" });
    expect(pgic.success ? [] : pgic.error.issues.map((i) => i.path.join("."))).toEqual(["instrument"]);
  });

  it("refuse a comparison of a measure without a cited responder threshold, naming instrument", () => {
    const peg = ComparisonQuery.safeParse({
      treatment: "medication",
      comparator: "fusion",
      instrument: "peg",
    });
    expect(peg.success ? [] : peg.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["instrument", expect.stringMatching(/no cited responder threshold/)],
    ]);
  });
});
