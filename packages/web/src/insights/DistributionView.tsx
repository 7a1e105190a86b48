/**
 * The distribution of change, not only its mean: for the chosen questionnaire and timepoint, each
 * treatment's empirical CDF of change (share of patients whose change was at most x), a
 * quantile plot (10th–90th percentile whisker, quartile box, median), and a table with n, the
 * shares improved (with the range the missing patients could move it over) and clinically worse,
 * and each treatment's attrition funnel. Every step of a curve holds at least `minimumCell`
 * patients (the server merges smaller ones), so no one patient's change can be read off it.
 */

import { timepointLabel, timepoints } from "@evident/domain";
import type { ChangeDistribution, DistributionReport } from "@evident/domain/api";
import {
  Chip,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import * as Plot from "@observablehq/plot";
import { useMemo, useState } from "react";
import { formatChange, formatInterval, formatPercent } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { CohortLine, usePageCohort } from "./CohortLine";
import { DistributionTable, QuantileTable } from "./DistributionTables";
import { completenessText, Funnel } from "./Funnel";
import { missingRangeNote, missingRangeText } from "./figure-words";
import { kindColour, kindColourScale, kindLabel, kindShort } from "./kinds";
import { coreMeasures as MEASURES } from "./measure-choice";
import { Notes } from "./Notes";
import { PlotFigure } from "./ObservablePlot";
import { useDistribution } from "./queries";

const scaleLimit = (instrument: string) => (instrument === "odi" ? 60 : 8);

function ecdfPlot(groups: ChangeDistribution[], instrument: string, threshold: number) {
  const limit = scaleLimit(instrument);
  const kinds = groups.map((g) => g.treatmentKind);
  // Only the inner points: the first (share 0) and last (share 1) lie at the scale's ends, and a
  // step drawn to them would put the lowest or highest 11 patients at the edge of the plot.
  const data = groups.flatMap((g) =>
    g.ecdf.slice(1, -1).map((p) => ({
      kind: kindShort(g.treatmentKind),
      change: Math.max(-limit, Math.min(limit, p.change)),
      share: p.share,
    })),
  );
  return (width: number) =>
    Plot.plot({
      width,
      style: { fontSize: "12px" },
      marginBottom: 40,
      height: width < 500 ? 280 : 340,
      marginLeft: 44,
      x: {
        label: "Change from baseline (points) →",
        domain: [-limit, limit],
        grid: true,
        labelAnchor: "center",
        labelOffset: 34,
      },
      y: {
        label: "↑ Patients with at most this change (%)",
        domain: [0, 1],
        tickFormat: (d: number) => `${Math.round(d * 100)}`,
        grid: true,
      },
      color: { ...kindColourScale(kinds), legend: true },
      marks: [
        Plot.ruleX([0], { stroke: "#343a40" }),
        Plot.ruleX([-threshold], { stroke: "#868e96", strokeDasharray: "4,3" }),
        Plot.line(data, { x: "change", y: "share", stroke: "kind", curve: "step-after", strokeWidth: 2 }),
      ],
    });
}

function quantilePlot(groups: ChangeDistribution[], instrument: string) {
  const limit = scaleLimit(instrument);
  const shown = groups.filter((g) => g.quantiles !== null);
  const clamp = (v: number) => Math.max(-limit, Math.min(limit, v));
  const data = shown.map((g) => ({
    kind: kindShort(g.treatmentKind),
    colour: kindColour(g.treatmentKind),
    p10: clamp(g.quantiles?.p10 ?? 0),
    p25: clamp(g.quantiles?.p25 ?? 0),
    p50: clamp(g.quantiles?.p50 ?? 0),
    p75: clamp(g.quantiles?.p75 ?? 0),
    p90: clamp(g.quantiles?.p90 ?? 0),
  }));
  return (width: number) =>
    Plot.plot({
      width,
      style: { fontSize: "12px" },
      marginBottom: 40,
      height: 40 + 34 * data.length,
      marginLeft: width < 500 ? 126 : 140,
      x: {
        label: "Change from baseline (points) →",
        domain: [-limit, limit],
        grid: true,
        labelAnchor: "center",
        labelOffset: 34,
      },
      y: { label: null, domain: data.map((d) => d.kind) },
      marks: [
        Plot.ruleX([0], { stroke: "#343a40" }),
        Plot.ruleY(data, { y: "kind", x1: "p10", x2: "p90", stroke: "colour", strokeWidth: 2 }),
        Plot.barX(data, {
          y: "kind",
          x1: "p25",
          x2: "p75",
          fill: "colour",
          fillOpacity: 0.35,
          stroke: "colour",
          insetTop: 6,
          insetBottom: 6,
        }),
        Plot.tickX(data, {
          y: "kind",
          x: "p50",
          stroke: "colour",
          strokeWidth: 3,
          insetTop: 4,
          insetBottom: 4,
        }),
      ],
    });
}

export function DistributionView() {
  const [instrument, setInstrument] = useState("odi");
  const [timepoint, setTimepoint] = useState("12m");
  const [hidden, setHidden] = useState<string[]>([]);
  const query = useDistribution(instrument, timepoint, usePageCohort().query);
  const report: DistributionReport | undefined = query.data;
  const shown = useMemo(() => (report?.groups ?? []).filter((g) => !g.suppressed), [report]);
  const visible = useMemo(() => shown.filter((g) => !hidden.includes(g.treatmentKind)), [shown, hidden]);
  const threshold = instrument === "odi" ? 10 : 2;
  const renderEcdf = useMemo(
    () => ecdfPlot(visible, instrument, threshold),
    [visible, instrument, threshold],
  );
  const renderQuantiles = useMemo(() => quantilePlot(shown, instrument), [shown, instrument]);
  const name = MEASURES.find((m) => m.id === instrument)?.label ?? instrument;
  const when = timepointLabel(timepoint).toLowerCase();

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={instrument}
          onChange={setInstrument}
          data={MEASURES.map((m) => ({ value: m.id, label: m.label }))}
          aria-label="Questionnaire"
        />
        <NativeSelect
          label="Timepoint"
          value={timepoint}
          onChange={(e) => setTimepoint(e.currentTarget.value)}
          data={timepoints.map((t) => ({ value: t.id, label: t.label }))}
          w={160}
        />
      </Group>
      {query.isPending ? (
        <Loading label="Loading the distribution of change…" />
      ) : query.isError || !report ? (
        <LoadError error={query.error} retry={() => query.refetch()} what="distribution of change" />
      ) : report.groups.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            No {when} follow-up has fallen due yet.
          </Text>
        </Paper>
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            p={{ base: "sm", sm: "md" }}
            component="section"
            aria-labelledby="ecdf-h"
          >
            <Title order={2} size="h4" id="ecdf-h" mb={4}>
              {name}: change from baseline to {when}
            </Title>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                No treatment has {report.minimumCell} or more patients with a baseline and a {when} answer
                yet.
              </Text>
            ) : (
              <Stack gap="md">
                <Chip.Group
                  multiple
                  value={shown.map((g) => g.treatmentKind).filter((k) => !hidden.includes(k))}
                  onChange={(on) =>
                    setHidden(shown.map((g) => g.treatmentKind).filter((k) => !on.includes(k)))
                  }
                >
                  <Group gap={6} role="group" aria-label="Treatments shown in the plot">
                    {shown.map((g) => (
                      <Chip key={g.treatmentKind} value={g.treatmentKind} size="xs" color="gray">
                        {kindShort(g.treatmentKind)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                <PlotFigure
                  caption={`Each line: the share of patients whose ${name} changed by at most the amount on the horizontal axis. Lines further left and higher mean more patients improved. Dashed line: the responder threshold (${threshold} points better). Every step holds at least ${report.minimumCell} patients (smaller ones are merged into their neighbours); a line starts once ${report.minimumCell} patients lie at or below it and stops where ${report.minimumCell} or more are still above it, so that no one patient's change, nor the smallest or largest, can be read off it. Too few patients for two steps: no line.`}
                  label={`Cumulative distribution of the change in ${name} at ${when}, by treatment.`}
                  render={renderEcdf}
                  table={<DistributionTable groups={visible} />}
                  answer={report}
                  file={{
                    name: `distribution-ecdf-${instrument}-${timepoint}-${report.asOf}`,
                    title: `${name}: cumulative distribution of change to ${when}, by treatment`,
                    render: renderEcdf,
                    csv: () => ({
                      header: ["treatment", "change", "share_at_most"],
                      rows: visible.flatMap((g) =>
                        g.ecdf.map((p) => [kindLabel(g.treatmentKind), p.change, p.share]),
                      ),
                    }),
                  }}
                />
                <PlotFigure
                  caption="Spread of the change: the line runs from the 10th to the 90th percentile, the box from the 25th to the 75th, the thick mark is the median."
                  label={`Percentiles of the change in ${name} at ${when}, by treatment.`}
                  render={renderQuantiles}
                  table={<QuantileTable groups={shown} />}
                  answer={report}
                  file={{
                    name: `distribution-percentiles-${instrument}-${timepoint}-${report.asOf}`,
                    title: `${name}: percentiles of change to ${when}, by treatment`,
                    render: renderQuantiles,
                    csv: () => ({
                      header: ["treatment", "n", "p10", "p25", "p50", "p75", "p90"],
                      rows: shown.map((g) => [
                        kindLabel(g.treatmentKind),
                        g.n,
                        g.quantiles?.p10 ?? null,
                        g.quantiles?.p25 ?? null,
                        g.quantiles?.p50 ?? null,
                        g.quantiles?.p75 ?? null,
                        g.quantiles?.p90 ?? null,
                      ]),
                    }),
                  }}
                />
              </Stack>
            )}
          </Paper>
          <Title order={2} size="h4">
            Who is in these figures
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            {report.groups.map((g) => (
              <Paper key={g.treatmentKind} withBorder radius="md" p="sm">
                <Funnel
                  steps={g.funnel}
                  title={kindShort(g.treatmentKind)}
                  colour={kindColour(g.treatmentKind)}
                />
                <Text size="xs" c="dimmed" mt={6}>
                  {completenessText(g.completeness)}
                </Text>
                <Text size="xs" mt={4}>
                  {g.suppressed
                    ? `Fewer than ${report.minimumCell} analysed: no estimate shown.`
                    : `Improved: ${formatPercent(g.improved.share)} (${formatInterval(g.improved.ci, formatPercent)})${g.improvedRange ? `, ${missingRangeText(g.improvedRange, "improve")}` : ""}; worse: ${formatPercent(g.worsened.share)}; median change ${formatChange(g.quantiles?.p50)}.`}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <CohortLine answer={report} />
          <Notes
            notes={report.notes}
            extra={[`Improved: ${report.improvedRule}. Worse: ${report.worsenedRule}.`, missingRangeNote]}
          />
        </>
      )}
    </Stack>
  );
}
