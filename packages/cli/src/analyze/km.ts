/**
 * `evident analyze km`: Kaplan–Meier curves (R's survfit, log intervals) with median survival and
 * its interval (print.survfit), and with --group the log-rank test (survdiff). The curve is
 * printed at the distinct event times only, where it steps; a censoring-only time changes the
 * number at risk but not the curve.
 */
import { type KaplanMeierCurve, kaplanMeier, kaplanMeierByGroup, logRankTest } from "@evident/domain/stats";
import { labels, requireRows, times, zeroOne } from "./columns";
import { confidenceLevel, given, LEVEL_HELP, readTable, type Subcommand } from "./options";

const help = `Usage: evident analyze km --input FILE --time COL --event COL [--group COL] [--level L]

Kaplan–Meier survival curves, e.g. time to reoperation, with median time to event and its
confidence interval, and, when --group is given, the log-rank test comparing the groups.

  --input FILE      CSV file with a header row ("-" reads standard input)
  --time COL        time to the event or to censoring (a number ≥ 0, any unit)
  --event COL       1 = the event happened at that time, 0 = censored (still event-free then)
  --group COL       optional: one curve per value of this column (labels taken as written)
${LEVEL_HELP}

Output:
  {"groups": [{"name": group label ("all" without --group), "n": patients, "events": events,
               "median": median time to event, "medianLower": …, "medianUpper": …,
               "curve": [{"time": t, "atRisk": at risk just before t, "events": events at t,
                          "survival": S(t), "lower": …, "upper": …}, …]}, …],
   "logrank": {"chisq": χ², "df": groups − 1, "p": p}}

Groups are listed in order of first appearance. "curve" has one row per distinct event time.
A median or limit the curve never reaches is null ("not reached"); so are the limits once S(t)
reaches 0. "logrank" is absent without --group, and null if the column has a single value.

Matches R: survfit(Surv(time, event) ~ group) with its defaults (Greenwood variance, log
intervals), print.survfit for the median, survdiff for the log-rank test.`;

function present(name: string, curve: KaplanMeierCurve) {
  return {
    name,
    n: curve.n,
    events: curve.events,
    median: curve.median.estimate,
    medianLower: curve.median.lower,
    medianUpper: curve.median.upper,
    curve: curve.steps
      .filter((s) => s.nEvent > 0)
      .map((s) => ({
        time: s.time,
        atRisk: s.nRisk,
        events: s.nEvent,
        survival: s.survival,
        lower: s.lower,
        upper: s.upper,
      })),
  };
}

export const km: Subcommand = {
  summary: "Kaplan–Meier curves, median time to event, log-rank test",
  help,
  options: ["input", "time", "event", "group", "level"],
  required: ["input", "time", "event"],
  paths: { time: "--time", event: "--event", group: "--group", level: "--level" },
  run(options) {
    const level = confidenceLevel(options);
    const table = readTable(given(options, "input"));
    const time = times(table, given(options, "time"), "--time");
    const event = zeroOne(table, given(options, "event"), "--event").map((e) => e === 1);
    requireRows(time.length, 1, "a Kaplan–Meier curve");
    const groupColumn = options.group;
    if (groupColumn === undefined) return { groups: [present("all", kaplanMeier({ time, event }, level))] };

    const group = labels(table, groupColumn, "--group");
    const curves = kaplanMeierByGroup({ time, event, group }, level);
    let logrank = null;
    if (curves.length >= 2) {
      const test = logRankTest({ time, event, group });
      logrank = { chisq: test.chiSquare, df: test.df, p: test.p };
    }
    return { groups: curves.map((c) => present(c.group, c.curve)), logrank };
  },
};
