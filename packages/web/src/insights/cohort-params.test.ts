import type { CohortCaption } from "@evident/domain/api";
import { CohortQuery, cohortFromQuery } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import {
  captionLines,
  captionOf,
  cohortQueryString,
  draftFromFilter,
  draftFromParams,
  emptyDraft,
  filterFromDraft,
  NOT_NARROWED,
  paramsFromDraft,
  replaceCohort,
  withCohort,
} from "./cohort-params";

const caption = (line: string, suppressedRows = 0): CohortCaption => ({
  line,
  id: null,
  version: null,
  suppressedRows,
});

describe("cohort in the address", () => {
  it("writes only the filters that narrow, lists comma-separated, and reads them back", () => {
    const draft = {
      ...emptyDraft(),
      sexes: ["female"],
      ageBands: ["40-49", "50-59"],
      treatedFrom: "2025-01-01",
    };
    const params = paramsFromDraft(draft);
    expect(params).toEqual({ ageBands: "40-49,50-59", sexes: "female", treatedFrom: "2025-01-01" });
    expect(draftFromParams(new URLSearchParams(params))).toEqual(draft);
  });

  it("gives the API exactly the filter the panel set", () => {
    const draft = {
      ...emptyDraft(),
      conditions: ["disc_herniation_sciatica", "spinal_stenosis"],
      baselineSeverity: ["severe", "crippled"],
    };
    const query = Object.fromEntries(
      new URLSearchParams(cohortQueryString(new URLSearchParams(paramsFromDraft(draft)))),
    );
    expect(cohortFromQuery(CohortQuery.parse(query))).toEqual(filterFromDraft(draft));
  });

  it("keeps the tab and the measures out of the API's cohort, in a fixed order", () => {
    const a = new URLSearchParams("view=survival&sexes=male&measures=odi&ageBands=30-39");
    const b = new URLSearchParams("ageBands=30-39&sexes=male");
    expect(cohortQueryString(a)).toBe("ageBands=30-39&sexes=male");
    expect(cohortQueryString(a)).toBe(cohortQueryString(b));
    expect(cohortQueryString(new URLSearchParams("view=survival"))).toBe("");
  });

  it("replaces the cohort and keeps the other parameters", () => {
    const before = new URLSearchParams("view=distribution&measures=odi,pgic&sexes=female");
    expect(replaceCohort(before, { cohort: "c1" }).toString()).toBe(
      "view=distribution&measures=odi%2Cpgic&cohort=c1",
    );
    expect(replaceCohort(new URLSearchParams("cohort=c1&view=survival"), null).toString()).toBe(
      "view=survival",
    );
  });

  it("adds the cohort to a path with or without a query", () => {
    expect(withCohort("/outcomes/survival", "sexes=female")).toBe("/outcomes/survival?sexes=female");
    expect(withCohort("/outcomes/distribution?instrument=odi", "cohort=x")).toBe(
      "/outcomes/distribution?instrument=odi&cohort=x",
    );
    expect(withCohort("/outcomes", "")).toBe("/outcomes");
  });

  it("starts editing from a saved cohort's filter, ignoring what is not a filter", () => {
    const draft = draftFromFilter({
      sexes: ["female"],
      treatedTo: "2025-06-30",
      other: 1,
      ageBands: "40-49",
    });
    expect(draft).toEqual({ ...emptyDraft(), sexes: ["female"], treatedTo: "2025-06-30" });
  });
});

describe("cohort caption under a figure", () => {
  it("says nothing when the page is unfiltered", () => {
    expect(captionLines(null, 1500, false, null)).toEqual([]);
  });

  it("prints the line, and the suppressed rows when there are any", () => {
    const c = caption("Cohort 'Older' v2 (network): female", 3);
    expect(captionLines(c, 120, true, c)).toEqual([
      "Cohort 'Older' v2 (network): female",
      "3 suppressed rows: left out for having 1 to 10 follow-ups due.",
    ]);
    expect(captionLines(caption("Filtered: male"), 80, true, caption("Filtered: male"))).toEqual([
      "Filtered: male",
    ]);
  });

  it("says a cohort of 1 to 10 patients is too small to show", () => {
    const c = caption("Filtered: age 90+");
    expect(captionLines(c, null, true, c)[1]).toMatch(/Too few patients to show/);
  });

  it("warns under a figure whose answer did not take the cohort", () => {
    const c = caption("Filtered: female");
    expect(captionOf({ groups: [] })).toBeUndefined();
    expect(captionLines(c, 50, true, captionOf({ groups: [] }))).toEqual(["Filtered: female", NOT_NARROWED]);
    expect(captionLines(c, 50, true, captionOf({ cohort: c }))).toEqual(["Filtered: female"]);
  });
});
