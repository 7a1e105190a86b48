/**
 * Clinic benchmarking: a funnel plot (Spiegelhalter 2005) of each clinic's observed ÷ expected
 * against its expected count, with the 95% and 99.8% control limits as curves, and the same
 * numbers as a table under it (the plot's text alternative, always shown). The figure downloads
 * as SVG or PNG and the numbers as CSV, each with the page's cohort line. Which clinics are named, and why, is the server's rule, shown
 * verbatim: staff see their own clinic, researchers only clinics that agreed.
 */
import type { BenchmarkClinic, BenchmarkQuery, BenchmarkReport } from "@evident/domain/api";
import { Alert, Badge, Box, Group, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import * as Plot from "@observablehq/plot";
import { IconInfoCircle } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { formatNumber, formatPercent } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { CohortLine, usePageCohort } from "./CohortLine";
import { FigureDownloads } from "./FigureDownloads";
import { Notes } from "./Notes";
import { ObservablePlot } from "./ObservablePlot";
import { useBenchmarks } from "./queries";
import { ScrollTable } from "./ScrollTable";

type Measure = BenchmarkQuery["measure"];

const measures: { value: Measure; label: string }[] = [
  { value: "odi", label: "Responders at 12 months (ODI)" },
  { value: "nrs_back", label: "Responders at 12 months (back pain)" },
  { value: "surgery", label: "Surgery within 12 months" },
];

const LIMIT95 = "#1c7ed6";
const LIMIT998 = "#c92a2a";
const OWN = "#5f3dc4";
const OTHER = "#495057";

/** How a clinic shows: its name where the viewer may see it, else its label. */
export const clinicTitle = (c: BenchmarkClinic): string => (c.name ? `${c.name} (${c.label})` : c.label);

/** Where a clinic's ratio falls against its own limits, in words. */
export function position(c: BenchmarkClinic): string {
  if (c.ratio > c.upper998) return "Above the 99.8% limit";
  if (c.ratio > c.upper95) return "Above the 95% limit";
  if (c.ratio < c.lower998) return "Below the 99.8% limit";
  if (c.ratio < c.lower95) return "Below the 95% limit";
  return "Within the limits";
}

const limits = (lower: number, upper: number) =>
  `${formatNumber(Math.max(0, lower), 2)} to ${formatNumber(upper, 2)}`;

/** The funnel plot for a width: limit curves, the line at 1, and one point per clinic. */
export function funnelChart(report: BenchmarkReport) {
  const { clinics, curve } = report;
  // The y range the clinics' own ratios and 99.8% limits need; the curves are clipped to it.
  const top = Math.max(1.25, ...clinics.flatMap((c) => [c.ratio, c.upper998])) + 0.1;
  const bottom = Math.max(0, Math.min(0.75, ...clinics.flatMap((c) => [c.ratio, c.lower998])) - 0.1);
  const right = Math.max(...curve.map((p) => p.expected));
  const lines = (key: "lower95" | "upper95" | "lower998" | "upper998") =>
    curve.map((p) => ({ expected: p.expected, y: p[key] }));
  // Labels (names are in the table): to the right of a point, or to its left near the right edge.
  const points = clinics.map((c) => ({ ...c, title: c.own ? `${c.label} (yours)` : c.label }));
  const onLeft = points.filter((p) => p.expected > right * 0.6);
  const onRight = points.filter((p) => p.expected <= right * 0.6);
  const labels = (data: typeof points, side: "start" | "end") =>
    Plot.text(data, {
      x: "expected",
      y: "ratio",
      text: "title",
      dx: side === "start" ? 10 : -10,
      dy: -10,
      textAnchor: side,
      fill: (d: BenchmarkClinic) => (d.own ? OWN : OTHER),
      fontWeight: 600,
    });
  return (width: number) =>
    Plot.plot({
      width,
      height: Math.min(420, Math.max(280, width * 0.55)),
      marginLeft: 44,
      marginRight: 16,
      marginBottom: 40,
      style: { fontSize: "12px" },
      x: { label: "Expected count →", domain: [0, right], grid: true },
      y: { label: "↑ Observed ÷ expected", domain: [bottom, top], grid: true },
      marks: [
        Plot.ruleY([1], { stroke: "#212529", strokeWidth: 1.5 }),
        ...(["lower95", "upper95"] as const).map((k) =>
          Plot.line(lines(k), {
            x: "expected",
            y: "y",
            stroke: LIMIT95,
            strokeDasharray: "5,4",
            strokeWidth: 1.5,
            clip: true,
          }),
        ),
        ...(["lower998", "upper998"] as const).map((k) =>
          Plot.line(lines(k), { x: "expected", y: "y", stroke: LIMIT998, strokeWidth: 1.5, clip: true }),
        ),
        Plot.dot(points, {
          x: "expected",
          y: "ratio",
          r: 6,
          fill: (d: BenchmarkClinic) => (d.own ? OWN : OTHER),
          stroke: "white",
          strokeWidth: 1.5,
        }),
        labels(onRight, "start"),
        labels(onLeft, "end"),
      ],
    });
}

const header = [
  "clinic",
  "patients",
  "observed",
  "expected",
  "observed_over_expected",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
  "position",
];

function csvRows(report: BenchmarkReport) {
  return report.clinics.map((c) => [
    clinicTitle(c),
    c.n,
    c.observed,
    c.expected,
    c.ratio,
    c.lower95,
    c.upper95,
    c.lower998,
    c.upper998,
    position(c),
  ]);
}

function Legend() {
  const swatch = (colour: string, dashed: boolean) => (
    <Box
      component="span"
      display="inline-block"
      w={22}
      mr={6}
      style={{ borderTop: `2px ${dashed ? "dashed" : "solid"} ${colour}`, verticalAlign: "middle" }}
      aria-hidden
    />
  );
  return (
    <Group gap="md" aria-hidden>
      <Text size="xs">{swatch(LIMIT95, true)}95% limits</Text>
      <Text size="xs">{swatch(LIMIT998, false)}99.8% limits</Text>
      <Text size="xs">{swatch("#212529", false)}As expected (1)</Text>
    </Group>
  );
}

function BenchmarkTable({ report }: { report: BenchmarkReport }) {
  return (
    <ScrollTable minWidth={760} label="Clinic benchmarking numbers">
      <Table striped withTableBorder fz="sm">
        <Table.Caption>
          {report.label}: each clinic's observed and expected count, their ratio and its control limits
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Clinic</Table.Th>
            <Table.Th scope="col">Patients</Table.Th>
            <Table.Th scope="col">Observed</Table.Th>
            <Table.Th scope="col">Expected</Table.Th>
            <Table.Th scope="col">Observed ÷ expected</Table.Th>
            <Table.Th scope="col">95% limits</Table.Th>
            <Table.Th scope="col">99.8% limits</Table.Th>
            <Table.Th scope="col">Where it falls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.clinics.map((c) => (
            <Table.Tr key={c.label}>
              <Table.Th scope="row" fw={c.own ? 700 : 500}>
                {clinicTitle(c)}
                {c.own && (
                  <>
                    {" "}
                    <Badge size="xs">Your clinic</Badge>
                  </>
                )}
              </Table.Th>
              <Table.Td>{c.n}</Table.Td>
              <Table.Td>{c.observed}</Table.Td>
              <Table.Td>{formatNumber(c.expected, 1)}</Table.Td>
              <Table.Td>{formatNumber(c.ratio, 2)}</Table.Td>
              <Table.Td>{limits(c.lower95, c.upper95)}</Table.Td>
              <Table.Td>{limits(c.lower998, c.upper998)}</Table.Td>
              <Table.Td>{position(c)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Result({ report }: { report: BenchmarkReport }) {
  const render = useCallback((width: number) => funnelChart(report)(width), [report]);
  const higher =
    report.measure === "surgery"
      ? "more operations than its case mix predicts"
      : "more responders than its case mix predicts";
  const file = `benchmark-${report.measure}-${report.asOf}`;
  const description = `Funnel plot of ${report.label.toLowerCase()}: ${report.clinics.length} clinics' observed ÷ expected against their expected count, with 95% and 99.8% control limits. The numbers are in the table below.`;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {report.analysed} patients in {report.clinicsInModel} clinics
        {report.networkRate !== null && <>; {formatPercent(report.networkRate)} over the network</>}. Above 1:{" "}
        {higher}.
      </Text>
      <Box component="figure" m={0}>
        <Text component="figcaption" size="sm" c="dimmed" mb="xs">
          Each point is a clinic with at least {report.minimumPerClinic} analysed patients. Points between the
          curves differ from 1 no more than chance would make them.
        </Text>
        <ObservablePlot render={render} label={description} />
        <Legend />
      </Box>
      <FigureDownloads
        answer={report}
        file={{ name: file, title: report.label, render, csv: () => ({ header, rows: csvRows(report) }) }}
      />
      <BenchmarkTable report={report} />
      <CohortLine answer={report} />
    </Stack>
  );
}

export function BenchmarkView() {
  const [measure, setMeasure] = useState<Measure>("odi");
  const query = useBenchmarks(measure, usePageCohort().query);
  const report = query.data;
  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="bench-h"
      >
        <Title order={2} size="h4" id="bench-h" mb={4}>
          {report ? `${report.label}: clinics compared` : "Clinics compared"}
        </Title>
        <NativeSelect
          label="Measure"
          maw={360}
          mb="sm"
          data={measures}
          value={measure}
          onChange={(e) => setMeasure(e.currentTarget.value as Measure)}
        />
        {query.isPending ? (
          <Loading label="Comparing clinics…" />
        ) : query.isError ? (
          <LoadError error={query.error} retry={() => query.refetch()} what="the clinic comparison" />
        ) : report && report.clinics.length === 0 ? (
          <Alert
            color="gray"
            icon={<IconInfoCircle aria-hidden />}
            title="Too few clinics or patients to compare"
          >
            A funnel plot needs at least two clinics with {report.minimumPerClinic} or more analysed patients
            each. {report.analysed} patients in {report.clinicsInModel} clinics could be analysed for this
            measure; {report.clinicsBelowMinimum} of those clinics have fewer than {report.minimumPerClinic}.
          </Alert>
        ) : (
          report && <Result report={report} />
        )}
        {report && (
          <Text size="sm" mt="sm" fw={600}>
            {report.namingRule}
          </Text>
        )}
      </Paper>
      {report && <Notes notes={report.notes.filter((n) => n !== report.namingRule)} />}
    </Stack>
  );
}
