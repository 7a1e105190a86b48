/**
 * Surgery-free survival for a file: every treatment's Kaplan–Meier curve with its 95% band on one
 * plot (the page shows one panel per treatment), each curve named at its end, and the curves'
 * points as CSV rows.
 */
import type { SurvivalGroup } from "@evident/domain/api";
import * as Plot from "@observablehq/plot";
import { kindColour, kindLabel, kindShort } from "./kinds";

const MONTH = 365.25 / 12;

export function survivalChart(groups: readonly SurvivalGroup[], floor: number, horizon: number) {
  const drawn = groups.filter((g) => g.curve.length > 0);
  const points = drawn.flatMap((g) =>
    g.curve.map((p) => ({
      kind: kindShort(g.treatmentKind),
      month: p.day / MONTH,
      survival: p.survival,
      lower: p.lower ?? p.survival,
      upper: p.upper ?? p.survival,
    })),
  );
  const ends = drawn.map((g) => {
    const last = g.curve[g.curve.length - 1]!;
    return { kind: kindShort(g.treatmentKind), month: last.day / MONTH, survival: last.survival };
  });
  const color = {
    domain: drawn.map((g) => kindShort(g.treatmentKind)),
    range: drawn.map((g) => kindColour(g.treatmentKind)),
  };
  return (width: number) =>
    Plot.plot({
      width,
      height: 380,
      marginLeft: 44,
      marginRight: 120,
      marginBottom: 40,
      style: { fontSize: "12px", background: "#ffffff" },
      x: { label: "Months since the first treatment →", domain: [0, horizon], grid: true },
      y: {
        label: "↑ Surgery-free (%)",
        domain: [floor, 1],
        tickFormat: (d: number) => `${Math.round(d * 100)}`,
        grid: true,
      },
      color,
      marks: [
        Plot.areaY(points, {
          x: "month",
          y1: "lower",
          y2: "upper",
          fill: "kind",
          fillOpacity: 0.12,
          curve: "step-after",
        }),
        Plot.line(points, { x: "month", y: "survival", stroke: "kind", strokeWidth: 2, curve: "step-after" }),
        Plot.text(ends, {
          x: "month",
          y: "survival",
          text: "kind",
          fill: "kind",
          dx: 6,
          textAnchor: "start",
        }),
      ],
    });
}

export const survivalHeader = [
  "treatment",
  "day",
  "surgery_free",
  "lower95",
  "upper95",
  "at_risk",
  "operations",
];

export function survivalRows(groups: readonly SurvivalGroup[]) {
  return groups.flatMap((g) =>
    g.curve.map((p) => [kindLabel(g.treatmentKind), p.day, p.survival, p.lower, p.upper, p.atRisk, p.events]),
  );
}
