/**
 * Outcome observations one follow-up at a time, as the report was first fed: kept for callers that
 * look at single follow-ups (tests, exports). The report itself is fed tallies (./summary), and
 * tallyObservations turns observations into them, so both give the same figures.
 */
import type { IsoDate } from "../dates";
import type { AnswerTally, FollowUpTally, OutcomeTallies } from "./summary";

export type OutcomeObservation = {
  treatmentKind: string;
  timepoint: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  completedAt: Date | string | null;
  cancelledAt: Date | string | null;
  /** Score per instrument id: the latest before treatment (baseline) and at this follow-up. */
  baseline: Readonly<Record<string, number | null | undefined>>;
  followUp: Readonly<Record<string, number | null | undefined>>;
};

export function tallyObservations(
  observations: readonly OutcomeObservation[],
  instruments: readonly string[],
): OutcomeTallies {
  const followUps: FollowUpTally[] = observations.map((o) => ({
    treatmentKind: o.treatmentKind,
    timepoint: o.timepoint,
    windowStart: o.windowStart,
    windowEnd: o.windowEnd,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    count: 1,
  }));
  const answers: AnswerTally[] = observations.flatMap((o) =>
    instruments.flatMap((instrument) => {
      const after = o.followUp[instrument];
      if (typeof after !== "number") return [];
      const before = o.baseline[instrument];
      return [
        {
          treatmentKind: o.treatmentKind,
          timepoint: o.timepoint,
          instrument,
          baseline: typeof before === "number" ? before : null,
          followUp: after,
          count: 1,
        },
      ];
    }),
  );
  return { followUps, answers };
}
