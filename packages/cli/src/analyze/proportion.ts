/**
 * `evident analyze proportion`: a proportion with its Wilson interval (R's prop.test(x, n,
 * correct = FALSE)) and Clopper–Pearson exact interval (R's binom.test). No input file: counts
 * are given on the command line, e.g. 2 infections in 140 procedures.
 */
import { clopperPearsonInterval, wilsonInterval } from "@evident/domain/stats";
import { problem } from "./columns";
import { confidenceLevel, LEVEL_HELP, type Subcommand, wholeNumber } from "./options";

const help = `Usage: evident analyze proportion --successes X --n N [--level L]

A proportion X/N with two confidence intervals: Wilson (score interval without continuity
correction; use it for rates shown to people) and Clopper–Pearson ("exact", conservative; use it
for safety events, where under-coverage would flatter a treatment).

  --successes X     how many had the event (a whole number, 0 to N)
  --n N             out of how many (a whole number ≥ 1)
${LEVEL_HELP}

Output:
  {"estimate": X/N, "wilson": [lower, upper], "clopperPearson": [lower, upper]}

Matches R: prop.test(X, N, correct = FALSE)$conf.int and binom.test(X, N)$conf.int.`;

export const proportion: Subcommand = {
  summary: "a proportion with Wilson and Clopper–Pearson intervals",
  help,
  options: ["successes", "n", "level"],
  required: ["successes", "n"],
  paths: { events: "--successes", n: "--n", level: "--level" },
  run(options) {
    const successes = wholeNumber(options, "successes");
    const n = wholeNumber(options, "n", 1);
    if (successes > n) throw problem("--successes", `--successes (${successes}) cannot exceed --n (${n})`);
    const level = confidenceLevel(options);
    const wilson = wilsonInterval(successes, n, level);
    const exact = clopperPearsonInterval(successes, n, level);
    return {
      estimate: wilson.proportion,
      wilson: [wilson.lower, wilson.upper],
      clopperPearson: [exact.lower, exact.upper],
    };
  },
};
