import { describe, expect, it } from "vitest";
import { instruments } from "../instruments";
import { checkPlan, defaultPlan, followUpTimepoints, needsLicence, withoutUnlicensed } from "./plan";
import { scheduleFollowUps } from "./schedule";

const all = new Set(instruments.map((i) => i.id));
const none = new Set<string>();

describe("the measurement plan", () => {
  it("asks the core set at baseline with STarT Back, and at each follow-up without it but with the PGIC", () => {
    expect(defaultPlan.baseline).toEqual([
      "nrs_back",
      "nrs_leg",
      "odi",
      "peg",
      "promis29",
      "eq5d5l",
      "startback",
    ]);
    for (const t of followUpTimepoints(defaultPlan))
      expect(defaultPlan[t]).toEqual(["nrs_back", "nrs_leg", "odi", "peg", "promis29", "eq5d5l", "pgic"]);
    expect(followUpTimepoints(defaultPlan)).toEqual(["2w", "6w", "3m", "6m", "12m", "24m"]);
    expect(checkPlan(defaultPlan, all)).toEqual([]);
  });

  it("treats every instrument whose licence needs an agreement as licensed", () => {
    expect(instruments.filter((i) => needsLicence(i.id)).map((i) => i.id)).toEqual([
      "odi",
      "rmdq",
      "startback",
      "promis29",
      "eq5d5l",
    ]);
    expect(needsLicence("nrs_back")).toBe(false);
    expect(needsLicence("no-such-thing")).toBe(false);
  });

  it("starts a clinic without licences on the default plan minus the licensed instruments", () => {
    expect(withoutUnlicensed(defaultPlan, none)).toEqual({
      baseline: ["nrs_back", "nrs_leg", "peg"],
      "2w": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "6w": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "3m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "6m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "12m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "24m": ["nrs_back", "nrs_leg", "peg", "pgic"],
    });
    expect(withoutUnlicensed(defaultPlan, new Set(["odi"])).baseline).toEqual([
      "nrs_back",
      "nrs_leg",
      "odi",
      "peg",
    ]);
    expect(withoutUnlicensed({ baseline: ["nrs_back"], "2w": ["odi"] }, none)).toEqual({
      baseline: ["nrs_back"],
    });
  });

  it("names each bad field: unknown, twice, unlicensed, PGIC at baseline, an empty timepoint", () => {
    const issues = checkPlan(
      { baseline: ["nrs_back", "vas", "nrs_back", "odi", "pgic"], "2w": [], "6m": ["eq5d5l"] },
      new Set(["eq5d5l"]),
    );
    expect(issues.map((i) => i.path)).toEqual([
      "timepoints.baseline.1",
      "timepoints.baseline.2",
      "timepoints.baseline.3",
      "timepoints.baseline.4",
      "timepoints.2w",
    ]);
    expect(issues[0]!.message).toMatch(/^unknown questionnaire "vas"/);
    expect(issues[1]!.message).toBe("Back pain is listed twice");
    expect(issues[2]!.message).toMatch(/^ODI needs a licence from .*Mapi.*; an administrator must confirm/);
    expect(issues[3]!.message).toMatch(/cannot be asked at baseline/);
    expect(issues[4]!.message).toMatch(/needs at least one questionnaire/);
  });

  it("requires a baseline", () => {
    expect(checkPlan({ "2w": ["nrs_back"] }, none)).toEqual([
      {
        path: "timepoints.baseline",
        message: "is required: every patient answers a baseline before treatment",
      },
    ]);
  });

  it("schedules a treatment's follow-ups at the plan's timepoints only", () => {
    const plan = { baseline: ["nrs_back"], "6w": ["nrs_back"], "24m": ["nrs_back"] };
    expect(scheduleFollowUps("2026-01-31", followUpTimepoints(plan)).map((f) => f.timepoint)).toEqual([
      "6w",
      "24m",
    ]);
  });
});
