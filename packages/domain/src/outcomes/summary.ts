/**
 * The outcomes table: for each treatment kind and follow-up timepoint, how many follow-ups were
 * due, answered, missed or still open, how complete the answered ones are among those whose window
 * has closed; and for each measure the paired change from baseline (mean with a t interval) and
 * the share of patients reaching a clinically important improvement (Wilson interval). Responder
 * rules come from the instrument definitions: ODI ≥ 10 points or ≥ 30 %, NRS ≥ 2 points or ≥ 30 %
 * (Ostelo 2008).
 *
 * Only patients with both a baseline and a follow-up score enter a change: a registry that
 * quietly drops non-responders overstates success, so the missed counts are reported beside it,
 * and each responder share comes with the range the missing patients could move it over
 * (./missing-data).
 *
 * Input comes tallied (identical rows counted once, with `count`), as the database groups them:
 * at 100k patients that is tens of thousands of rows instead of half a million.
 */
import type { Completeness, MeasureSummary, OutcomeRow } from "../api/outcomes";
import type { IsoDate } from "../dates";
import { findInstrument } from "../instruments";
import { followUpStatus, timepointIds } from "../pathway/schedule";
import { weightedMeanCI, wilsonInterval } from "../stats";
import { missingDataRange } from "./missing-data";
import { type OutcomeObservation, tallyObservations } from "./observations";
import { isSmallCell } from "./small-cells";

/** Follow-ups alike in kind, timepoint, window and recorded events, counted together. */
export type FollowUpTally = {
  treatmentKind: string;
  timepoint: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  completedAt: Date | string | null;
  cancelledAt: Date | string | null;
  count: number;
};

/** Answers for one instrument at one follow-up, with the treatment's baseline (null: none). */
export type AnswerTally = {
  treatmentKind: string;
  timepoint: string;
  instrument: string;
  baseline: number | null;
  followUp: number;
  count: number;
};

export type OutcomeTallies = {
  followUps: readonly FollowUpTally[];
  answers: readonly AnswerTally[];
};

/** Improvement in the instrument's "better" direction, in points. */
function improvement(direction: "higher-worse" | "higher-better", baseline: number, after: number): number {
  return direction === "higher-worse" ? baseline - after : after - baseline;
}

export function isResponse(instrumentId: string, baseline: number, after: number): boolean {
  const def = findInstrument(instrumentId);
  if (!def?.responder) return false;
  const gain = improvement(def.direction, baseline, after);
  const room =
    def.direction === "higher-worse" ? baseline - def.scoreRange.min : def.scoreRange.max - baseline;
  // A relative threshold needs something to improve from: a baseline at the best end cannot respond.
  return (
    gain >= def.responder.absolute ||
    (room > 0 && baseline !== 0 && gain / Math.abs(baseline) >= def.responder.relative)
  );
}

/** The instrument's responder rule in words; in Spanish for the patient portal (`lang: "es"`). */
export function responderRule(instrumentId: string, lang: "en" | "es" = "en"): string {
  const def = findInstrument(instrumentId);
  if (!def?.responder) return "none";
  const { absolute, relative, source } = def.responder;
  // "ostelo2008" → "Ostelo 2008": the citation key read as author and year.
  const cited = source.replace(
    /^([a-z]+)(\d{4})$/,
    (_, name: string, year: string) => `${name[0]?.toUpperCase()}${name.slice(1)} ${year}`,
  );
  const pct = Math.round(relative * 100);
  if (lang === "es") return `mejoraron al menos ${absolute} puntos o un ${pct}\u00a0% (${cited})`;
  return `improved by ≥ ${absolute} points or ≥ ${pct}% (${cited})`;
}

/** A (baseline, follow-up) pair and how many patients had it. */
export type WeightedPair = { baseline: number; followUp: number; count: number };

/**
 * One instrument at one kind and timepoint. `due`: the follow-ups due there, over which the
 * missing-data range of the responder share is given (without it, no range).
 */
export function summarizeMeasure(
  instrument: string,
  pairs: readonly (readonly [number, number])[],
  answered = pairs.length,
  due: number | null = null,
): MeasureSummary {
  const weighted = pairs.map(([baseline, followUp]) => ({ baseline, followUp, count: 1 }));
  return summarizeWeighted(instrument, weighted, answered, due);
}

/**
 * As `summarizeMeasure`, from pairs with their counts (the summaries' tallies): means, interval
 * and responders are summed per distinct pair, never expanded to one entry per patient.
 */
export function summarizeWeighted(
  instrument: string,
  pairs: readonly WeightedPair[],
  answered: number,
  due: number | null = null,
): MeasureSummary {
  let n = 0;
  for (const p of pairs) n += p.count;
  const base = { instrument, n, answered, responderRule: responderRule(instrument) };
  if (isSmallCell(n)) {
    return {
      ...base,
      suppressed: true,
      baselineMean: null,
      followUpMean: null,
      meanChange: null,
      meanChangeCI: null,
      responders: null,
      responderShare: null,
      responderShareCI: null,
      responderRange: null,
    };
  }
  const counts = pairs.map((p) => p.count);
  const ci = weightedMeanCI(
    pairs.map((p) => p.followUp - p.baseline),
    counts,
  );
  let responders = 0;
  let baselineSum = 0;
  let followUpSum = 0;
  for (const p of pairs) {
    if (isResponse(instrument, p.baseline, p.followUp)) responders += p.count;
    baselineSum += p.count * p.baseline;
    followUpSum += p.count * p.followUp;
  }
  const share = wilsonInterval(responders, n);
  return {
    ...base,
    suppressed: false,
    baselineMean: baselineSum / n,
    followUpMean: followUpSum / n,
    meanChange: ci.mean,
    meanChangeCI: [ci.lower, ci.upper],
    responders,
    responderShare: share.proportion,
    responderShareCI: [share.lower, share.upper],
    responderRange: due === null ? null : missingDataRange(responders, n, due),
  };
}

/** Answered among those whose window has closed, with a Wilson interval. */
export function completeness(closed: number, responded: number): Completeness {
  if (closed === 0) return { closed, responded, share: null, shareCI: null };
  const w = wilsonInterval(responded, closed);
  return { closed, responded, share: w.proportion, shareCI: [w.lower, w.upper] };
}

export type FollowUpCounts = {
  due: number;
  responded: number;
  missed: number;
  pending: number;
  completeness: Completeness;
};

/** Status counts of tallied follow-ups on `today` (status derived as the schedule derives it). */
export function countFollowUps(tallies: readonly FollowUpTally[], today: IsoDate): FollowUpCounts {
  let responded = 0;
  let missed = 0;
  let pending = 0;
  let closedAnswered = 0;
  for (const t of tallies) {
    const status = followUpStatus(t, today);
    if (status === "completed") {
      responded += t.count;
      if (t.windowEnd < today) closedAnswered += t.count;
    } else if (status === "missed") missed += t.count;
    else if (status === "open") pending += t.count;
  }
  return {
    due: responded + missed + pending,
    responded,
    missed,
    pending,
    completeness: completeness(closedAnswered + missed, closedAnswered),
  };
}

/** The pairs (baseline, follow-up) of tallied answers that have a baseline, each repeated `count` times. */
export function expandPairs(answers: readonly AnswerTally[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (const a of answers) {
    if (a.baseline === null) continue;
    for (let i = 0; i < a.count; i++) pairs.push([a.baseline, a.followUp]);
  }
  return pairs;
}

const isTallies = (x: OutcomeTallies | readonly OutcomeObservation[]): x is OutcomeTallies =>
  !Array.isArray(x);

const keyOf = (kind: string, timepoint: string) => `${kind}\u0000${timepoint}`;
const order = (tp: string) => timepointIds.indexOf(tp as (typeof timepointIds)[number]);

export function summarizeOutcomes(
  input: OutcomeTallies | readonly OutcomeObservation[],
  today: IsoDate,
  instruments: readonly string[],
): OutcomeRow[] {
  const tallies = isTallies(input) ? input : tallyObservations(input, instruments);
  const groups = new Map<string, { kind: string; timepoint: string; followUps: FollowUpTally[] }>();
  for (const f of tallies.followUps) {
    const key = keyOf(f.treatmentKind, f.timepoint);
    const g = groups.get(key);
    if (g) g.followUps.push(f);
    else groups.set(key, { kind: f.treatmentKind, timepoint: f.timepoint, followUps: [f] });
  }
  const answers = new Map<string, AnswerTally[]>();
  for (const a of tallies.answers) {
    const key = `${keyOf(a.treatmentKind, a.timepoint)}\u0000${a.instrument}`;
    const list = answers.get(key);
    if (list) list.push(a);
    else answers.set(key, [a]);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const counts = countFollowUps(g.followUps, today);
      return {
        treatmentKind: g.kind,
        timepoint: g.timepoint,
        ...counts,
        measures: instruments.map((inst) => {
          const list = answers.get(`${key}\u0000${inst}`) ?? [];
          const paired: WeightedPair[] = [];
          for (const a of list)
            if (a.baseline !== null)
              paired.push({ baseline: a.baseline, followUp: a.followUp, count: a.count });
          return summarizeWeighted(
            inst,
            paired,
            list.reduce((s, a) => s + a.count, 0),
            counts.due,
          );
        }),
      };
    })
    .sort(
      (x, y) => x.treatmentKind.localeCompare(y.treatmentKind) || order(x.timepoint) - order(y.timepoint),
    );
}
