/**
 * The "change and responders" section: mean change from baseline with its 95% CI per treatment
 * and timepoint (small multiples on a shared scale), then one table per treatment with the
 * follow-up counts, completeness, n, mean change and responders.
 */
import { Alert, EmptyState, Group, List, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconChartDots } from "@tabler/icons-react";
import { useState } from "react";
import { useOutcomes } from "../api/queries";
import { formatDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { ChangePlot } from "./ChangePlot";
import { KindOutcomes, MEASURES } from "./KindOutcomes";
import { plotSeries } from "./plotData";

export function ReportView() {
  const report = useOutcomes();
  const [measure, setMeasure] = useState<string>("odi");

  if (report.isPending) return <Loading label="Loading the outcomes report…" />;
  if (report.isError)
    return <LoadError error={report.error} retry={() => report.refetch()} what="outcomes report" />;
  const r = report.data;
  const kinds = [...new Set(r.rows.map((x) => x.treatmentKind))];
  const series = plotSeries(r.rows, measure);
  const measureLabel = MEASURES.find((m) => m.id === measure)?.label ?? measure;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {r.patients === null
          ? "Fewer than 11 patients"
          : `${r.patients} ${r.patients === 1 ? "patient" : "patients"}`}{" "}
        with a recorded treatment · as of {formatDate(r.asOf)}
      </Text>
      {r.cohort && (
        <Text size="sm" fw={600}>
          {r.cohort.line}
        </Text>
      )}
      <Alert color="gray" variant="light" title="About these figures">
        <List size="sm" spacing={4}>
          {r.notes.map((n) => (
            // The caveat about causation is the one no reader may miss.
            <List.Item key={n} fw={/uncontrolled|caus/i.test(n) ? 650 : undefined}>
              {n}
            </List.Item>
          ))}
        </List>
      </Alert>
      {r.rows.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <EmptyState
            icon={<IconChartDots aria-hidden />}
            title="No outcomes yet"
            description="Figures appear once patients have a recorded treatment and their follow-ups come due."
            py="xl"
          />
        </Paper>
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            p={{ base: "sm", sm: "md" }}
            component="section"
            aria-labelledby="plot-h"
          >
            <Group justify="space-between" align="flex-end" gap="sm" mb="sm">
              <div>
                <Title order={2} size="h4" id="plot-h">
                  Mean change from baseline
                </Title>
                <Text size="sm" c="dimmed">
                  Points are means, bars are 95% confidence intervals. Below zero means less{" "}
                  {measure === "odi" ? "disability" : "pain"}.
                </Text>
              </div>
              <SegmentedControl
                value={measure}
                onChange={setMeasure}
                data={MEASURES.map((m) => ({ value: m.id, label: m.label }))}
                aria-label="Measure shown in the plot"
              />
            </Group>
            {series.length === 0 ? (
              <Text size="sm" c="dimmed" py="md">
                No treatment has at least {r.minimumCell} patients with both a baseline and a follow-up answer
                for {measureLabel} yet.
              </Text>
            ) : (
              <ChangePlot
                series={series}
                unit="points"
                label={measureLabel}
                limit={measure === "odi" ? 50 : 5}
              />
            )}
          </Paper>
          <Title order={2} size="h3" mt="sm">
            By treatment
          </Title>
          {kinds.map((k) => (
            <KindOutcomes
              key={k}
              kind={k}
              rows={r.rows.filter((x) => x.treatmentKind === k)}
              minimumCell={r.minimumCell}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
