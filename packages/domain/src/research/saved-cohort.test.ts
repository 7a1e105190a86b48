import { describe, expect, it } from "vitest";
import { cohortLine, exportedCohort, recordedCohort, saveCohortSchema } from "./saved-cohort";

describe("saved cohorts", () => {
  it("prints the definition as one line in a fixed order with clinic names and en dashes", () => {
    const line = cohortLine(
      {
        name: "Older BMC",
        version: 2,
        scope: "clinic",
        filter: {
          sexes: ["female"],
          ageBands: ["40-49", "50-59"],
          treatmentKinds: ["bone_marrow_concentrate"],
          clinicIds: ["0190c0de-0000-7000-8000-000000000001"],
          treatedFrom: "2025-01-01",
          treatedTo: "2025-12-31",
        },
      },
      { "0190c0de-0000-7000-8000-000000000001": "North Clinic" },
    );
    expect(line).toBe(
      "Cohort 'Older BMC' v2: clinic North Clinic; Bone-marrow concentrate injection; age 40–49 or 50–59; female; treated 2025-01-01 to 2025-12-31",
    );
    expect(line).not.toContain("\n");
    const unnamed = cohortLine({
      name: "x",
      version: 1,
      scope: "clinic",
      filter: { clinicIds: ["0190c0de-0000-7000-8000-000000000001"] },
    });
    expect(unnamed).toBe("Cohort 'x' v1: 1 chosen clinic");
  });

  it("says every patient for an empty filter and marks a network cohort", () => {
    expect(cohortLine({ name: "All", version: 1, scope: "network", filter: {} })).toBe(
      "Cohort 'All' v1 (network): every patient",
    );
  });

  it("refuses a blank name, an unknown filter and dates out of order, naming each field", () => {
    const bad = saveCohortSchema.safeParse({
      name: "  ",
      filter: { sexes: ["robot"], treatedFrom: "2026-05-01", treatedTo: "2026-04-01" },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toContain("name");
    expect(paths).toContain("filter.sexes.0");
    const order = saveCohortSchema.safeParse({
      name: "x",
      filter: { treatedFrom: "2026-05-01", treatedTo: "2026-04-01" },
    });
    expect(order.error?.issues.map((i) => i.path.join("."))).toEqual(["filter.treatedFrom"]);
    expect(saveCohortSchema.parse({ name: " Over 60s ", filter: {} })).toEqual({
      name: "Over 60s",
      scope: "clinic",
      filter: {},
    });
  });
});

describe("a saved cohort recorded on an export", () => {
  const saved = {
    id: "0190c0de-0000-7000-8000-000000000002",
    clinicId: "0190c0de-0000-7000-8000-000000000001",
    name: "Women",
    version: 3,
    scope: "clinic" as const,
    filter: { sexes: ["female" as const] },
    createdAt: new Date("2026-01-01T00:00:00Z"),
  };

  it("records the name, version, id, line and filter, and reads them back", () => {
    const record = exportedCohort(saved);
    expect(record).toEqual({
      name: "Women",
      version: 3,
      id: saved.id,
      line: "Cohort 'Women' v3: female",
      filter: { sexes: ["female"] },
    });
    expect(recordedCohort(record)).toEqual({ filter: { sexes: ["female"] }, saved: record });
  });

  it("reads an ad hoc filter, as exports recorded it before, as the filter with no saved cohort", () => {
    expect(recordedCohort({ sexes: ["male"] })).toEqual({ filter: { sexes: ["male"] }, saved: null });
    expect(recordedCohort({})).toEqual({ filter: {}, saved: null });
  });
});
