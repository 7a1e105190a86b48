/**
 * Data for the outcomes plot: per treatment kind, the mean change from baseline and its 95% CI
 * at each timepoint for one instrument; plus axis ticks. Pure, so tested without a DOM.
 */
import { timepointLabel, timepoints } from "@evident/domain";
import type { OutcomeRow } from "@evident/domain/api";

export type PlotPoint = {
  timepoint: string;
  n: number;
  change: number;
  ci: readonly [number, number] | null;
};
export type PlotSeries = { kind: string; points: PlotPoint[] };

const order: string[] = timepoints.map((t) => t.id);
export const timepointRank = (id: string): number => {
  const i = order.indexOf(id);
  return i === -1 ? order.length : i;
};

export function plotSeries(rows: readonly OutcomeRow[], instrument: string): PlotSeries[] {
  const byKind = new Map<string, PlotPoint[]>();
  for (const row of rows) {
    const m = row.measures.find((x) => x.instrument === instrument);
    const points = byKind.get(row.treatmentKind) ?? [];
    byKind.set(row.treatmentKind, points);
    if (!m || m.meanChange === null || m.n === 0) continue;
    points.push({ timepoint: row.timepoint, n: m.n, change: m.meanChange, ci: m.meanChangeCI });
  }
  return [...byKind.entries()]
    .map(([kind, points]) => ({
      kind,
      points: points.sort((a, b) => timepointRank(a.timepoint) - timepointRank(b.timepoint)),
    }))
    .filter((s) => s.points.length > 0);
}

/** Timepoints that have at least one point, in schedule order. */
export function plotTimepoints(series: readonly PlotSeries[]): string[] {
  const set = new Set(series.flatMap((s) => s.points.map((p) => p.timepoint)));
  return [...set].sort((a, b) => timepointRank(a) - timepointRank(b));
}

/**
 * A y-range that always shows zero (no change) and every interval, with round ticks. `limit`
 * caps how far it reaches either way (e.g. half the scale): one tiny group's huge interval would
 * otherwise flatten everyone else's; a capped interval is drawn running off the edge.
 */
export function yAxis(
  series: readonly PlotSeries[],
  limit = Number.POSITIVE_INFINITY,
): { min: number; max: number; ticks: number[] } {
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => (p.ci ? [p.ci[0], p.ci[1], p.change] : [p.change])),
  );
  let lo = Math.max(-limit, Math.min(0, ...values));
  let hi = Math.min(limit, Math.max(0, ...values));
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const step = niceStep((hi - lo) / 5);
  const min = Math.max(-limit, Math.floor(lo / step) * step);
  const max = Math.min(limit, Math.ceil(hi / step) * step);
  // Ticks are multiples of the step, so zero is always one of them.
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step / 2; t += step) {
    if (t <= max) ticks.push(Number(t.toFixed(10)));
  }
  return { min, max, ticks };
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/**
 * A timepoint's label from longest to shortest: "12 months", "12 mo", "12m" (the axis's
 * description says the unit in full).
 */
export const timepointForms: readonly ((id: string) => string)[] = [
  timepointLabel,
  (id) =>
    timepointLabel(id)
      .replace(/ weeks?$/, " wk")
      .replace(/ months?$/, " mo"),
  (id) =>
    timepointLabel(id)
      .replace(/ weeks?$/, "w")
      .replace(/ months?$/, "m"),
];

/**
 * The timepoint labels a plot's x-axis can hold without running together ("6 wk3 mo6 mo12 mo"):
 * the longest form ("12 months", "12 mo", "12m") whose widest label fits its slot with a gap,
 * measured with a conservative width per character; if even the shortest does not fit, every
 * other label (null: no label at that slot), the first always shown.
 */
export function timepointTicks(
  ids: readonly string[],
  band: number,
  forms: readonly ((id: string) => string)[],
  charWidth = 6.6,
  gap = 8,
): (string | null)[] {
  const fits = (labels: readonly string[], slot: number) =>
    labels.every((l) => l.length * charWidth + gap <= slot);
  for (const form of forms) {
    const labels = ids.map(form);
    if (fits(labels, band)) return labels;
  }
  const shortest = forms[forms.length - 1] ?? ((id: string) => id);
  return ids.map((id, i) => (i % 2 === 0 ? shortest(id) : null));
}
