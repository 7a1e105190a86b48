/**
 * `evident analyze` end to end: the real command in a child process, on CSV files, compared with
 * what R computes for the same files (at 1e-6 relative). Expected values come from the statistics
 * library's R fixtures (packages/domain/src/stats/fixtures) and from ./fixtures/analyze.R, which
 * writes each case's arguments and R's answer in the command's own output shape. No database.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { mismatches } from "@evident/domain/stats/fixtures/compare";
import { describe, expect, it } from "vitest";
import { refuses, run, SPAWN_TIMEOUT, scratchFiles, succeeds } from "./analyze-run";
import { repoRoot as root } from "./run-cli";

const domainDir = path.join(root, "packages/domain/src/stats/fixtures");
const hereDir = path.join(root, "packages/cli/test/fixtures");
const json = (dir: string, name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8"));
const domain = (name: string) => path.join(domainDir, name);

const { scratch, csv } = scratchFiles();

describe.concurrent("evident analyze agrees with R on the cases analyze.R wrote", {
  timeout: SPAWN_TIMEOUT,
}, () => {
  const { cases } = json(hereDir, "analyze.json");

  it("reads a fixture that really has a byte-order mark, CRLF line ends and a quoted newline", () => {
    // A checkout that rewrote line ends would quietly stop testing the reader.
    const text = readFileSync(path.join(hereDir, "quirky.csv"), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"note"\r\n1,');
    expect(text).toContain('"seen twice, ""see letter""\nsecond line"');
  });

  it.each(Object.keys(cases))("%s", async (name) => {
    const args = (cases[name].args as string[]).map((a) =>
      a.replace("{domain}/", `${domainDir}/`).replace("{here}/", `${hereDir}/`),
    );
    expect(mismatches(await succeeds(args), cases[name].expected)).toEqual([]);
  });
});

describe.concurrent("evident analyze agrees with the statistics library's R fixtures", {
  timeout: SPAWN_TIMEOUT,
}, () => {
  it.each([0, 6, 9])("proportion: proportions.json case %i (prop.test, binom.test)", async (i) => {
    const c = json(domainDir, "proportions.json").cases[i];
    const args = [
      "proportion",
      "--successes",
      String(c.events),
      "--n",
      String(c.n),
      "--level",
      String(c.level),
    ];
    const expected = {
      estimate: c.proportion,
      wilson: [c.wilson.lower, c.wilson.upper],
      clopperPearson: [c.clopperPearson.lower, c.clopperPearson.upper],
    };
    expect(mismatches(await succeeds(args), expected)).toEqual([]);
  });

  it.each([
    ["odi95", "odi", "0.95"],
    ["nrs99", "nrs", "0.99"],
  ])("paired: change-scores.json %s (t.test paired)", async (key, scale, level) => {
    const expected = json(domainDir, "change-scores.json").pairedTTest[key];
    const args = ["paired", "--input", domain("change-scores.csv"), "--before", `${scale}_before`];
    const output = await succeeds([...args, "--after", `${scale}_after`, "--level", level]);
    expect(mismatches(output, { ...expected, dropped: 0 })).toEqual([]);
  });

  it("km by arm: survival.json (survfit, print.survfit, survdiff)", async () => {
    const r = json(domainDir, "survival.json");
    const args = ["km", "--input", domain("survival.csv"), "--time", "time", "--event", "status"];
    const output = await succeeds([...args, "--group", "arm"]);
    const expected = ["conventional", "injection", "surgery"].map((name) => {
      const arm = r.kaplanMeier.arms[name];
      return {
        name,
        n: arm.n,
        events: arm.events,
        median: arm.median.estimate,
        medianLower: arm.median.lower,
        medianUpper: arm.median.upper,
        curve: arm.steps
          .filter((s: any) => s.nEvent > 0)
          .map((s: any) => ({
            time: s.time,
            atRisk: s.nRisk,
            events: s.nEvent,
            survival: s.survival,
            lower: s.lower,
            upper: s.upper,
          })),
      };
    });
    const { chiSquare, df, p } = r.logRank.arms;
    expect(mismatches(output, { groups: expected, logrank: { chisq: chiSquare, df, p } })).toEqual([]);
    // A median the upper limit never reaches is null, not a number.
    expect(output.groups[0].medianUpper).toBeNull();
  });

  it("logistic: regression.json (glm binomial)", async () => {
    const r = json(domainDir, "regression.json").logistic.full;
    const args = ["logistic", "--input", domain("regression.csv"), "--outcome", "responder"];
    const output = await succeeds([...args, "--covariates", "age,baseline_odi,opioid"]);
    const coefficients = r.coefficients.map((c: any) => ({
      name: c.name,
      beta: c.estimate,
      se: c.se,
      p: c.p,
    }));
    expect(output.coefficients[0].name).toBe("(Intercept)");
    expect(mismatches(output, { n: r.n, coefficients })).toEqual([]);
  });

  const iptw = (outcome: string) => [
    "iptw",
    "--input",
    domain("weighting.csv"),
    "--treatment",
    "treated",
    "--outcome",
    outcome,
    "--covariates",
    "age,baseline_odi,duration,opioid",
    "--trim",
    "1",
  ];

  it("iptw, mean change: weighting.json (glm, lm + sandwich HC0, E-value)", async () => {
    const r = json(domainDir, "weighting.json");
    const output = await succeeds(iptw("odi_change"));
    const { treatedMean, untreatedMean, difference, standardized } = r.meanDifference.truncated;
    const expected = {
      weights: { limits: r.weights.truncationLimits },
      balance: r.balance,
      effect: { type: "continuous", treatedMean, untreatedMean, difference, standardized },
      eValue: r.eValues.standardizedDifference.expected,
    };
    expect(mismatches(output, expected)).toEqual([]);
  });

  it("iptw, responders: weighting.json (risk difference, risk ratio, E-value)", async () => {
    const r = json(domainDir, "weighting.json");
    const output = await succeeds(iptw("responder"));
    const expected = {
      effect: { type: "binary", ...r.responderEffect.truncated },
      eValue: r.eValues.riskRatio.expected,
    };
    expect(mismatches(output, expected)).toEqual([]);
  });
});

describe.concurrent("evident analyze", { timeout: SPAWN_TIMEOUT }, () => {
  it("reads the CSV from standard input with --input -", async () => {
    const file = path.join(hereDir, "all-events.csv");
    const args = ["--time", "time", "--event", "status"];
    const [fromStdin, fromFile] = await Promise.all([
      succeeds(["km", "--input", "-", ...args], readFileSync(file, "utf8")),
      succeeds(["km", "--input", file, ...args]),
    ]);
    expect(fromStdin).toEqual(fromFile);
  });

  it("gives the same bootstrap interval for the same seed, and another for another seed", async () => {
    const args = [
      "iptw",
      "--input",
      domain("weighting.csv"),
      "--treatment",
      "treated",
      "--outcome",
      "odi_change",
    ];
    const run = (seed: string) =>
      succeeds([...args, "--covariates", "age,opioid", "--bootstrap", "50", "--seed", seed]);
    const [a, b, c] = await Promise.all([run("7"), run("7"), run("8")]);
    expect(a.bootstrap).toEqual(b.bootstrap);
    expect(a.bootstrap.lower).not.toBe(c.bootstrap.lower);
    expect(a.bootstrap.estimate).toBe(a.effect.difference.estimate);
    expect(a.bootstrap.lower).toBeLessThan(a.bootstrap.estimate);
    expect(a.bootstrap.upper).toBeGreaterThan(a.bootstrap.estimate);
    expect(a.bootstrap.replicates + a.bootstrap.failed).toBe(50);
  });

  it("gives a null log-rank test when the group column has a single value", async () => {
    const file = csv("time,status,arm\n3,1,a\n5,0,a\n6,1,a\n");
    const output = await succeeds([
      "km",
      "--input",
      file,
      "--time",
      "time",
      "--event",
      "status",
      "--group",
      "arm",
    ]);
    expect(output.groups.map((g: any) => g.name)).toEqual(["a"]);
    expect(output.logrank).toBeNull();
  });

  it("documents the output of every subcommand in --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const word of [
      "proportion",
      "paired",
      "km",
      "cox",
      "logistic",
      "iptw",
      "clopperPearson",
      "logrank",
    ]) {
      expect(stdout).toContain(word);
    }
  });

  it("documents the km output fields in km --help", async () => {
    const { code, stdout } = await run(["km", "--help"]);
    expect(code).toBe(0);
    for (const field of ["medianLower", "medianUpper", "atRisk", "survival", "chisq", "not reached"]) {
      expect(stdout).toContain(field);
    }
  });
});

describe.concurrent("evident analyze refuses bad input with exit 2 and a JSON error naming it", {
  timeout: SPAWN_TIMEOUT,
}, () => {
  const survival = ["--input", domain("survival.csv"), "--time", "time", "--event", "status"];

  it("a missing file", async () => {
    const issue = await refuses([
      "km",
      "--input",
      path.join(scratch, "nope.csv"),
      "--time",
      "t",
      "--event",
      "e",
    ]);
    expect(issue).toMatchObject({ path: "--input", error: expect.stringMatching(/nope\.csv.*not found/) });
  });

  it("a column that is not in the file, listing those that are", async () => {
    const issue = await refuses(["km", ...survival.slice(0, 2), "--time", "months", "--event", "status"]);
    expect(issue).toMatchObject({ path: "--time", error: 'column "months" not found' });
    expect(issue.message).toContain('"baseline_odi"');
  });

  it("a value that is not a number, with its column and row", async () => {
    const file = csv("time,status\n3,1\n5,0\nsoon,1\n");
    const issue = await refuses(["km", "--input", file, "--time", "time", "--event", "status"]);
    expect(issue).toMatchObject({
      path: "--time",
      error: 'column "time", row 3 (line 4): "soon" is not a number',
    });
  });

  it("a row number that counts records, not lines, when a quoted field holds a newline", async () => {
    const file = csv('time,status,note\n3,1,"two\nlines"\n5,x,\n');
    const issue = await refuses(["km", "--input", file, "--time", "time", "--event", "status"]);
    expect(issue).toMatchObject({
      path: "--event",
      error: 'column "status", row 2 (line 4): "x" is not 0 or 1',
    });
  });

  it("an event that is not 0 or 1", async () => {
    const issue = await refuses(["km", ...survival.slice(0, 4), "--event", "age"]);
    expect(issue).toMatchObject({
      path: "--event",
      error: 'column "age", row 1 (line 2): "34" is not 0 or 1',
    });
  });

  it("a missing value outside paired, with its row", async () => {
    const file = csv("time,status,age\n3,1,50\n5,0,\n");
    const issue = await refuses([
      "cox",
      "--input",
      file,
      "--time",
      "time",
      "--event",
      "status",
      "--covariates",
      "age",
    ]);
    expect(issue).toMatchObject({
      path: "--covariates",
      error: 'column "age" has no value in row 2 (line 3)',
    });
  });

  it("a negative time", async () => {
    const issue = await refuses([
      "km",
      "--input",
      csv("time,status\n3,1\n-2,0\n"),
      "--time",
      "time",
      "--event",
      "status",
    ]);
    expect(issue).toMatchObject({ path: "--time", error: expect.stringContaining("row 2 (line 3)") });
  });

  it("a text covariate (factors must be coded 0/1 first)", async () => {
    const issue = await refuses(["cox", ...survival, "--covariates", "age,arm"]);
    expect(issue).toMatchObject({
      path: "--covariates",
      error: expect.stringContaining('column "arm", row 1'),
    });
  });

  it("too few rows: a header and nothing else", async () => {
    const issue = await refuses([
      "km",
      "--input",
      csv("time,status\n"),
      "--time",
      "time",
      "--event",
      "status",
    ]);
    expect(issue).toMatchObject({ path: "--input", error: expect.stringMatching(/^too few rows/) });
  });

  it("too few complete pairs for a paired t-test", async () => {
    const file = csv("before,after\n40,30\n50,\n,20\n");
    const issue = await refuses(["paired", "--input", file, "--before", "before", "--after", "after"]);
    expect(issue).toMatchObject({ path: "--input", error: expect.stringMatching(/too few rows.*got 1/) });
  });

  it("a row with more fields than the header", async () => {
    const issue = await refuses([
      "km",
      "--input",
      csv("time,status\n3,1\n5,0,7\n"),
      "--time",
      "time",
      "--event",
      "e",
    ]);
    expect(issue).toMatchObject({
      path: "--input",
      error: expect.stringContaining("row 2 (line 3) has 3 fields"),
    });
  });

  it("a quote that is never closed", async () => {
    const issue = await refuses([
      "km",
      "--input",
      csv('time,status\n3,"1\n5,0\n'),
      "--time",
      "time",
      "--event",
      "e",
    ]);
    expect(issue).toMatchObject({ path: "--input", error: expect.stringContaining("opened on line 2") });
  });

  it("an unknown subcommand", async () => {
    const issue = await refuses(["survival", ...survival]);
    expect(issue.error).toBe('unknown subcommand "survival"');
    expect(issue.message).toContain("km");
  });

  it("an unknown option", async () => {
    const issue = await refuses(["km", ...survival, "--strata", "arm"]);
    expect(issue).toMatchObject({ path: "--strata", error: "unknown option --strata" });
  });

  it("a required option left out", async () => {
    const issue = await refuses(["cox", ...survival]);
    expect(issue).toMatchObject({ path: "--covariates", error: "missing --covariates" });
  });

  it("an option value out of range", async () => {
    const weighting = [
      "--input",
      domain("weighting.csv"),
      "--treatment",
      "treated",
      "--outcome",
      "odi_change",
    ];
    const issue = await refuses(["iptw", ...weighting, "--covariates", "age", "--trim", "60"]);
    expect(issue).toMatchObject({ path: "--trim", error: expect.stringContaining("between 0 and 50") });
  });

  it("more successes than trials", async () => {
    const issue = await refuses(["proportion", "--successes", "5", "--n", "3"]);
    expect(issue.path).toBe("--successes");
  });

  it("a model the data cannot support, in terms of the options", async () => {
    const file = csv("time,status,a,b\n1,1,1,2\n2,0,2,4\n3,1,3,6\n4,1,4,8\n5,0,5,10\n");
    const issue = await refuses([
      "cox",
      "--input",
      file,
      "--time",
      "time",
      "--event",
      "status",
      "--covariates",
      "a,b",
    ]);
    expect(issue.path).toBe("--covariates");
  });
});
