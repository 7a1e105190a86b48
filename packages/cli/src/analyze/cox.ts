/**
 * `evident analyze cox`: Cox proportional hazards regression with Efron ties, as R's coxph with
 * its defaults; hazard ratios with Wald intervals as summary.coxph prints them.
 */
import { coxRegression } from "@evident/domain/stats";
import { requireRows, times, zeroOne } from "./columns";
import { COVARIATES_HELP, readCovariates } from "./covariates";
import { confidenceLevel, given, LEVEL_HELP, readTable, type Subcommand } from "./options";

const help = `Usage: evident analyze cox --input FILE --time COL --event COL --covariates A,B [--level L]

Cox proportional hazards regression: how each covariate changes the hazard of the event
(e.g. reoperation), adjusted for the others. Tied event times use Efron's method.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --time COL        time to the event or to censoring (a number ≥ 0)
  --event COL       1 = the event happened at that time, 0 = censored
${COVARIATES_HELP}
${LEVEL_HELP}

Output:
  {"n": patients, "events": events, "ties": "efron",
   "coefficients": [{"name": column, "beta": log hazard ratio, "se": its standard error,
                     "hr": hazard ratio, "lower": …, "upper": … (interval for hr), "p": Wald p}, …],
   "converged": false when Newton–Raphson stopped at 20 iterations (then do not trust the fit)}

Matches R: coxph(Surv(time, event) ~ A + B) and summary() of it.`;

export const cox: Subcommand = {
  summary: "Cox proportional hazards regression (Efron ties)",
  help,
  options: ["input", "time", "event", "covariates", "level"],
  required: ["input", "time", "event", "covariates"],
  paths: { time: "--time", event: "--event", covariates: "--covariates", level: "--level" },
  run(options) {
    const level = confidenceLevel(options);
    const table = readTable(given(options, "input"));
    const time = times(table, given(options, "time"), "--time");
    const event = zeroOne(table, given(options, "event"), "--event").map((e) => e === 1);
    const covariates = readCovariates(table, given(options, "covariates"));
    requireRows(time.length, Object.keys(covariates).length + 1, "this Cox model");
    const fit = coxRegression({ time, event, covariates }, level);
    return {
      n: fit.n,
      events: fit.events,
      ties: "efron",
      coefficients: fit.coefficients.map((c) => ({
        name: c.name,
        beta: c.estimate,
        se: c.se,
        hr: c.hazardRatio,
        lower: c.lower,
        upper: c.upper,
        p: c.p,
      })),
      converged: fit.converged,
    };
  },
};
