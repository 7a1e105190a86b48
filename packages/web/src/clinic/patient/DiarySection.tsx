/**
 * The patient's pain diary for the clinic: daily back and leg pain and opioid use in morphine
 * milligram equivalents (CDC 2022 factors) over the last weeks, as a chart with a table's words
 * for screen readers. Shown only when the patient has written in it.
 */
import type { DiaryView } from "@evident/domain/api";
import { LineChart } from "@mantine/charts";
import { Box, Paper, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { formatDate } from "../../components/format";

export function DiarySection({ patientId }: { patientId: string }) {
  const q = useQuery({
    queryKey: ["patients", patientId, "diary"],
    queryFn: () => api.get<DiaryView>(`/patients/${patientId}/diary`),
  });
  const entries = [...(q.data?.entries ?? [])].reverse();
  if (entries.length === 0) return null;
  const data = entries.map((e) => ({
    day: formatDate(e.date),
    back: e.backPain,
    leg: e.legPain,
    mme: e.mme,
  }));
  const latest = entries.at(-1)!;
  const maxMme = Math.max(...entries.map((e) => e.mme));
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="diary-h">
      <Title order={2} size="h4" id="diary-h" mb="xs">
        Pain diary and opioid use
      </Title>
      <Text size="sm">
        {entries.length} days written; latest {formatDate(latest.date)}: back {latest.backPain}, leg{" "}
        {latest.legPain}, opioids {latest.mme} MME/day (highest {maxMme}).
      </Text>
      <Box
        component="figure"
        m={0}
        mt="xs"
        aria-label={`Diary: ${entries.map((e) => `${e.date} back ${e.backPain}, leg ${e.legPain}, ${e.mme} MME`).join("; ")}.`}
      >
        {/* Hidden from screen readers (the figure's name reads the data), so nothing in it may take
            focus: recharts' keyboard layer would put the chart surface in the tab order
            (axe's aria-hidden-focus). */}
        <Box aria-hidden="true">
          <LineChart
            h={180}
            accessibilityLayer={false}
            data={data}
            dataKey="day"
            withLegend
            withRightYAxis
            rightYAxisLabel="MME/day"
            yAxisProps={{ domain: [0, 10] }}
            series={[
              { name: "back", label: "Back pain", color: "blue.8" },
              { name: "leg", label: "Leg pain", color: "orange.9" },
              { name: "mme", label: "Opioids (MME/day)", color: "grape.8", yAxisId: "right" },
            ]}
          />
        </Box>
      </Box>
      <Text size="xs" c="dimmed" mt={4}>
        MME from the CDC 2022 conversion factors: an estimate of exposure, not a dose to convert between
        opioids.
      </Text>
    </Paper>
  );
}
