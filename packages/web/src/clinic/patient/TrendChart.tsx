/**
 * Back pain (0–10, left axis) and ODI (0–100, right axis) over the patient's sittings. The chart
 * is a picture of the table next to it; screen readers get a summary and the table.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import type { ResponseView, TreatmentView } from "@evident/domain/api";
import { LineChart } from "@mantine/charts";
import { Box, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { formatDate, formatNumber } from "../../components/format";
import { trendPoints } from "../../components/sittings";

const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export function TrendChart({
  responses,
  treatments,
}: {
  responses: readonly ResponseView[];
  treatments: readonly TreatmentView[];
}) {
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const points = trendPoints(responses);
  if (points.length === 0) return null;
  // Time runs along the axis (not one slot per sitting), so gaps between answers look like gaps.
  const data = points.map((p) => ({
    t: Date.parse(p.at),
    label: `${timepointLabel(p.timepoint)} · ${formatDate(p.at)}`,
    nrs_back: p.nrs_back,
    odi: p.odi === null ? null : Math.round(p.odi),
  }));
  // Treatments as marks on the time axis: the change is read against when they happened.
  // Numbered in date order on the chart (names would collide), named in the caption.
  const marks = treatments
    .map((t) => ({
      x: Date.parse(`${t.date}T12:00:00Z`),
      date: t.date,
      label: treatmentKind(t.kind)?.label ?? t.kind,
    }))
    .sort((a, b) => a.x - b.x);
  const times = [...data.map((d) => d.t), ...marks.map((m) => m.x)];
  const summary = points
    .map(
      (p) =>
        `${timepointLabel(p.timepoint)}: back pain ${p.nrs_back ?? "not answered"}, ODI ${p.odi === null ? "not scored" : formatNumber(p.odi, 0)}`,
    )
    .join("; ");
  const treated = marks
    .map((m, i) => `${marks.length > 1 ? `${i + 1} ` : ""}${m.label} on ${formatDate(m.date)}`)
    .join("; ");

  return (
    <Box
      component="figure"
      m={0}
      aria-label={`Trend of back pain and ODI. ${summary}.${treated ? ` Treatments: ${treated}.` : ""}`}
    >
      <Box aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="t"
          xAxisProps={{
            type: "number",
            scale: "time",
            domain: [Math.min(...times), Math.max(...times)],
            tickFormatter: (t: number) => monthFmt.format(new Date(t)),
            padding: { left: 14, right: 14 },
            tickCount: 6,
          }}
          tooltipProps={{
            labelFormatter: (_: unknown, payload: readonly { payload?: { label?: string } }[]) =>
              payload[0]?.payload?.label ?? "",
          }}
          series={[
            { name: "nrs_back", label: "Back pain (0–10)", color: "blue.8" },
            {
              name: "odi",
              label: "ODI (0–100)",
              color: "orange.9",
              yAxisId: "right",
              strokeDasharray: "6 4",
            },
          ]}
          referenceLines={marks.map((m, i) => ({
            x: m.x,
            label: marks.length > 1 ? String(i + 1) : narrow ? undefined : m.label,
            color: "gray.7",
            labelPosition: "insideTopLeft",
            strokeDasharray: "2 3",
            ifOverflow: "extendDomain",
          }))}
          withRightYAxis
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 28 }}
          rightYAxisProps={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], width: 36 }}
          withLegend
          legendProps={{ verticalAlign: "top", height: 36 }}
          curveType="linear"
          connectNulls
          gridAxis="x"
          accessibilityLayer={false}
          dotProps={{ r: 4 }}
          tooltipAnimationDuration={0}
          lineChartProps={{ margin: { left: 0, right: 0, top: 4, bottom: 0 } }}
        />
      </Box>
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {marks.length > 0 && `Dotted lines: ${treated}. `}
        {points.length === 1 && "One set of answers so far: the trend appears after the first follow-up."}
      </Text>
    </Box>
  );
}
