/**
 * `evident analyze paired`: change from before to after (after − before) with the paired t-test,
 * as R's t.test(after, before, paired = TRUE). Pairs with either value missing are dropped and
 * counted, as t.test drops incomplete pairs; the count is reported so attrition stays visible.
 */
import { pairedTTest } from "@evident/domain/stats";
import { numbers, requireRows } from "./columns";
import { confidenceLevel, given, LEVEL_HELP, readTable, type Subcommand } from "./options";

const help = `Usage: evident analyze paired --input FILE --before COL --after COL [--level L]

The mean change (after − before) with its t interval and the paired t-test against no change.
On pain and disability scales (lower is better) an improvement is a negative change.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --before COL      the column with the baseline score
  --after COL       the column with the follow-up score
${LEVEL_HELP}

Rows where either score is empty or NA are dropped and counted in "dropped"; at least 2 complete
pairs are needed, and the changes must not all be equal.

Output:
  {"n": complete pairs, "meanChange": mean of after − before, "lower": …, "upper": …,
   "t": t statistic, "df": n − 1, "p": two-sided p, "dropped": incomplete pairs}

Matches R: t.test(after, before, paired = TRUE).`;

export const paired: Subcommand = {
  summary: "mean change after − before with the paired t-test",
  help,
  options: ["input", "before", "after", "level"],
  required: ["input", "before", "after"],
  paths: { before: "--before", after: "--after", values: "--after", level: "--level" },
  run(options) {
    const level = confidenceLevel(options);
    const table = readTable(given(options, "input"));
    const before = numbers(table, given(options, "before"), "--before", true);
    const after = numbers(table, given(options, "after"), "--after", true);
    const complete = before.flatMap((b, i) => (Number.isNaN(b) || Number.isNaN(after[i]) ? [] : [i]));
    requireRows(complete.length, 2, "a paired t-test (complete pairs)");
    const test = pairedTTest(
      complete.map((i) => before[i] as number),
      complete.map((i) => after[i] as number),
      level,
    );
    const { n, meanChange, lower, upper, t, df, p } = test;
    return { n, meanChange, lower, upper, t, df, p, dropped: before.length - complete.length };
  },
};
