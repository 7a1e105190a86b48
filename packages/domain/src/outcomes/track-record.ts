/**
 * A clinic's public track record, from aggregates only: per treatment kind its counts, change and
 * responders at each timepoint, surgery within a year and adverse events, beside the network's, and
 * what the figures cannot show. Published to anyone, so it keeps a stricter form of the small-cell
 * rule (./small-cells.ts) than the staff pages: no count of 1 to 10 people is given, and no count
 * from which one could be worked out by subtraction from the figure beside it (the CMS policy
 * without the departure the staff pages make). The network's counts are checked against the
 * clinic's (their difference is the other clinics' count). Estimates are given as decimal strings,
 * so the only numbers in the document are counts of 0 or at least 11.
 */
import type { OutcomeRow } from "../api/outcomes";
import type {
  Estimate,
  HiddenReason,
  SafeCount,
  TrackRecordBenchmark,
  TrackRecordCaveat,
  TrackRecordSide,
} from "../api/track-record";
import { isSurgery } from "../catalogue/treatments";
import { wilsonInterval } from "../stats/proportions";
import type { BenchmarkMeasure, BenchmarkPoint } from "./benchmarking";
import { MINIMUM_CELL } from "./small-cells";
import type { SurvivalTally } from "./survival";

const small = (n: number) => n > 0 && n < MINIMUM_CELL;

/**
 * A count, given only when neither it nor its difference from any figure shown beside it (`beside`:
 * the whole it is part of, or the part it is the whole of) is 1 to 10.
 */
export function safeCount(n: number, beside: readonly (number | null)[] = []): SafeCount {
  if (small(n)) return { n: null, hidden: "fewer-than-11" };
  for (const b of beside) {
    if (b === null) continue;
    if (small(Math.abs(b - n)))
      return { n: null, hidden: b > n ? "all-but-fewer-than-11" : "would-reveal-a-small-count" };
  }
  return { n, hidden: null };
}

const reason = (c: SafeCount): HiddenReason | null => c.hidden;

export { reason as hiddenReason };

const fixed = (x: number, digits: number) => {
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
};
const estimate = (value: number, low: number, high: number, digits = 1): Estimate => ({
  value: fixed(value, digits),
  low: fixed(low, digits),
  high: fixed(high, digits),
});
const percent = (value: number, low: number, high: number): Estimate =>
  estimate(value * 100, low * 100, high * 100, 0);

export const trackRecordInstruments = ["odi", "nrs_back"] as const;

/** Per kind, what a side (the clinic, or the network) reads from the summaries. */
export type TrackRecordInput = {
  /** Episodes whose first treatment is of the kind. */
  treated: number;
  /** The report's rows of the kind (summarizeOutcomes over odi and nrs_back). */
  rows: readonly OutcomeRow[];
  survival: readonly SurvivalTally[];
  adverseEvents: { serious: number; notSerious: number };
};

const YEAR_DAYS = 365;

/** Crude surgery within a year: of those operated within it or followed at least that long. */
function surgeryWithinYear(tallies: readonly SurvivalTally[]) {
  let operated = 0;
  let followed = 0;
  for (const t of tallies) {
    if (t.surgery && t.days <= YEAR_DAYS) {
      operated += t.count;
      followed += t.count;
    } else if (t.days >= YEAR_DAYS) followed += t.count;
  }
  return { operated, followed };
}

/**
 * One side's figures; `other` is the clinic's raw input when building the network's side, so
 * each network count is checked against the clinic's.
 */
export function trackRecordSide(
  kind: string,
  input: TrackRecordInput,
  other?: TrackRecordInput,
): TrackRecordSide {
  const vs = (pick: (i: TrackRecordInput) => number | null) => {
    const theirs = other ? pick(other) : null;
    return theirs === null ? [] : [theirs];
  };
  const rowOf = (i: TrackRecordInput, tp: string) => i.rows.find((r) => r.timepoint === tp);
  const treated = safeCount(
    input.treated,
    vs((i) => i.treated),
  );
  // Within a timepoint the counts nest (treated ⊇ due ⊇ answered ⊇ analysed on each measure), so
  // each is checked against every count above it and beside it, not only its own whole.
  const timepoints = input.rows.map((row) => {
    const theirs = other ? rowOf(other, row.timepoint) : undefined;
    const due = safeCount(row.due, [input.treated, ...(theirs ? [theirs.due] : [])]);
    const answered = safeCount(row.responded, [
      input.treated,
      row.due,
      ...(theirs ? [theirs.responded] : []),
    ]);
    const analysedCounts = row.measures.map((m) => m.n);
    const measures =
      row.timepoint === "baseline"
        ? []
        : trackRecordInstruments.flatMap((instrument) => {
            const m = row.measures.find((x) => x.instrument === instrument);
            if (!m) return [];
            const theirM = theirs?.measures.find((x) => x.instrument === instrument);
            const analysed = safeCount(m.n, [
              input.treated,
              row.due,
              row.responded,
              ...analysedCounts,
              ...(theirM ? [theirM.n] : []),
            ]);
            const estimable = !m.suppressed && m.n >= MINIMUM_CELL;
            // Responders and non-responders must both be 0 or at least 11 for the share to be given;
            // their count only where the analysed count is given too (else the share and the count
            // together would give it back).
            const split = estimable && m.responders !== null ? safeCount(m.responders, [m.n]) : null;
            const beside = theirM?.responders != null ? [theirM.responders] : [];
            const responders: SafeCount =
              split?.n == null
                ? (split ?? { n: null, hidden: "fewer-than-11" })
                : analysed.n === null
                  ? { n: null, hidden: "would-reveal-a-small-count" }
                  : safeCount(m.responders ?? 0, [m.n, ...beside]);
            return [
              {
                instrument,
                analysed,
                meanChange:
                  estimable && m.meanChange !== null && m.meanChangeCI
                    ? estimate(m.meanChange, m.meanChangeCI[0], m.meanChangeCI[1])
                    : null,
                responders,
                responderShare:
                  split?.n != null &&
                  (analysed.n === null || responders.n !== null) &&
                  m.responderShare !== null &&
                  m.responderShareCI
                    ? percent(m.responderShare, m.responderShareCI[0], m.responderShareCI[1])
                    : null,
                responderRule: m.responderRule,
              },
            ];
          });
    return { timepoint: row.timepoint, due, answered, measures };
  });
  let surgery: TrackRecordSide["surgeryWithinYear"] = null;
  if (!isSurgery(kind)) {
    const s = surgeryWithinYear(input.survival);
    const t = other ? surgeryWithinYear(other.survival) : null;
    const followed = safeCount(s.followed, [input.treated, ...(t ? [t.followed] : [])]);
    const operated = safeCount(s.operated, [s.followed, ...(t ? [t.operated] : [])]);
    const share =
      followed.n !== null && operated.n !== null && s.followed >= MINIMUM_CELL
        ? (() => {
            const w = wilsonInterval(s.operated, s.followed);
            return percent(w.proportion, w.lower, w.upper);
          })()
        : null;
    surgery = { followed, operated, share };
  }
  const ae = input.adverseEvents;
  return {
    treated,
    timepoints,
    surgeryWithinYear: surgery,
    adverseEvents: {
      serious: safeCount(
        ae.serious,
        vs((i) => i.adverseEvents.serious),
      ),
      notSerious: safeCount(
        ae.notSerious,
        vs((i) => i.adverseEvents.notSerious),
      ),
    },
  };
}

/** The clinic's place on one measure's funnel (./benchmarking.ts), without its counts. */
export function trackRecordBenchmark(
  measure: BenchmarkMeasure,
  label: string,
  definition: string,
  networkRate: number | null,
  point: BenchmarkPoint | undefined,
): TrackRecordBenchmark {
  const higherIsBetter = measure !== "surgery";
  const rate = networkRate === null ? null : fixed(networkRate * 100, 0);
  if (!point)
    return {
      measure,
      label,
      definition,
      position: "not-placed",
      ratio: null,
      limits95: null,
      networkRate: rate,
      higherIsBetter,
    };
  const position = point.ratio > point.upper95 ? "above" : point.ratio < point.lower95 ? "below" : "within";
  return {
    measure,
    label,
    definition,
    position,
    ratio: fixed(point.ratio, 2),
    limits95: [fixed(point.lower95, 2), fixed(point.upper95, 2)],
    networkRate: rate,
    higherIsBetter,
  };
}

/** What the figures cannot show, said on every track-record page. */
export const trackRecordCaveats: readonly TrackRecordCaveat[] = [
  {
    id: "no-comparison-group",
    en: "There is no group that went without treatment. Back pain often gets better with time. So some or all of the change might have come anyway.",
    es: "No hay un grupo que no recibiera tratamiento. El dolor de espalda suele mejorar con el tiempo. Por eso, parte del cambio, o todo, podría haber llegado igual.",
    sources: ["costa2012", "levi2025"],
    certainty: "moderate",
  },
  {
    id: "self-selected",
    en: "These people chose this clinic, and could pay for it. They may differ from people at other clinics in ways the network's comparison does not allow for.",
    es: "Estas personas eligieron esta clínica y pudieron pagarla. Pueden ser distintas de las de otras clínicas en cosas que la comparación de la red no tiene en cuenta.",
    sources: ["spiegelhalter2005"],
    certainty: "not-rated",
  },
  {
    id: "who-did-not-answer",
    en: "Some people did not answer. They may have done better or worse than those who did. That is why the page says how many answered.",
    es: "Algunas personas no contestaron. Puede que les fuera mejor o peor que a las que sí. Por eso la página dice cuántas contestaron.",
    sources: ["clement2015"],
    certainty: "official",
  },
  {
    id: "not-approval",
    en: "The FDA has not approved any “stem cell” shot for back pain. A clinic's own numbers cannot show that a shot works.",
    es: "La FDA no ha aprobado ninguna inyección de “células madre” para el dolor de espalda. Los números de una clínica no pueden mostrar que una inyección funcione.",
    sources: ["fdaConsumer2021", "fdaApprovedCellular"],
    certainty: "official",
  },
  {
    id: "small-numbers",
    en: "A count of 1 to 10 people is shown as “fewer than 11”, and so is any number it could be worked out from. This keeps anyone from being picked out.",
    es: "Un número de 1 a 10 personas se muestra como “menos de 11”, igual que cualquier cifra de la que se pudiera sacar. Así nadie puede ser reconocido.",
    sources: ["cmsCellSize"],
    certainty: "official",
  },
];
