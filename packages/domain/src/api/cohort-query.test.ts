import { describe, expect, it } from "vitest";
import { isEvidentError } from "../errors";
import { suppressSmallRows } from "../outcomes/small-cells";
import { cohortFromQuery } from "./cohort-query";

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
