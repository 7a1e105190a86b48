/**
 * Back pain (0–10, left axis) and ODI (0–100, right axis) over the patient's sittings. The chart
 * is a picture of the table next to it; screen readers get a summary and the table.
 */
import { timepointLabel } from "@evident/domain";
import type { ResponseView } from "@evident/domain/api";
import { LineChart } from "@mantine/charts";
import { Box, Text } from "@mantine/core";
import { formatDate, formatNumber } from "../../components/format";
import { trendPoints } from "../../components/sittings";

export function TrendChart({ responses }: { responses: readonly ResponseView[] }) {
  const points = trendPoints(responses);
  if (points.length === 0) return null;
  const data = points.map((p) => ({
    label: `${timepointLabel(p.timepoint)} (${formatDate(p.at)})`,
    short: timepointLabel(p.timepoint),
    nrs_back: p.nrs_back,
    odi: p.odi === null ? null : Math.round(p.odi),
  }));
  const summary = points
    .map(
      (p) =>
        `${timepointLabel(p.timepoint)}: back pain ${p.nrs_back ?? "not answered"}, ODI ${p.odi === null ? "not scored" : formatNumber(p.odi, 0)}`,
    )
    .join("; ");

  return (
    <Box component="figure" m={0} aria-label={`Trend of back pain and ODI. ${summary}.`}>
      <Box aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="short"
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
          withRightYAxis
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 28 }}
          rightYAxisProps={{ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100], width: 36 }}
          withLegend
          legendProps={{ verticalAlign: "top", height: 36 }}
          curveType="linear"
          connectNulls
          gridAxis="y"
          accessibilityLayer={false}
          dotProps={{ r: 4 }}
          tooltipAnimationDuration={0}
          lineChartProps={{ margin: { left: 0, right: 0, top: 4, bottom: 0 } }}
        />
      </Box>
      {points.length === 1 && (
        <Text component="figcaption" size="sm" c="dimmed" mt={4}>
          One set of answers so far: the trend appears after the first follow-up.
        </Text>
      )}
    </Box>
  );
}
