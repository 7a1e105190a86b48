/**
 * One comparison's result: the adjusted and unadjusted differences with their 95% intervals, the
 * E-value in plain words, each arm's numbers and funnel, the balance before and after weighting
 * (love plot and table), and the server's notes on what the comparison cannot show.
 */

import { timepointLabel } from "@evident/domain";
import type { BalanceRow, ComparisonReport, Effect } from "@evident/domain/api";
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatChange, formatInterval, formatNumber, formatPercent } from "../components/format";
import { CohortLine } from "./CohortLine";
import { completenessText, Funnel } from "./Funnel";
import { missingRangeText } from "./figure-words";
import { isInvestigational, kindColour, kindLabel } from "./kinds";
import { coreMeasures as MEASURES } from "./measure-choice";
import { Notes } from "./Notes";
import { PlotFigure } from "./ObservablePlot";
import { ScrollTable } from "./ScrollTable";

const points = (e: Effect) =>
  `${formatChange(e.estimate)} points (95% CI ${formatInterval([e.lower, e.upper], (v) => formatChange(v))})`;
const percentPoints = (e: Effect) =>
  `${formatChange(e.estimate * 100, 0)} percentage points (95% CI ${formatInterval([e.lower * 100, e.upper * 100], (v) => formatChange(v, 0))})`;

function lovePlot(balance: BalanceRow[]) {
  const rows = balance.flatMap((b) => [
    { covariate: b.label, when: "Before weighting", smd: Math.abs(b.before) },
    { covariate: b.label, when: "After weighting", smd: Math.abs(b.after) },
  ]);
  const max = Math.max(0.3, ...rows.map((r) => r.smd));
  return (width: number) =>
    Plot.plot({
      width,
      style: { fontSize: "12px" },
      marginBottom: 40,
      height: 40 + (width < 500 ? 44 : 30) * balance.length,
      marginLeft: width < 500 ? 130 : 220,
      x: {
        label: "Absolute standardized mean difference →",
        domain: [0, Math.ceil(max * 10) / 10],
        grid: true,
        labelAnchor: "center",
        labelOffset: 34,
      },
      y: { label: null, domain: balance.map((b) => b.label) },
      color: { domain: ["Before weighting", "After weighting"], range: ["#868e96", "#1864ab"] },
      marks: [
        Plot.ruleX([0.1], { stroke: "#c92a2a", strokeDasharray: "4,3" }),
        Plot.axisY({ lineWidth: width < 500 ? 9 : 16, fontSize: 11, label: null }),
        Plot.dot(rows, {
          x: "smd",
          y: "covariate",
          stroke: "when",
          fill: (d: { when: string }) => (d.when === "After weighting" ? "#1864ab" : "white"),
          r: 5,
          strokeWidth: 2,
        }),
      ],
    });
}

function BalanceTable({ report }: { report: ComparisonReport }) {
  return (
    <ScrollTable minWidth={560} label="Balance of baseline characteristics">
      <Table striped fz="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Baseline characteristic</Table.Th>
            <Table.Th scope="col">{kindLabel(report.treatment)}</Table.Th>
            <Table.Th scope="col">{kindLabel(report.comparator)}</Table.Th>
            <Table.Th scope="col">SMD before</Table.Th>
            <Table.Th scope="col">SMD after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.balance.map((b) => {
            const share =
              b.covariate === "female" ||
              b.covariate.startsWith("condition:") ||
              b.covariate === "durationUnknown";
            const show = (v: number) => (share ? formatPercent(v) : formatNumber(v, 1));
            return (
              <Table.Tr key={b.covariate}>
                <Table.Th scope="row" fw={500}>
                  {b.label}
                </Table.Th>
                <Table.Td>{show(b.treatmentMean)}</Table.Td>
                <Table.Td>{show(b.comparatorMean)}</Table.Td>
                <Table.Td>{formatNumber(b.before, 2)}</Table.Td>
                <Table.Td
                  fw={Math.abs(b.after) >= 0.1 ? 700 : undefined}
                  c={Math.abs(b.after) >= 0.1 ? "red.8" : undefined}
                >
                  {formatNumber(b.after, 2)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function eValueWords(e: { estimate: number; limit: number | null }): string {
  const limit =
    e.limit === null
      ? ""
      : e.limit <= 1
        ? " The confidence interval already includes no difference, so no confounding is needed to make it uncertain."
        : ` To move the confidence interval to include no difference, a risk ratio of ${formatNumber(e.limit, 2)} would do.`;
  return `E-value ${formatNumber(e.estimate, 2)}: an unmeasured factor would need to be linked to both the choice of treatment and the outcome by a risk ratio of at least ${formatNumber(e.estimate, 2)} each, beyond what was adjusted for, to explain the difference away.${limit}`;
}

export function ComparisonResult({ report }: { report: ComparisonReport }) {
  const render = useMemo(() => lovePlot(report.balance), [report.balance]);
  const a = kindLabel(report.treatment);
  const b = kindLabel(report.comparator);
  const measure = MEASURES.find((m) => m.id === report.instrument)?.label ?? report.instrument;
  const md = report.meanDifference;
  const rd = report.responderDifference;
  const includesZero = md.adjusted.lower <= 0 && md.adjusted.upper >= 0;

  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="effect-h"
      >
        <Group gap="xs" mb={4}>
          <Title order={2} size="h4" id="effect-h">
            {a} compared with {b}, {measure} at {timepointLabel(report.timepoint).toLowerCase()}
          </Title>
          {[report.treatment, report.comparator].some(isInvestigational) && (
            <Badge color="yellow">Investigational</Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {report.population}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text fw={650}>
              Difference in mean change ({a} − {b})
            </Text>
            <Text size="lg" fw={700}>
              Adjusted: {points(md.adjusted)}
            </Text>
            <Text size="sm">Unadjusted: {points(md.unadjusted)}</Text>
            <Text size="sm">
              Negative favours {a} (less {report.instrument === "odi" ? "disability" : "pain"}).{" "}
              {includesZero ? "The adjusted interval includes no difference." : ""}
            </Text>
            <Text size="sm">{eValueWords(md.eValue)}</Text>
          </Stack>
          <Stack gap={4}>
            <Text fw={650}>Difference in responders</Text>
            <Text size="xs" c="dimmed">
              Responder: {report.responderRule}.
            </Text>
            <Text size="lg" fw={700}>
              Adjusted: {percentPoints(rd.adjusted)}
            </Text>
            <Text size="sm">Unadjusted: {percentPoints(rd.unadjusted)}</Text>
            {rd.riskRatio && (
              <Text size="sm">
                Risk ratio {formatNumber(rd.riskRatio.estimate, 2)} (95% CI{" "}
                {formatInterval([rd.riskRatio.lower, rd.riskRatio.upper], (v) => formatNumber(v, 2))}).
              </Text>
            )}
            {rd.eValue && <Text size="sm">{eValueWords(rd.eValue)}</Text>}
          </Stack>
        </SimpleGrid>
        <CohortLine answer={report} />
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {report.arms.map((arm) => (
          <Paper key={arm.treatmentKind} withBorder radius="md" p="sm">
            <Funnel
              steps={arm.funnel}
              title={kindLabel(arm.treatmentKind)}
              colour={kindColour(arm.treatmentKind)}
            />
            <Text size="xs" c="dimmed" mt={6}>
              {completenessText(arm.completeness)}
            </Text>
            <Text size="sm" mt={6}>
              {`n = ${arm.n} analysed (effective n after weighting ${formatNumber(arm.effectiveN, 0)}). Mean change ${formatChange(arm.meanChange)}, weighted ${formatChange(arm.weightedMeanChange)}. Responders ${arm.responders}/${arm.n} (${formatPercent(arm.responderShare)}; ${missingRangeText(arm.responderRange)}), weighted ${formatPercent(arm.weightedResponderShare)}.`}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="balance-h"
      >
        <Title order={2} size="h4" id="balance-h" mb={4}>
          Balance of baseline characteristics
        </Title>
        <PlotFigure
          caption={`Standardized mean differences between the two groups, before (open circles) and after weighting (filled). Below the dashed line at 0.1 counts as balanced. Weights: ${report.weights.method}, ranging from ${formatNumber(report.weights.min, 2)} to ${formatNumber(report.weights.max, 2)}.`}
          label="Love plot of baseline balance before and after weighting."
          render={render}
          footer={
            <Text size="sm" mt={4} aria-hidden>
              <span style={{ color: "#868e96" }}>○</span> Before weighting{"   "}
              <span style={{ color: "#1864ab" }}>●</span> After weighting{"   "}
              <span style={{ color: "#c92a2a" }}>┆</span> 0.1, the usual mark of balance
            </Text>
          }
          table={<BalanceTable report={report} />}
          answer={report}
          file={{
            name: `comparison-balance-${report.treatment}-${report.comparator}-${report.asOf}`,
            title: `Balance of baseline characteristics: ${a} compared with ${b}`,
            render,
            csv: () => ({
              header: ["covariate", "treatment_mean", "comparator_mean", "smd_before", "smd_after"],
              rows: report.balance.map((x) => [
                x.label,
                x.treatmentMean,
                x.comparatorMean,
                x.before,
                x.after,
              ]),
            }),
          }}
        />
      </Paper>
      <Notes notes={report.notes} />
    </Stack>
  );
}
