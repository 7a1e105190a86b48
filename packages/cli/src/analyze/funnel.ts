/**
 * `evident analyze funnel`: clinics compared on a 0/1 outcome, risk-adjusted by a logistic model
 * fitted on all clinics pooled, with the funnel plot's control limits (Spiegelhalter 2005, Stat
 * Med 24:1185). The same computation as the registry's clinic benchmarking, on any CSV.
 */
import { FUNNEL_Z95, FUNNEL_Z998, funnelPlot, INTERCEPT } from "@evident/domain/stats";
import { labels, requireRows, zeroOne } from "./columns";
import { COVARIATES_HELP, readCovariates } from "./covariates";
import { given, readTable, type Subcommand } from "./options";

const help = `Usage: evident analyze funnel --input FILE --clinic COL --outcome COL --covariates A,B

Funnel plot of clinics on a 0/1 outcome (e.g. responder), indirectly standardised: a logistic
regression of the outcome on the covariates over all clinics pooled gives each patient's
expected probability p̂; each clinic's ratio is observed ÷ expected.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --clinic COL      the clinic (or any unit) of each row, as text
  --outcome COL     1 = yes, 0 = no
${COVARIATES_HELP}

Output:
  {"model": {"coefficients": [{"name": "${INTERCEPT}" or a column, "beta": log odds (ratio),
                               "se": standard error, "p": Wald p}, …]},
   "clinics": [{"name", "n": rows, "observed": Σ outcome, "expected": Σ p̂,
                "ratio": observed ÷ expected,
                "lower95", "upper95": 1 ∓ ${FUNNEL_Z95}·√V ÷ expected, V = Σ p̂(1 − p̂),
                "lower998", "upper998": the same with z = ${FUNNEL_Z998} (99.8%),
                "outside95", "outside998": whether the ratio falls outside those limits}, …]}
  Clinics in the order they first appear. The limits are the normal approximation (a lower
  limit can be below 0 for a small clinic).

Matches R: glm(outcome ~ A + B, family = binomial()), then per clinic sum(y), sum(fitted),
and 1 ± z * sqrt(sum(p * (1 - p))) / sum(p).`;

export const funnel: Subcommand = {
  summary: "clinics' risk-adjusted 0/1 outcome with funnel-plot limits",
  help,
  options: ["input", "clinic", "outcome", "covariates"],
  required: ["input", "clinic", "outcome", "covariates"],
  paths: { y: "--outcome", units: "--clinic", covariates: "--covariates" },
  run(options) {
    const table = readTable(given(options, "input"));
    const clinic = labels(table, given(options, "clinic"), "--clinic");
    const outcome = zeroOne(table, given(options, "outcome"), "--outcome");
    const covariates = readCovariates(table, given(options, "covariates"));
    requireRows(outcome.length, Object.keys(covariates).length + 2, "this funnel plot's risk model");
    const { model, units } = funnelPlot(clinic, outcome, covariates);
    return {
      model: {
        coefficients: model.coefficients.map((c) => ({ name: c.name, beta: c.estimate, se: c.se, p: c.p })),
      },
      clinics: units.map((u) => ({
        name: u.name,
        n: u.n,
        observed: u.observed,
        expected: u.expected,
        ratio: u.ratio,
        lower95: u.lower95,
        upper95: u.upper95,
        lower998: u.lower998,
        upper998: u.upper998,
        outside95: u.outside95,
        outside998: u.outside998,
      })),
    };
  },
};
