/**
 * Every outcome the registry reports, as data: which value of which answer set it reads (or of
 * the pain diary or imaging studies: ./source-measures), which way is better, and the responder rule with its source and how sure we are of it. The summaries
 * and the outcomes report read this table, so a new outcome is an entry here, not new SQL
 * (docs/architecture/outcomes.md, "Every outcome is a table entry").
 *
 * Two kinds of outcome:
 * - `change`: a score asked at baseline and at follow-up; the report gives the paired change
 *   (mean, t interval) and, where a threshold exists, the share improving by at least it. An
 *   ordinal one (a Pfirrmann grade) gives the shares worse, the same and better instead of means;
 *   opioid use counts those who stopped as responders.
 * - `category`: asked at follow-up only (PGIC: change is already in the question); the report
 *   gives the share of answers in the "improved" categories among those answered.
 *
 * Primary thresholds are the ones in domain reference §MCID; the instruments' `responderRules`
 * keep the alternatives. `certainty` says what we know of the threshold for this use, which can
 * be less than what we know of the paper (a verified study of another population or value set).
 */
import type { CitationKey } from "../citations";
import { findInstrument } from "../instruments";
import type { Promis29DomainId } from "../instruments/promis29";
import { promis29Domains } from "../instruments/promis29";
import { type DiaryValue, diaryMeasures, type ImagingFinding, imagingMeasures } from "./source-measures";

export type Direction = "higher-worse" | "higher-better";

/**
 * Where the value is: in a stored answer set, its `score` or a path in its score detail; or from
 * another source (./source-measures): the pain diary, or one finding of one level in the imaging
 * studies.
 */
export type MeasureValue =
  | { from: "score" }
  | { from: "detail"; path: readonly string[] }
  | { from: "diary"; value: DiaryValue }
  | { from: "imaging"; finding: ImagingFinding; level: string };

/**
 * - verified: the source was read and the threshold was derived for low back pain on this scale;
 * - partly: the source was read, but the threshold is transferred (another population, value set
 *   or anchor) or comes from a single small study;
 * - recalled: not checked against the source; never used as a primary threshold.
 */
export type ThresholdCertainty = "verified" | "partly" | "recalled";

export type ChangeThreshold = {
  /** Improvement in points, in the "better" direction. */
  absolute: number;
  /** Improvement as a share of baseline (0–1); absent: points only. */
  relative?: number;
  source: CitationKey;
  /** The source as the report names it ("Ostelo 2008"). */
  cited: string;
  certainty: ThresholdCertainty;
  /** Why this threshold, and its limits, in a sentence. */
  note: string;
};

/** Responders are those who stopped: a value above 0 at baseline, 0 at follow-up (opioid use). */
export type StoppedRule = { note: string };

export type OutcomeMeasure = {
  /**
   * Public id: the instrument's id for a measure read from its `score` (so the summaries' rows of
   * existing instruments keep their key), `instrument.output` for a sub-score; `diary.value` and
   * `imaging.finding.level` for the other sources.
   */
  id: string;
  /** The instrument read; `diary` or `imaging` for those sources. */
  instrument: string;
  title: string;
  value: MeasureValue;
  direction: Direction;
  range: { min: number; max: number };
} & (
  | {
      analysis: "change";
      responder: ChangeThreshold | null;
      noResponderReason?: string;
      /** Responders by definition rather than threshold (with `responder` null). */
      stopped?: StoppedRule;
      /**
       * `ordinal`: a grade, not an interval scale (Pfirrmann): the report gives the shares worse,
       * the same and better, and no means.
       */
      scale?: "ordinal";
    }
  | {
      analysis: "category";
      /** A follow-up answer at or below this value is a response (PGIC 1–2). */
      respondAtMost: number;
      source: CitationKey;
      cited: string;
      certainty: ThresholdCertainty;
      note: string;
    }
);

const ostelo = (absolute: number, what: string): ChangeThreshold => ({
  absolute,
  relative: 0.3,
  source: "ostelo2008",
  cited: "Ostelo 2008",
  certainty: "verified",
  note: `International consensus for ${what} in low back pain: ≥ ${absolute} points or ≥ 30 % improvement.`,
});

/** The chronic LBP cohort that gives a threshold for every PROMIS-29 domain (n = 183, ROC against global perceived effect). */
const promisThai = (absolute: number): ChangeThreshold => ({
  absolute,
  source: "promisCLbpThai",
  cited: "chronic LBP cohort, single small study",
  certainty: "partly",
  note: "One small chronic low back pain cohort (n = 183), the only source with a threshold for every domain; Chen 2018 and Amtmann 2016 give 2–5.5 T-points for pain interference.",
});

const promisThresholds: Readonly<Record<Promis29DomainId, number>> = {
  physical_function: 3.6,
  anxiety: 5.88,
  depression: 5.25,
  fatigue: 7.75,
  sleep_disturbance: 3.9,
  social_roles: 4.58,
  pain_interference: 4.85,
};

const eq5dIndexThreshold: ChangeThreshold = {
  absolute: 0.08,
  source: "eq5dLbpJapan2020",
  cited: "Japanese LBP study 2020",
  certainty: "partly",
  note: "An index change of about 0.08 went with a 2-point pain improvement in Japanese low back pain clinics (n = 161, Japanese value set); transferred to the US and England value sets unchanged.",
};

const promisIds = Object.keys(promisThresholds) as Promis29DomainId[];

function definition(instrument: string) {
  const def = findInstrument(instrument);
  if (!def) throw new Error(`no instrument ${instrument}`);
  return def;
}

/** A change measure read from the instrument's own score: direction and range are the instrument's. */
function ofScore(
  instrument: string,
  title: string,
  responder: ChangeThreshold | { none: string },
): OutcomeMeasure {
  const def = definition(instrument);
  return {
    id: instrument,
    instrument,
    title,
    value: { from: "score" },
    direction: def.direction,
    range: def.scoreRange,
    analysis: "change",
    ...("none" in responder ? { responder: null, noResponderReason: responder.none } : { responder }),
  };
}

/** A change measure read from a sub-score at `path` of the score detail: direction and range are the sub-score's. */
function ofSubscore(
  instrument: string,
  output: string,
  title: string,
  path: readonly string[],
  responder: ChangeThreshold,
): OutcomeMeasure {
  const sub = definition(instrument).subscores?.find((x) => x.id === output);
  if (!sub?.direction) throw new Error(`${instrument} has no directed sub-score ${output}`);
  return {
    id: `${instrument}.${output}`,
    instrument,
    title,
    value: { from: "detail", path },
    direction: sub.direction,
    range: sub.range,
    analysis: "change",
    responder,
  };
}

export const outcomeMeasures: readonly OutcomeMeasure[] = [
  ofScore("nrs_back", "Back pain (0–10)", ostelo(2, "pain ratings")),
  ofScore("nrs_leg", "Leg pain (0–10)", ostelo(2, "pain ratings")),
  ofScore("odi", "Oswestry Disability Index (0–100)", ostelo(10, "the Oswestry Disability Index")),
  ofScore(
    "rmdq",
    "Roland-Morris Disability Questionnaire (0–24)",
    ostelo(5, "the Roland-Morris Disability Questionnaire"),
  ),
  ofScore("peg", "PEG pain, enjoyment and activity (0–10)", {
    none: "No PEG-specific threshold in our reference; a pain-rating threshold does not transfer to a three-item mean.",
  }),
  ...promisIds.map((d) =>
    ofSubscore(
      "promis29",
      d,
      `PROMIS-29 ${promis29Domains[d].title} (T-score)`,
      ["domains", d, "tScore"],
      promisThai(promisThresholds[d]),
    ),
  ),
  ofSubscore(
    "promis29",
    "pain_intensity",
    "PROMIS-29 pain intensity (0–10)",
    ["painIntensity"],
    promisThai(1.5),
  ),
  ofSubscore(
    "eq5d5l",
    "index_us",
    "EQ-5D-5L index, US value set (Pickard 2019)",
    ["index", "us"],
    eq5dIndexThreshold,
  ),
  ofSubscore(
    "eq5d5l",
    "index_england",
    "EQ-5D-5L index, England value set (Devlin 2018)",
    ["index", "england"],
    eq5dIndexThreshold,
  ),
  ofScore("eq5d5l", "EQ VAS (0–100)", {
    none: "No EQ VAS threshold for low back pain in our reference: change only.",
  }),
  {
    id: "pgic",
    instrument: "pgic",
    title: "Global impression of change: much or very much improved",
    value: { from: "score" },
    direction: "higher-worse",
    range: { min: 1, max: 7 },
    analysis: "category",
    respondAtMost: 2,
    source: "farrar2001",
    cited: "Farrar 2001; IMMPACT",
    certainty: "verified",
    note: "\u201cMuch\u201d or \u201cvery much improved\u201d is the clinically important change pain thresholds are anchored to (Farrar 2001; IMMPACT, Dworkin 2008). Asked at follow-up only, so there is no change from baseline.",
  },
  ...diaryMeasures,
  ...imagingMeasures,
];

/** Whether the measure is read from questionnaire answer sets (not the diary or imaging). */
export const fromAnswers = (m: OutcomeMeasure): boolean =>
  m.value.from === "score" || m.value.from === "detail";

export function findMeasure(id: string): OutcomeMeasure | undefined {
  return outcomeMeasures.find((m) => m.id === id);
}

/** The measure's value in a scored answer set (`score` and the score detail), or null. */
export function measureValue(
  measure: OutcomeMeasure,
  score: number | null,
  detail: Readonly<Record<string, unknown>>,
): number | null {
  if (measure.value.from === "score") return score;
  if (measure.value.from !== "detail") return null;
  let at: unknown = detail;
  for (const key of measure.value.path) {
    if (typeof at !== "object" || at === null) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === "number" && Number.isFinite(at) ? at : null;
}

/**
 * Slack for a sum of decimals (EQ-5D indexes have 3 decimals, T-scores 1–2): 0.58 − 0.5 is
 * 0.07999… in floating point and must still reach 0.08. Far below any scale's resolution.
 */
const EPSILON = 1e-9;

/**
 * Whether a change from `baseline` to `after` reaches the measure's threshold (false for a
 * measure without one). As the outcomes table's rule: points, or a share of baseline when there
 * is room to improve and the baseline is not zero; for a measure whose responders stopped (opioid
 * use), a value above 0 at baseline and 0 at follow-up.
 */
export function reachesThreshold(measure: OutcomeMeasure, baseline: number, after: number): boolean {
  if (measure.analysis !== "change") return false;
  if (measure.stopped) return baseline > 0 && after === 0;
  if (measure.responder === null) return false;
  const { absolute, relative } = measure.responder;
  const gain = measure.direction === "higher-worse" ? baseline - after : after - baseline;
  if (gain >= absolute - EPSILON) return true;
  if (relative === undefined) return false;
  const room =
    measure.direction === "higher-worse" ? baseline - measure.range.min : measure.range.max - baseline;
  return room > 0 && baseline !== 0 && gain / Math.abs(baseline) >= relative - EPSILON;
}

/** Whether a follow-up answer of a category measure is a response (PGIC much or very much improved). */
export function isCategoryResponse(measure: OutcomeMeasure, value: number): boolean {
  return measure.analysis === "category" && value <= measure.respondAtMost;
}

/** The instrument ids the measures read from answer sets (each once, in table order). */
export const measuredInstruments: readonly string[] = [
  ...new Set(outcomeMeasures.filter(fromAnswers).map((m) => m.instrument)),
];

/** The measure's own instrument definition (every measure read from answer sets has one: the tests check it; the diary and imaging none). */
export const measureInstrument = (m: OutcomeMeasure) => findInstrument(m.instrument);

/** A short name for labels: the instrument's short title for its score, the measure's title for a sub-score. */
export function measureShortTitle(id: string): string {
  const m = findMeasure(id);
  if (!m) return id;
  return m.value.from === "score" ? (measureInstrument(m)?.shortTitle ?? m.title) : m.title;
}
