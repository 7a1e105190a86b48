/**
 * The outcomes table: for each treatment kind and follow-up timepoint, how many follow-ups were
 * due, answered, missed or still open, how complete the answered ones are among those whose window
 * has closed; and for each measure the paired change from baseline (mean with a t interval) and
 * the share of patients reaching a clinically important improvement (Wilson interval). Responder
 * rules come from the outcome measures (./measures): ODI ≥ 10 points or ≥ 30 %, NRS ≥ 2 points or
 * ≥ 30 % (Ostelo 2008), PROMIS-29 and EQ-5D-5L thresholds, PGIC "much" or "very much improved",
 * stopping opioids. An ordinal measure (Pfirrmann grade) gets the shares worse, the same and
 * better instead of means (`shift`).
 *
 * Only patients with both a baseline and a follow-up score enter a change: a registry that
 * quietly drops non-responders overstates success, so the missed counts are reported beside it,
 * and each responder share comes with the range the missing patients could move it over
 * (./missing-data).
 *
 * Input comes tallied (identical rows counted once, with `count`), as the database groups them:
 * at 100k patients that is tens of thousands of rows instead of half a million.
 */
import type { Completeness, MeasureSummary, OutcomeRow, ShiftShare } from "../api/outcomes";
import type { IsoDate } from "../dates";
import { followUpStatus, timepointIds } from "../pathway/schedule";
import { weightedMeanCI, wilsonInterval } from "../stats";
import { findMeasure, isCategoryResponse, type OutcomeMeasure, reachesThreshold } from "./measures";
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

/**
 * Whether a change reaches the responder threshold of outcome measure `measureId` (an instrument
 * id for its score, or `instrument.output`: ./measures). False where none is known.
 */
export function isResponse(measureId: string, baseline: number, after: number): boolean {
  const m = findMeasure(measureId);
  return m !== undefined && reachesThreshold(m, baseline, after);
}

/** The measure's responder rule in words; in Spanish for the patient portal (`lang: "es"`). */
export function responderRule(measureId: string, lang: "en" | "es" = "en"): string {
  const m = findMeasure(measureId);
  if (!m) return "none";
  if (m.analysis === "category") {
    const { cited } = m;
    return lang === "es"
      ? `respondieron "mucho mejor" o "muchísimo mejor" (${cited})`
      : `answered "much" or "very much improved" (${cited})`;
  }
  if (m.stopped)
    return lang === "es"
      ? "lo dejaron: lo tomaban al inicio y ya no en el seguimiento (definición, sin umbral citado)"
      : "stopped: on it at baseline, not at follow-up (a definition, no cited threshold)";
  if (!m.responder) return "none";
  const { absolute, relative, cited } = m.responder;
  if (relative === undefined)
    return lang === "es"
      ? `mejoraron al menos ${absolute} puntos (${cited})`
      : `improved by ≥ ${absolute} points (${cited})`;
  const pct = Math.round(relative * 100);
  if (lang === "es") return `mejoraron al menos ${absolute} puntos o un ${pct}\u00a0% (${cited})`;
  return `improved by ≥ ${absolute} points or ≥ ${pct}% (${cited})`;
}

const isOrdinal = (measureId: string): boolean => {
  const m = findMeasure(measureId);
  return m?.analysis === "change" && m.scale === "ordinal";
};

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
  if (isSmallCell(n)) return withheld(base);
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
  const rest = {
    responders,
    responderShare: share.proportion,
    responderShareCI: [share.lower, share.upper] as [number, number],
    responderRange: due === null ? null : missingDataRange(responders, n, due),
  };
  const m = findMeasure(instrument);
  if (m?.analysis === "change" && m.scale === "ordinal")
    return { ...base, ...noMeans, ...rest, suppressed: false, shift: ordinalShift(m, pairs, n) };
  return {
    ...base,
    suppressed: false,
    baselineMean: baselineSum / n,
    followUpMean: followUpSum / n,
    meanChange: ci.mean,
    meanChangeCI: [ci.lower, ci.upper],
    ...rest,
  };
}

const noMeans = { baselineMean: null, followUpMean: null, meanChange: null, meanChangeCI: null };

/** Of `n` pairs of an ordinal measure, how many moved worse, stayed and moved better (by ≥ 1 grade). */
function ordinalShift(
  m: OutcomeMeasure,
  pairs: readonly WeightedPair[],
  n: number,
): NonNullable<MeasureSummary["shift"]> {
  const counts = { worse: 0, same: 0, better: 0 };
  for (const p of pairs) {
    const gain = m.direction === "higher-worse" ? p.baseline - p.followUp : p.followUp - p.baseline;
    counts[gain >= 1 ? "better" : gain <= -1 ? "worse" : "same"] += p.count;
  }
  const share = (count: number): ShiftShare => {
    const w = wilsonInterval(count, n);
    return { count, share: w.proportion, shareCI: [w.lower, w.upper] };
  };
  return { worse: share(counts.worse), same: share(counts.same), better: share(counts.better) };
}

type MeasureBase = Pick<MeasureSummary, "instrument" | "n" | "answered" | "responderRule">;

/** Every estimate withheld: fewer patients than the small-cell minimum (an ordinal measure's shift too). */
const withheld = (base: MeasureBase): MeasureSummary => ({
  ...base,
  ...(isOrdinal(base.instrument) ? { shift: null } : {}),
  suppressed: true,
  baselineMean: null,
  followUpMean: null,
  meanChange: null,
  meanChangeCI: null,
  responders: null,
  responderShare: null,
  responderShareCI: null,
  responderRange: null,
});

/**
 * A category measure (PGIC) at one kind and timepoint: the share of the answered whose answer is
 * a response, with its Wilson interval and missing-data range over `due`. There is no baseline
 * and no change (the question asks about change), and no mean of categories.
 */
export function summarizeCategory(
  measureId: string,
  answers: readonly Pick<AnswerTally, "followUp" | "count">[],
  due: number | null = null,
): MeasureSummary {
  const m = findMeasure(measureId);
  let n = 0;
  let responders = 0;
  for (const a of answers) {
    n += a.count;
    if (m && isCategoryResponse(m, a.followUp)) responders += a.count;
  }
  const base = { instrument: measureId, n, answered: n, responderRule: responderRule(measureId) };
  if (isSmallCell(n)) return withheld(base);
  const share = wilsonInterval(responders, n);
  return {
    ...base,
    suppressed: false,
    baselineMean: null,
    followUpMean: null,
    meanChange: null,
    meanChangeCI: null,
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
          if (findMeasure(inst)?.analysis === "category") return summarizeCategory(inst, list, counts.due);
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
