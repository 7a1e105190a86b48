/**
 * The figures of the decision aid as a patient should meet them (IPDAS: the same denominator, time
 * frame and outcome for each option; positive and negative framing; uncertainty): which figure an
 * option shows in the glance table, the 95% range of each count, and the words that frame a count
 * both ways ("44 of 100 had their pain cut by half or more; 56 did not") with its group size.
 *
 * The glance figure is a fair comparison or nothing: a table from a sham-controlled or randomized
 * study with both groups, else an average comparison naming both groups, else the reason there is
 * none. A before-and-after series is never a glance figure, whatever its numbers. Ranges are
 * Wilson intervals from the study's count and group size (they match the intervals Levi 2025
 * reports); where a study gives a share and a group size but no count, the range is worked out
 * from the share and marked as rough.
 */
import { wilsonInterval } from "../stats/proportions";
import type {
  AverageComparison,
  ContentLanguage,
  DecisionOption,
  NoComparisonReason,
  NoRatingReason,
  OutOf100,
  OutOf100Row,
} from "./types";

/** A table that compares like with like: a controlled design, both groups, counts not guesses. */
export function isFairComparison(t: OutOf100): boolean {
  return (
    (t.design === "sham-controlled" || t.design === "randomized") &&
    t.rows.some((r) => r.arm === "option") &&
    t.rows.some((r) => r.arm === "comparison")
  );
}

export type GlanceFigure =
  | { kind: "count"; table: OutOf100 }
  | { kind: "average"; average: AverageComparison }
  | { kind: "none"; reason: NoComparisonReason };

/** The one figure the glance table shows for an option. */
export function glanceFigure(o: DecisionOption): GlanceFigure {
  const table = o.outOf100.find((t) => isFairComparison(t) && !t.approximate);
  if (table) return { kind: "count", table };
  const average = o.averages[0];
  if (average) return { kind: "average", average };
  return { kind: "none", reason: o.noComparison ?? "no-figure" };
}

/** A 95% range out of 100; `from` says whether it rests on the study's count or on its share. */
export type CountRange = { low: number; high: number; from: "count" | "share" };

/** The row's 95% range, or null without a group size (or for a row that is itself a range). */
export function rowRange(r: OutOf100Row): CountRange | null {
  if (r.armSize === undefined || r.countHigh !== undefined) return null;
  const events = r.events ?? Math.round((r.count / 100) * r.armSize);
  const w = wilsonInterval(events, r.armSize);
  return {
    low: Math.round(w.lower * 100),
    high: Math.round(w.upper * 100),
    from: r.events !== undefined ? "count" : "share",
  };
}

type Row = Pick<OutOf100Row, "count" | "countHigh">;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How many of 100 did not: the other side of the same count. */
const notAmount = (r: Row, to: string) =>
  r.countHigh !== undefined ? `${100 - r.countHigh} ${to} ${100 - r.count}` : String(100 - r.count);
const amount = (r: Row, to: string) =>
  r.countHigh !== undefined ? `${r.count} ${to} ${r.countHigh}` : String(r.count);

/** The words around the figures, in each language; English and Spanish say the same. */
export const figureWords = {
  en: {
    amount: (r: Row) => amount(r, "to"),
    /** "44 of 100 had their pain cut by half or more; 56 did not" */
    bothWays: (r: Row, outcome: string) =>
      `${amount(r, "to")} of 100 ${outcome}; ${notAmount(r, "to")} did not`,
    /** "44 of 100 (56 did not)" */
    short: (r: Row) => `${amount(r, "to")} of 100 (${notAmount(r, "to")} did not)`,
    people: (n: number) => `${n} ${n === 1 ? "person" : "people"} in this group`,
    range: (g: CountRange) => `likely ${g.low} to ${g.high}`,
    rangeFrom: {
      count: "Likely ranges are 95% ranges we worked out from the study's own counts.",
      share: "Likely ranges are rough: we worked them out from the study's share and group size.",
    },
    noGroupSize: "The study gives rough shares, not group sizes, so we give no range.",
    noComparison: {
      "no-comparison-group": "No comparison group, so no fair number",
      "standard-score-only": "Studies give only a standard score, not points or people",
      "no-figure": "No number in our sources",
    } satisfies Record<NoComparisonReason, string>,
    noRating: {
      "not-a-treatment": "Not rated: not a treatment",
      "not-graded": "Not rated by our sources",
    } satisfies Record<NoRatingReason, string>,
  },
  es: {
    amount: (r: Row) => amount(r, "a"),
    bothWays: (r: Row, outcome: string) =>
      `${amount(r, "a")} de cada 100 ${outcome}; ${notAmount(r, "a")} no`,
    short: (r: Row) => `${amount(r, "a")} de cada 100 (${notAmount(r, "a")} no)`,
    people: (n: number) => `${n} ${n === 1 ? "persona" : "personas"} en este grupo`,
    range: (g: CountRange) => `lo más probable, de ${g.low} a ${g.high}`,
    rangeFrom: {
      count: "Los márgenes probables (95 %) los sacamos de las cifras del propio estudio.",
      share: "Los márgenes probables son aproximados: los sacamos del porcentaje y del tamaño del grupo.",
    },
    noGroupSize: "El estudio da cifras aproximadas, sin el tamaño de los grupos, así que no damos un margen.",
    noComparison: {
      "no-comparison-group": "Sin grupo con el que comparar, así que no hay un número justo",
      "standard-score-only": "Los estudios solo dan una medida estándar, no puntos ni personas",
      "no-figure": "No hay un número en nuestras fuentes",
    },
    noRating: {
      "not-a-treatment": "Sin nota: no es un tratamiento",
      "not-graded": "Sin nota de nuestras fuentes",
    },
  },
} as const satisfies Record<ContentLanguage, unknown>;

/** "45 people in this group, likely 31 to 59", or null without a group size. */
export function rowDetail(r: OutOf100Row, lang: ContentLanguage): string | null {
  const w = figureWords[lang];
  const range = rowRange(r);
  const parts = [r.armSize !== undefined ? w.people(r.armSize) : null, range ? w.range(range) : null];
  const kept = parts.filter((x) => x !== null);
  return kept.length ? kept.join(", ") : null;
}

/** "Bone marrow shot: 44 of 100 had their pain cut by half or more; 56 did not (45 people in this group, likely 31 to 59)." */
export function rowSentence(r: OutOf100Row, t: OutOf100, lang: ContentLanguage): string {
  const detail = rowDetail(r, lang);
  return `${r.label}: ${figureWords[lang].bothWays(r, t.outcome)}${detail ? ` (${detail})` : ""}.`;
}

/** Where the table's ranges come from, or why it has none; null when no row has a group size. */
export function rangeNote(t: OutOf100, lang: ContentLanguage): string | null {
  const w = figureWords[lang];
  if (t.approximate) return w.noGroupSize;
  const ranges = t.rows.map(rowRange).filter((g) => g !== null);
  if (ranges.length === 0) return null;
  return ranges.some((g) => g.from === "share") ? w.rangeFrom.share : w.rangeFrom.count;
}

/**
 * The glance figure as the sentences of the printed summary: who, when, each group framed both
 * ways with its size and range, and where the ranges come from; or the reason there is none.
 */
export function glanceSentences(o: DecisionOption, lang: ContentLanguage): string {
  const g = glanceFigure(o);
  const w = figureWords[lang];
  if (g.kind === "none") return `${w.noComparison[g.reason]}.`;
  if (g.kind === "average") {
    const a = g.average;
    return `${a.peopleLike}. ${capitalize(a.timeFrame)}, ${a.measure}: ${a.summary} ${a.note}`;
  }
  const t = g.table;
  const note = rangeNote(t, lang);
  return [
    `${t.peopleLike}. ${capitalize(t.timeFrame)}:`,
    ...t.rows.map((r) => rowSentence(r, t, lang)),
    ...(note ? [note] : []),
  ].join(" ");
}
