/**
 * Which comparison the adjusted-comparison tab opens on, read from the outcomes report the page
 * already has (the same cohort): a pair of treatments that both have at least the comparison's
 * minimum of patients with a baseline and an answer at the timepoint, so the first thing shown is
 * a result, not a refusal. The ODI at 12 months if a pair has enough there, else the latest
 * timepoint (then the next measure) where one does. Of the kinds with enough, the treatment is the
 * investigational one with the most patients (what the registry is asked about most), else the
 * commonest; the comparator is the commonest other kind. Null when no pair has enough anywhere.
 *
 * The report's `n` counts every treatment of a kind, not only first treatments in an episode, so
 * it is an upper bound of what the comparison can analyse; the server still refuses, naming the
 * arm, when it falls short.
 */
import { treatmentKind } from "@evident/domain";
import type { ComparisonQuery, OutcomesReport } from "@evident/domain/api";
import { MINIMUM_PER_ARM } from "@evident/domain/outcomes";

const timepointOrder = ["12m", "6m", "24m", "3m", "6w", "2w"];
/** The comparison form's measures (measure-choice.ts coreMeasures), the ODI first. */
const measureOrder = ["odi", "nrs_back"];

export function comparisonStart(
  report: Pick<OutcomesReport, "rows">,
  minimum: number = MINIMUM_PER_ARM,
): ComparisonQuery | null {
  for (const instrument of measureOrder)
    for (const timepoint of timepointOrder) {
      const enough = report.rows
        .filter((r) => r.timepoint === timepoint)
        .map((r) => ({
          kind: r.treatmentKind,
          n: r.measures.find((m) => m.instrument === instrument)?.n ?? 0,
        }))
        .filter((k) => k.n >= minimum && treatmentKind(k.kind) !== undefined)
        .sort((a, b) => b.n - a.n || a.kind.localeCompare(b.kind));
      if (enough.length < 2) continue;
      const treatment = enough.find((k) => treatmentKind(k.kind)?.investigational) ?? enough[0]!;
      const comparator = enough.find((k) => k.kind !== treatment.kind)!;
      return {
        treatment: treatment.kind as ComparisonQuery["treatment"],
        comparator: comparator.kind as ComparisonQuery["comparator"],
        instrument,
        timepoint,
        truncate: "p1-p99",
      };
    }
  return null;
}
