/**
 * Mean change from baseline with its 95% confidence interval at each timepoint: one small panel
 * per treatment kind, all on the same y-axis so panels can be compared at a glance. Negative is
 * improvement for pain and disability ("better" is below the zero line), positive for measures
 * where higher is better (PROMIS physical function, EQ-5D): the caption says which. Drawn as plain SVG at
 * the panel's real width so labels stay legible on a phone; an interval that runs past the
 * axis ends in an arrow.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import { Badge, Box, Group, Paper, SimpleGrid, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { formatChange, formatInterval, formatNumber } from "../components/format";
import { type PlotSeries, plotTimepoints, timepointForms, timepointTicks, yAxis } from "./plotData";

type Axis = ReturnType<typeof yAxis>;

const INK = "#1864ab";
/** Points from fewer patients than this are drawn open: no estimate comes from fewer than 11, but up to 20 the interval is wide. */
const FEW = 20;

function Panel({
  series,
  timepoints,
  axis,
  unit,
}: {
  series: PlotSeries;
  timepoints: string[];
  axis: Axis;
  unit: string;
}) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(160, measured || 200);
  const height = 190;
  const m = { top: 10, right: 8, bottom: 26, left: 36 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const band = plotW / Math.max(1, timepoints.length);
  const clamp = (v: number) => Math.min(axis.max, Math.max(axis.min, v));
  const y = (v: number) => m.top + ((axis.max - clamp(v)) / (axis.max - axis.min)) * plotH;
  const x = (tp: string) => m.left + band * (timepoints.indexOf(tp) + 0.5);
  const ticks = timepointTicks(timepoints, band, timepointForms);
  const info = treatmentKind(series.kind);
  const name = info?.label ?? series.kind;
  const described = series.points
    .map((p) => `${timepointLabel(p.timepoint)} ${formatChange(p.change)} (n = ${p.n})`)
    .join("; ");

  return (
    <Paper withBorder radius="md" p="xs">
      <Group gap={6} mb={2} wrap="wrap" mih={{ base: 0, lg: 70 }} align="flex-start">
        <Text size="sm" fw={650} lh={1.3}>
          {name}
        </Text>
        {info?.regulatoryNote && <Badge color="yellow">Investigational</Badge>}
      </Group>
      <Box ref={ref} w="100%">
        <svg width={width} height={height} role="img" aria-label={`${name}: mean change ${described}.`}>
          {axis.ticks.map((t) => (
            <g key={t}>
              <line
                x1={m.left}
                x2={width - m.right}
                y1={y(t)}
                y2={y(t)}
                stroke={t === 0 ? "#343a40" : "#e9ecef"}
                strokeWidth={t === 0 ? 1.5 : 1}
              />
              <text x={m.left - 5} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill="#495057">
                {formatNumber(t, Number.isInteger(t) ? 0 : 1)}
              </text>
            </g>
          ))}
          {timepoints.map((tp, i) => (
            <text key={tp} x={x(tp)} y={height - 8} textAnchor="middle" fontSize={11} fill="#343a40">
              {ticks[i]}
            </text>
          ))}
          {series.points.length > 1 && (
            <polyline
              points={series.points.map((p) => `${x(p.timepoint)},${y(p.change)}`).join(" ")}
              fill="none"
              stroke={INK}
              strokeOpacity={0.4}
              strokeWidth={1.5}
            />
          )}
          {series.points.map((p) => {
            const cx = x(p.timepoint);
            return (
              <g key={p.timepoint}>
                <title>
                  {`${name}, ${timepointLabel(p.timepoint)}: ${formatChange(p.change)} ${unit} (95% CI ${formatInterval(p.ci, (v) => formatChange(v))}), n = ${p.n}`}
                </title>
                {p.ci && (
                  <>
                    <line x1={cx} x2={cx} y1={y(p.ci[0])} y2={y(p.ci[1])} stroke={INK} strokeWidth={2} />
                    {[p.ci[0], p.ci[1]].map((v) =>
                      v < axis.min || v > axis.max ? (
                        <polygon
                          key={v}
                          points={
                            v < axis.min
                              ? `${cx - 4},${y(v) - 6} ${cx + 4},${y(v) - 6} ${cx},${y(v)}`
                              : `${cx - 4},${y(v) + 6} ${cx + 4},${y(v) + 6} ${cx},${y(v)}`
                          }
                          fill={INK}
                        />
                      ) : (
                        <line
                          key={v}
                          x1={cx - 4}
                          x2={cx + 4}
                          y1={y(v)}
                          y2={y(v)}
                          stroke={INK}
                          strokeWidth={2}
                        />
                      ),
                    )}
                  </>
                )}
                <circle
                  cx={cx}
                  cy={y(p.change)}
                  r={p.n < FEW ? 3.5 : 5}
                  fill={p.n < FEW ? "#fff" : INK}
                  stroke={INK}
                  strokeWidth={2}
                />
              </g>
            );
          })}
        </svg>
      </Box>
    </Paper>
  );
}

export function ChangePlot({
  series,
  unit,
  label,
  limit,
  improvement,
}: {
  series: PlotSeries[];
  unit: string;
  label: string;
  /** Which side of zero is better, in words ("Below zero: … better."). */
  improvement: string;
  /** How far from zero the shared axis may reach (e.g. half the scale). */
  limit: number;
}) {
  const timepoints = plotTimepoints(series);
  const axis = yAxis(series, limit);
  return (
    <Box>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" aria-label={`${label}, by treatment`}>
        {series.map((s) => (
          <Panel key={s.kind} series={s} timepoints={timepoints} axis={axis} unit={unit} />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {improvement} Open circles: fewer than {FEW} patients, so a wide interval. Every panel has the same
        scale.
      </Text>
    </Box>
  );
}
