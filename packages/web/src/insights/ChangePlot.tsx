/**
 * Mean change from baseline with its 95% confidence interval, by timepoint, one marker shape and
 * colour per treatment kind (dodged side by side so intervals do not overlap). Negative is
 * improvement for pain and disability, so "better" is marked below the zero line. Drawn as plain
 * SVG at the container's real width so labels stay legible on a phone.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import { Box, Group, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { formatChange, formatInterval, formatNumber } from "../components/format";
import { type PlotSeries, plotTimepoints, yAxis } from "./plotData";

/** Okabe–Ito-based colours, each ≥ 3:1 against white (WCAG 1.4.11). */
const COLOURS = ["#0072B2", "#C24E00", "#007A5A", "#AA3377", "#555555", "#8B6500"];
const SHAPES = ["circle", "square", "triangle", "diamond", "circle", "square"] as const;

function Marker({
  shape,
  x,
  y,
  colour,
}: {
  shape: (typeof SHAPES)[number];
  x: number;
  y: number;
  colour: string;
}) {
  const r = 5.5;
  if (shape === "square") return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (shape === "triangle")
    return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
  if (shape === "diamond")
    return (
      <polygon
        points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`}
        fill={colour}
      />
    );
  return <circle cx={x} cy={y} r={r} fill={colour} />;
}

/** "12 mo" rather than "12 months" where five labels share a phone's width. */
const shortLabel = (tp: string) =>
  timepointLabel(tp)
    .replace(/ weeks?$/, " wk")
    .replace(/ months?$/, " mo");

export function ChangePlot({ series, unit, label }: { series: PlotSeries[]; unit: string; label: string }) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, measured || 320);
  const height = 300;
  const m = { top: 24, right: 12, bottom: 40, left: 48 };
  const tps = plotTimepoints(series);
  const axis = yAxis(series);
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const band = plotW / Math.max(1, tps.length);
  const dodge = Math.min(18, (band * 0.7) / Math.max(1, series.length));
  const y = (v: number) => m.top + ((axis.max - v) / (axis.max - axis.min)) * plotH;
  const x = (tp: string, k: number) =>
    m.left + band * (tps.indexOf(tp) + 0.5) + (k - (series.length - 1) / 2) * dodge;
  const kindName = (id: string) => treatmentKind(id)?.label ?? id;

  return (
    <Box ref={ref} w="100%">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: mean change from baseline with 95% confidence intervals, by timepoint and treatment. The same figures are in the tables below.`}
      >
        {axis.ticks.map((t) => (
          <g key={t}>
            <line
              x1={m.left}
              x2={width - m.right}
              y1={y(t)}
              y2={y(t)}
              stroke={t === 0 ? "#343a40" : "#dee2e6"}
              strokeWidth={t === 0 ? 1.5 : 1}
            />
            <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={12} fill="#495057">
              {formatNumber(t, Number.isInteger(t) ? 0 : 1)}
            </text>
          </g>
        ))}
        <text x={2} y={12} fontSize={12} fill="#495057">
          ↑ worse
        </text>
        <text x={2} y={height - 6} fontSize={12} fill="#495057">
          ↓ better
        </text>
        {tps.map((tp) => (
          <text
            key={tp}
            x={m.left + band * (tps.indexOf(tp) + 0.5)}
            y={height - m.bottom + 18}
            textAnchor="middle"
            fontSize={12}
            fill="#343a40"
          >
            {band < 80 ? shortLabel(tp) : timepointLabel(tp)}
          </text>
        ))}
        {series.map((s, k) => {
          const colour = COLOURS[k % COLOURS.length]!;
          const shape = SHAPES[k % SHAPES.length]!;
          return (
            <g key={s.kind}>
              {s.points.length > 1 && (
                <polyline
                  points={s.points.map((p) => `${x(p.timepoint, k)},${y(p.change)}`).join(" ")}
                  fill="none"
                  stroke={colour}
                  strokeOpacity={0.45}
                  strokeWidth={1.5}
                />
              )}
              {s.points.map((p) => (
                <g key={p.timepoint}>
                  <title>
                    {`${kindName(s.kind)}, ${timepointLabel(p.timepoint)}: ${formatChange(p.change)} ${unit} (95% CI ${formatInterval(p.ci, (v) => formatChange(v))}), n = ${p.n}`}
                  </title>
                  {p.ci && (
                    <>
                      <line
                        x1={x(p.timepoint, k)}
                        x2={x(p.timepoint, k)}
                        y1={y(p.ci[0])}
                        y2={y(p.ci[1])}
                        stroke={colour}
                        strokeWidth={2}
                      />
                      {[p.ci[0], p.ci[1]].map((v) => (
                        <line
                          key={v}
                          x1={x(p.timepoint, k) - 4}
                          x2={x(p.timepoint, k) + 4}
                          y1={y(v)}
                          y2={y(v)}
                          stroke={colour}
                          strokeWidth={2}
                        />
                      ))}
                    </>
                  )}
                  <Marker shape={shape} x={x(p.timepoint, k)} y={y(p.change)} colour={colour} />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} component="ul" p={0} style={{ listStyle: "none" }} aria-label="Legend">
        {series.map((s, k) => (
          <Group key={s.kind} gap={6} component="li" wrap="nowrap">
            <svg width={16} height={16} aria-hidden="true">
              <Marker shape={SHAPES[k % SHAPES.length]!} x={8} y={8} colour={COLOURS[k % COLOURS.length]!} />
            </svg>
            <Text size="sm">{kindName(s.kind)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
