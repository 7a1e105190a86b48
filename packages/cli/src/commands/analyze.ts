/**
 * `evident analyze <subcommand>`: outcome statistics on a CSV file, for analysts and scripts.
 * Prints one JSON object on stdout; numbers are JSON numbers and an undefined value (a median
 * never reached) is null, never NaN. Invalid input exits 2 with {"error", "issues": [{path,
 * message}]} on stdout, each issue's path naming the option at fault ("--time"). The statistics
 * are @evident/domain/stats; the subcommands in ../analyze only read columns and present results.
 */
import { parseArgs } from "node:util";
import { ErrorCode, EvidentError, isEvidentError } from "@evident/domain/errors";
import { problem } from "../analyze/columns";
import { cox } from "../analyze/cox";
import { funnel } from "../analyze/funnel";
import { iptw } from "../analyze/iptw";
import { km } from "../analyze/km";
import { logistic } from "../analyze/logistic";
import type { Subcommand } from "../analyze/options";
import { paired } from "../analyze/paired";
import { proportion } from "../analyze/proportion";

const subcommands: Record<string, Subcommand> = { proportion, paired, km, cox, logistic, iptw, funnel };

const list = Object.entries(subcommands)
  .map(([name, s]) => `  ${name.padEnd(12)}${s.summary}`)
  .join("\n");

export const analyzeUsage = `Usage: evident analyze <subcommand> [options]

Outcome statistics on a CSV file (a header row; fields may be quoted; LF or CRLF). Each result
matches R's (the R function is named in each subcommand's help).

${list}

  evident analyze proportion --successes X --n N
      {"estimate", "wilson": [lower, upper], "clopperPearson": [lower, upper]}
  evident analyze paired --input F --before COL --after COL
      {"n", "meanChange", "lower", "upper", "t", "df", "p", "dropped"}
  evident analyze km --input F --time COL --event COL [--group COL]
      {"groups": [{"name", "n", "events", "median", "medianLower", "medianUpper",
                   "curve": [{"time", "atRisk", "events", "survival", "lower", "upper"}]}],
       "logrank": {"chisq", "df", "p"}}
  evident analyze cox --input F --time COL --event COL --covariates A,B
      {"n", "events", "ties": "efron",
       "coefficients": [{"name", "beta", "se", "hr", "lower", "upper", "p"}], "converged"}
  evident analyze logistic --input F --outcome COL --covariates A,B
      {"n", "coefficients": [{"name", "beta", "se", "p"}], "converged"}
  evident analyze iptw --input F --treatment COL --outcome COL --covariates A,B
                       [--trim P] [--bootstrap N --seed S]
      {"n", "propensity", "weights", "balance", "effect", "eValue", "bootstrap"}
  evident analyze funnel --input F --clinic COL --outcome COL --covariates A,B
      {"model": {"coefficients": [{"name", "beta", "se", "p"}]},
       "clinics": [{"name", "n", "observed", "expected", "ratio", "lower95", "upper95",
                    "lower998", "upper998", "outside95", "outside998"}]}

"evident analyze <subcommand> --help" describes the options and every output field.

Output: one JSON object on stdout. A value that does not exist (a median the curve never
reaches, an interval where survival is 0) is null. Intervals are 95% unless --level is given.
Missing values (an empty cell or NA) are an error naming the row, except in "paired", which
drops incomplete pairs and counts them. Rows are numbered from 1 after the header.

Exit codes: 0 done; 2 invalid input or usage, with {"error": "…", "issues": [{"path": "--time",
"message": "…"}]} on stdout; 1 an unexpected failure.`;

/** The library names its inputs ("time", "covariates.age"); the user knows the options. */
function inOptionTerms(error: EvidentError, subcommand: Subcommand): EvidentError {
  if (error.issues.every(({ path }) => path === "" || path.startsWith("--"))) return error;
  const issues = error.issues.map(({ path, message }) => {
    if (path.startsWith("--")) return { path, message };
    const [head, ...rest] = path.split(".");
    if (head === "covariates" && rest.length > 0) {
      return { path: "--covariates", message: `${JSON.stringify(rest.join("."))}: ${message}` };
    }
    return { path: subcommand.paths[head ?? ""] ?? "", message };
  });
  const first = issues[0];
  return first === undefined ? error : problem(first.path, first.message);
}

function print(value: unknown): void {
  // JSON.stringify already writes NaN and ±Infinity as null; the replacer says so explicitly.
  const text = JSON.stringify(value, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
  process.stdout.write(`${text}\n`);
}

function fail(error: EvidentError): number {
  print({ error: error.message, issues: error.issues });
  return 2;
}

function parse(args: string[], subcommand: Subcommand) {
  const options = Object.fromEntries(subcommand.options.map((o) => [o, { type: "string" as const }]));
  try {
    const { values } = parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    return values as Record<string, string | boolean | undefined>;
  } catch (e) {
    const message = (e as Error).message;
    const option = /'(-[^'\s]*)/.exec(message)?.[1] ?? "";
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const known = subcommand.options.map((o) => `--${o}`).join(", ");
      throw problem(option, `unknown option ${option}`, `unknown option ${option}; known: ${known}`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      throw problem("", `unexpected argument: ${message.replace(/^.*?'([^']*)'.*$/s, "$1")}`);
    }
    throw problem(option, message.split("\n")[0] ?? message);
  }
}

export async function runAnalyze(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(analyzeUsage);
    return 0;
  }
  if (name === undefined) {
    console.error(analyzeUsage);
    return fail(problem("", "missing subcommand", `choose one of: ${Object.keys(subcommands).join(", ")}`));
  }
  const subcommand = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (subcommand === undefined) {
    return fail(
      problem("", `unknown subcommand "${name}"`, `choose one of: ${Object.keys(subcommands).join(", ")}`),
    );
  }
  try {
    const values = parse(rest, subcommand);
    if (values.help === true) {
      console.log(subcommand.help);
      return 0;
    }
    const missing = subcommand.required.filter((o) => values[o] === undefined);
    if (missing.length > 0) {
      const issues = missing.map((o) => ({ path: `--${o}`, message: `--${o} is required` }));
      const summary = `missing ${missing.map((o) => `--${o}`).join(", ")}`;
      return fail(new EvidentError(ErrorCode.badRequest, summary, issues));
    }
    print(subcommand.run(values as Record<string, string | undefined>));
    return 0;
  } catch (e) {
    if (isEvidentError(e)) return fail(inOptionTerms(e, subcommand));
    throw e;
  }
}
