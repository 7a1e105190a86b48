/**
 * `evident analyze funnel` end to end: the real command on the statistics library's R fixture
 * (funnel.R: glm(binomial) and the limits computed in R), and its refusals of bad input.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { mismatches } from "@evident/domain/stats/fixtures/compare";
import { describe, expect, it } from "vitest";
import { refuses, run, SPAWN_TIMEOUT, scratchFiles, succeeds } from "./analyze-run";
import { repoRoot } from "./run-cli";

const fixtures = path.join(repoRoot, "packages/domain/src/stats/fixtures");
const r = JSON.parse(readFileSync(path.join(fixtures, "funnel.json"), "utf8"));
const input = path.join(fixtures, "funnel.csv");
const { csv } = scratchFiles();

const funnel = (file: string, ...rest: string[]) => [
  "funnel",
  "--input",
  file,
  "--clinic",
  "clinic",
  "--outcome",
  "responder",
  "--covariates",
  "age,female,baseline_odi,high_risk",
  ...rest,
];

describe.concurrent("evident analyze funnel", { timeout: SPAWN_TIMEOUT }, () => {
  it("agrees with R on funnel.json: the pooled glm and every clinic's O, E, ratio and limits", async () => {
    const output = await succeeds(funnel(input));
    const coefficients = r.model.coefficients.map((c: any) => ({
      name: c.name,
      beta: c.estimate,
      se: c.se,
      p: c.p,
    }));
    const clinics = r.units.map(({ variance: _, ...u }: any) => u);
    expect(mismatches(output, { model: { coefficients }, clinics })).toEqual([]);
  });

  it("prints exactly the contract's fields, intercept named as analyze logistic names it", async () => {
    const output = await succeeds(funnel(input));
    expect(Object.keys(output)).toEqual(["model", "clinics"]);
    expect(Object.keys(output.model)).toEqual(["coefficients"]);
    expect(Object.keys(output.model.coefficients[0])).toEqual(["name", "beta", "se", "p"]);
    expect(output.model.coefficients[0].name).toBe("(Intercept)");
    expect(Object.keys(output.clinics[0])).toEqual([
      "name",
      "n",
      "observed",
      "expected",
      "ratio",
      "lower95",
      "upper95",
      "lower998",
      "upper998",
      "outside95",
      "outside998",
    ]);
    expect(output.clinics.filter((c: any) => c.outside998).map((c: any) => c.name)).toEqual(["E"]);
  });

  it("is listed with its output in analyze --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("evident analyze funnel --input F --clinic COL --outcome COL --covariates A,B");
    expect(stdout).toContain("outside998");
  });
});

describe.concurrent("evident analyze funnel refuses bad input with exit 2 naming it", {
  timeout: SPAWN_TIMEOUT,
}, () => {
  it("a clinic column that is not in the file", async () => {
    const args = funnel(input);
    args[args.indexOf("clinic")] = "site";
    const issue = await refuses(args);
    expect(issue).toMatchObject({ path: "--clinic", error: 'column "site" not found' });
  });

  it("an outcome that is not 0/1, with its row", async () => {
    const file = csv("clinic,responder,age,female,baseline_odi,high_risk\nA,1,50,1,40,0\nB,2,60,0,30,1\n");
    const issue = await refuses(funnel(file));
    expect(issue).toMatchObject({
      path: "--outcome",
      error: 'column "responder", row 2 (line 3): "2" is not 0 or 1',
    });
  });

  it("a covariate that is not numeric", async () => {
    const file = csv("clinic,responder,age,female,baseline_odi,high_risk\nA,1,fifty,1,40,0\nB,0,60,0,30,1\n");
    const issue = await refuses(funnel(file));
    expect(issue).toMatchObject({
      path: "--covariates",
      error: 'column "age", row 1 (line 2): "fifty" is not a number',
    });
  });

  it("a clinic left blank", async () => {
    const file = csv("clinic,responder,age,female,baseline_odi,high_risk\n,1,50,1,40,0\n");
    const issue = await refuses(funnel(file));
    expect(issue).toMatchObject({
      path: "--clinic",
      error: expect.stringContaining("has no value in row 1"),
    });
  });

  it("an empty file", async () => {
    const issue = await refuses(funnel(csv("")));
    expect(issue).toMatchObject({ path: "--input", error: expect.stringContaining("the file is empty") });
  });

  it("a header without rows", async () => {
    const issue = await refuses(funnel(csv("clinic,responder,age,female,baseline_odi,high_risk\n")));
    expect(issue).toMatchObject({ path: "--input", error: expect.stringMatching(/^too few rows/) });
  });

  it("an unknown option", async () => {
    const issue = await refuses(funnel(input, "--level", "0.9"));
    expect(issue).toMatchObject({ path: "--level", error: "unknown option --level" });
    expect(issue.message).toContain("--clinic");
  });

  it("the clinic option left out", async () => {
    const args = funnel(input);
    args.splice(args.indexOf("--clinic"), 2);
    const issue = await refuses(args);
    expect(issue).toMatchObject({ path: "--clinic", error: "missing --clinic" });
  });
});
