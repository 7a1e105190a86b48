/**
 * `evident analyze logistic`: logistic regression, fitted step for step as R's
 * glm(family = binomial()), so the standard errors agree with R's to many digits.
 */
import { INTERCEPT, logisticRegression } from "@evident/domain/stats";
import { requireRows, zeroOne } from "./columns";
import { COVARIATES_HELP, readCovariates } from "./covariates";
import { given, readTable, type Subcommand } from "./options";

const help = `Usage: evident analyze logistic --input FILE --outcome COL --covariates A,B

Logistic regression of a 0/1 outcome (e.g. responder) on covariates: log odds ratios.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --outcome COL     1 = yes, 0 = no
${COVARIATES_HELP}

Output:
  {"n": rows, "coefficients": [{"name": "${INTERCEPT}" or a column, "beta": log odds (ratio),
                                "se": standard error, "p": Wald p}, …],
   "converged": false when the fit stopped at 25 iterations (e.g. perfect separation)}

Matches R: summary(glm(outcome ~ A + B, family = binomial()))$coefficients.`;

export const logistic: Subcommand = {
  summary: "logistic regression of a 0/1 outcome",
  help,
  options: ["input", "outcome", "covariates"],
  required: ["input", "outcome", "covariates"],
  paths: { y: "--outcome", covariates: "--covariates" },
  run(options) {
    const table = readTable(given(options, "input"));
    const outcome = zeroOne(table, given(options, "outcome"), "--outcome");
    const covariates = readCovariates(table, given(options, "covariates"));
    requireRows(outcome.length, Object.keys(covariates).length + 2, "this logistic model");
    const fit = logisticRegression(outcome, covariates);
    return {
      n: fit.n,
      coefficients: fit.coefficients.map((c) => ({ name: c.name, beta: c.estimate, se: c.se, p: c.p })),
      converged: fit.converged,
    };
  },
};
