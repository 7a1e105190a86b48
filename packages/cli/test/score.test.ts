/**
 * `evident score` end to end: the real command in a child process, one example per instrument,
 * the missing-data rules and every kind of refusal (exit 2 with issues naming the item). The
 * expected numbers are worked by hand from each instrument's rule and, for PROMIS-29 and
 * EQ-5D-5L, read from the source tables. No database.
 */
import { describe, expect, it } from "vitest";
import { runCliJson } from "./run-cli";

const score = (args: readonly unknown[], stdin = "") => runCliJson("score", args, stdin);

const range = (prefix: string, n: number, value: (i: number) => unknown) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, value(i + 1)]));

describe("evident score: one example per instrument", () => {
  it("nrs_back and nrs_leg: the rating", async () => {
    expect(await score(["nrs_back", { nrs_back: 7 }])).toMatchObject({
      code: 0,
      json: { instrument: "nrs_back", version: "1.0", score: 7 },
    });
    expect((await score(["nrs_leg", { nrs_leg: 0 }])).json).toEqual({
      instrument: "nrs_leg",
      version: "1.0",
      score: 0,
    });
  });

  it("odi: 100 × sum / 50 with its Fairbank band", async () => {
    // 2+1+3+2+2+1+0+1+2+1 = 15 → 30%.
    const answers = {
      odi_1: 2,
      odi_2: 1,
      odi_3: 3,
      odi_4: 2,
      odi_5: 2,
      odi_6: 1,
      odi_7: 0,
      odi_8: 1,
      odi_9: 2,
      odi_10: 1,
    };
    const r = await score(["odi", answers]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      instrument: "odi",
      version: "2.1a",
      score: 30,
      band: "moderate disability",
      sectionsAnswered: 10,
    });
  });

  it("rmdq: the count of yes", async () => {
    const answers = range("rmdq_", 24, (i) => i <= 9);
    expect((await score(["rmdq", answers])).json).toEqual({
      instrument: "rmdq",
      version: "24-item",
      score: 9,
    });
  });

  it("peg: the mean of three", async () => {
    expect((await score(["peg", { peg_1: 6, peg_2: 7, peg_3: 8 }])).json).toEqual({
      instrument: "peg",
      version: "1.0",
      score: 7,
    });
  });

  it("pgic: the category number and its label", async () => {
    expect((await score(["pgic", { pgic: 2 }])).json).toEqual({
      instrument: "pgic",
      version: "7-point",
      score: 2,
      category: "much improved",
      improvement: "moderate",
      clinicallyImportant: true,
    });
  });

  it("startback: total, distress subscale and group", async () => {
    // Agree with 1, 5, 6, 7; item 9 "very much" (3) counts 1: total 5, subscale 4 → high.
    const answers = { ...range("sb_", 8, (i) => ([1, 5, 6, 7].includes(i) ? 1 : 0)), sb_9: 3 };
    expect((await score(["startback", answers])).json).toEqual({
      instrument: "startback",
      version: "9-item",
      score: 5,
      subscale: 4,
      group: "high",
    });
  });

  it("promis29: score null, T-score and SE per domain, pain intensity raw", async () => {
    const answers = {
      ...{ PFA11: 4, PFA21: 3, PFA23: 3, PFA53: 3 }, // 13 → 37.9 / 2.4
      ...{ EDANX01: 2, EDANX40: 2, EDANX41: 3, EDANX53: 2 }, // 9 → 57.7 / 2.6
      ...{ EDDEP04: 5, EDDEP06: 5, EDDEP29: 5, EDDEP41: 5 }, // 20 → 79.4 / 3.6
      ...{ HI7: 3, AN3: 3, FATEXP41: 2, FATEXP40: 2 }, // 10 → 53.1 / 2.4
      ...{ Sleep109: 3, Sleep116: 3, Sleep20: 3, Sleep44: 3 }, // 12 → 54.3 / 3.4
      ...{ SRPPER11_CaPS: 4, SRPPER18_CaPS: 4, SRPPER23_CaPS: 4, SRPPER46_CaPS: null }, // incomplete
      ...{ PAININ9: 4, PAININ22: 4, PAININ31: 3, PAININ34: 3 }, // 14 → 63.8 / 1.8
      Global07: 6,
    };
    const r = await score(["promis29", answers]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      instrument: "promis29",
      version: "2.1",
      score: null,
      reason: "PROMIS-29 has no single score: see domains (T-score and SE each) and painIntensity",
      domains: {
        physical_function: { raw: 13, tScore: 37.9, se: 2.4 },
        anxiety: { raw: 9, tScore: 57.7, se: 2.6 },
        depression: { raw: 20, tScore: 79.4, se: 3.6 },
        fatigue: { raw: 10, tScore: 53.1, se: 2.4 },
        sleep_disturbance: { raw: 12, tScore: 54.3, se: 3.4 },
        social_roles: {
          raw: null,
          tScore: null,
          se: null,
          reason: "1 of 4 items unanswered; all 4 are needed",
        },
        pain_interference: { raw: 14, tScore: 63.8, se: 1.8 },
      },
      painIntensity: 6,
      domainsScored: 6,
    });
  });

  it("eq5d5l: the VAS, the index under both value sets and the profile", async () => {
    const answers = { eq5d_mo: 2, eq5d_sc: 1, eq5d_ua: 3, eq5d_pd: 5, eq5d_ad: 4, eq5d_vas: 55 };
    expect((await score(["eq5d5l", answers])).json).toEqual({
      instrument: "eq5d5l",
      version: "5L",
      score: 55,
      index: { us: 0.09, england: 0.259 }, // both as in the 3,125-state source table
      profile: "21354",
    });
  });
});

describe("evident score: missing data", () => {
  it("prints a null ODI score with the reason when two sections are missing, and exits 0", async () => {
    const answers = { ...range("odi_", 10, () => 3), odi_8: null, odi_9: null };
    const r = await score(["odi", answers]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      instrument: "odi",
      version: "2.1a",
      score: null,
      reason: "2 sections unanswered; at most 1 may be missing",
    });
  });

  it("treats an absent answer like null: no EQ-5D index without every dimension", async () => {
    const r = await score(["eq5d5l", { eq5d_mo: 1, eq5d_vas: 90 }]);
    expect(r.json).toMatchObject({ score: 90, index: null, profile: null });
  });

  it("reads the answers from stdin with '-'", async () => {
    const r = await score(["peg", "-"], JSON.stringify({ peg_1: 1, peg_2: 2, peg_3: 3 }));
    expect(r).toMatchObject({ code: 0, json: { score: 2 } });
  });
});

describe("evident score: refusals exit 2 and name each bad item", () => {
  it("names out-of-range, wrong-type and unknown items in one run", async () => {
    const r = await score(["odi", { odi_1: 6, odi_2: "3", odi_3: 2.5, odi_12: 1 }]);
    expect(r.code).toBe(2);
    expect(r.json).toEqual({
      error: "4 fields are invalid",
      issues: [
        { path: "odi_1", message: "must be one of 0, 1, 2, 3, 4, 5" },
        { path: "odi_2", message: "must be one of 0, 1, 2, 3, 4, 5" },
        { path: "odi_3", message: "must be one of 0, 1, 2, 3, 4, 5" },
        { path: "odi_12", message: "unknown item for odi" },
      ],
    });
  });

  it("refuses a yes/no answer given as a number", async () => {
    const r = await score(["rmdq", { rmdq_4: 1 }]);
    expect(r).toMatchObject({
      code: 2,
      json: { issues: [{ path: "rmdq_4", message: "must be true or false" }] },
    });
  });

  it("refuses an unknown instrument, naming it", async () => {
    const r = await score(["vas", { vas: 3 }]);
    expect(r.code).toBe(2);
    expect(r.json.issues).toEqual([
      { path: "instrument", message: expect.stringMatching(/^unknown instrument "vas"/) },
    ]);
  });

  it("refuses malformed JSON, and reports an unknown instrument in the same run", async () => {
    const r = await score(["nope", "{odi_1: 2"]);
    expect(r.code).toBe(2);
    expect(r.json.issues.map((i: { path: string }) => i.path)).toEqual(["instrument", "answers"]);
    expect(r.json.issues[1].message).toMatch(/^is not valid JSON/);
  });

  it("refuses answers that are not a JSON object", async () => {
    const r = await score(["peg", "[6, 7, 8]"]);
    expect(r).toMatchObject({
      code: 2,
      json: { issues: [{ path: "answers", message: "answers must be an object keyed by item id" }] },
    });
  });

  it("refuses missing arguments with usage on stderr", async () => {
    const r = await score(["odi"]);
    expect(r).toMatchObject({ code: 2, json: { issues: [{ path: "answers", message: "is required" }] } });
    expect(r.stderr).toMatch(/^Usage: evident score/);
  });

  it("documents what score means per instrument, and PROMIS-29's null score, in --help", async () => {
    const child = await score(["--help"]);
    expect(child.code).toBe(0);
    const help = child.json.unparsed as string;
    expect(help).toMatch(/PROMIS-29 has no single score: its "score" is always null/);
    for (const id of ["nrs_back", "odi", "rmdq", "peg", "pgic", "startback", "promis29", "eq5d5l"])
      expect(help).toMatch(new RegExp(`^  ${id} `, "m"));
  });
});
