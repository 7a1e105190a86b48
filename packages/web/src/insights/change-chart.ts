/**
 * The change plot for a file: the same small multiples as the page (one panel per treatment, a
 * shared y-axis, mean change with its 95% interval at each timepoint) drawn by Observable Plot at
 * a fixed width, and its numbers as CSV rows. The page draws its own panels (ChangePlot) so that
 * they reflow on a phone; the file needs one standalone SVG.
 */
import * as Plot from "@observablehq/plot";
import { kindLabel, kindShort } from "./kinds";
import { type PlotSeries, plotTimepoints, timepointForms, timepointTicks, yAxis } from "./plotData";

const INK = "#1864ab";

export function changeChart(series: readonly PlotSeries[], label: string, limit: number) {
  const axis = yAxis(series, limit);
  const clamp = (v: number) => Math.max(axis.min, Math.min(axis.max, v));
  const tps = plotTimepoints(series);
  return (width: number) => {
    const cols = Math.max(1, Math.min(series.length, width < 600 ? 2 : 4));
    // Each panel's slot per timepoint, so the labels are as long as fit without running together.
    const band = (((width - 48 - 20) / cols) * 0.88) / Math.max(1, tps.length);
    const ticks = timepointTicks(tps, band, timepointForms);
    const tick = (id: string) => ticks[tps.indexOf(id)] ?? "";
    const rows = Math.ceil(series.length / cols);
    const at = (i: number) => ({ col: i % cols, row: Math.floor(i / cols) });
    const points = series.flatMap((s, i) =>
      s.points.map((p) => ({
        ...at(i),
        timepoint: p.timepoint,
        change: clamp(p.change),
        lower: clamp(p.ci?.[0] ?? p.change),
        upper: clamp(p.ci?.[1] ?? p.change),
      })),
    );
    const heads = series.map((s, i) => ({ ...at(i), name: kindShort(s.kind) }));
    return Plot.plot({
      width,
      height: rows * 190 + 50,
      marginLeft: 48,
      marginTop: 24,
      marginBottom: 40,
      style: { fontSize: "11px", background: "#ffffff" },
      fx: { axis: null, domain: [...Array(cols).keys()], padding: 0.12 },
      fy: { axis: null, domain: [...Array(rows).keys()], padding: 0.18 },
      x: { domain: tps, label: null, tickFormat: tick },
      y: { domain: [axis.min, axis.max], grid: true, label: `↑ ${label}: mean change` },
      marks: [
        Plot.frame({ stroke: "#dee2e6" }),
        Plot.ruleY([0], { stroke: "#343a40", strokeWidth: 1.5 }),
        Plot.ruleX(points, {
          x: "timepoint",
          y1: "lower",
          y2: "upper",
          fx: "col",
          fy: "row",
          stroke: INK,
          strokeWidth: 2,
        }),
        Plot.dot(points, { x: "timepoint", y: "change", fx: "col", fy: "row", fill: INK, r: 4 }),
        Plot.text(heads, {
          fx: "col",
          fy: "row",
          text: "name",
          frameAnchor: "top-left",
          dx: 4,
          dy: -14,
          fontWeight: 600,
          fontSize: 12,
        }),
      ],
    });
  };
}

export const changeHeader = ["treatment", "timepoint", "measure", "n", "mean_change", "lower95", "upper95"];

export function changeRows(series: readonly PlotSeries[], measure: string) {
  return series.flatMap((s) =>
    s.points.map((p) => [
      kindLabel(s.kind),
      p.timepoint,
      measure,
      p.n,
      p.change,
      p.ci?.[0] ?? null,
      p.ci?.[1] ?? null,
    ]),
  );
}
