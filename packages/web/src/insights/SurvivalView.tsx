/**
 * Surgery-free survival after a non-surgical first treatment: Kaplan–Meier step curves with their
 * 95% bands per treatment, the numbers still at risk under the plot, the log-rank test, a table of
 * operations, 12-month estimates and follow-up, and the cohort's funnel. The definition (event,
 * censoring) is the server's, shown verbatim. Counts take their singular or plural, and an estimate
 * before any operation says so in words instead of a collapsed interval (./figure-words).
 */
import type { SurvivalGroup, SurvivalReport } from "@evident/domain/api";
import { Badge, Box, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { formatNumber, formatPercent } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { CohortLine, usePageCohort } from "./CohortLine";
import { Funnel } from "./Funnel";
import { operationsText, patientsText, survivalText } from "./figure-words";
import { isInvestigational, kindColour, kindLabel, kindShort } from "./kinds";
import { Notes } from "./Notes";
import { ObservablePlot, PlotFigure } from "./ObservablePlot";
import { useSurvival } from "./queries";
import { ScrollTable } from "./ScrollTable";
import { survivalChart, survivalHeader, survivalRows } from "./survival-chart";

const MONTH = 365.25 / 12;

/** How far the x-axis reaches: past the longest curve, in steps of 6 months, at most 24. */
export function horizonMonths(groups: readonly SurvivalGroup[]): number {
  const last = Math.max(0, ...groups.flatMap((g) => g.curve.map((p) => p.day / MONTH)));
  return Math.min(24, Math.max(6, Math.ceil(last / 6) * 6));
}

/** Lowest y worth showing: the lowest band, rounded down to 10%, so differences are visible. */
export function survivalFloor(groups: readonly SurvivalGroup[]): number {
  const lows = groups.flatMap((g) => g.curve.map((p) => p.lower ?? p.survival));
  const low = Math.min(1, ...lows);
  return Math.max(0, Math.floor((low - 0.05) * 10) / 10);
}

type Point = { kind: string; month: number; survival: number; lower: number; upper: number };

const pointsOf = (g: SurvivalGroup): Point[] =>
  g.curve.map((p) => ({
    kind: g.treatmentKind,
    month: p.day / MONTH,
    survival: p.survival,
    lower: p.lower ?? p.survival,
    upper: p.upper ?? p.survival,
  }));

/** One treatment's curve and band, over the others' curves in light grey for comparison. */
function panelPlot(group: SurvivalGroup, others: SurvivalGroup[], floor: number, horizon: number) {
  const own = pointsOf(group);
  const context = others.flatMap(pointsOf);
  const colour = kindColour(group.treatmentKind);
  const ticks = [0, 3, 6, 12, 18, 24].filter((m) => m <= horizon);
  return (width: number) =>
    Plot.plot({
      width,
      height: 210,
      marginLeft: 40,
      marginBottom: 34,
      style: { fontSize: "11px" },
      x: { label: "Months →", domain: [0, horizon], ticks, grid: true },
      y: {
        label: "↑ Surgery-free (%)",
        domain: [floor, 1],
        tickFormat: (d: number) => `${Math.round(d * 100)}`,
        grid: true,
      },
      marks: [
        Plot.line(context, {
          x: "month",
          y: "survival",
          z: "kind",
          stroke: "#adb5bd",
          strokeWidth: 1,
          curve: "step-after",
        }),
        Plot.areaY(own, {
          x: "month",
          y1: "lower",
          y2: "upper",
          fill: colour,
          fillOpacity: 0.18,
          curve: "step-after",
        }),
        Plot.line(own, { x: "month", y: "survival", stroke: colour, strokeWidth: 2.5, curve: "step-after" }),
      ],
    });
}

function Panels({ groups, minimumCell }: { groups: SurvivalGroup[]; minimumCell: number }) {
  const floor = survivalFloor(groups);
  const horizon = horizonMonths(groups);
  const renders = useMemo(
    () =>
      groups.map((g) =>
        panelPlot(
          g,
          groups.filter((o) => o !== g),
          floor,
          horizon,
        ),
      ),
    [groups, floor, horizon],
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {groups.map((g, i) => (
        <Paper key={g.treatmentKind} withBorder radius="md" p="xs">
          <Stack gap={2} mb={2} mih={{ base: 0, lg: 48 }} align="flex-start">
            <Text size="sm" fw={650}>
              <Box
                component="span"
                display="inline-block"
                w={10}
                h={10}
                mr={6}
                bg={kindColour(g.treatmentKind)}
                style={{ borderRadius: 2 }}
                aria-hidden
              />
              {kindLabel(g.treatmentKind)}
            </Text>
            {isInvestigational(g.treatmentKind) && (
              <Badge color="yellow" size="sm">
                Investigational
              </Badge>
            )}
          </Stack>
          <Text size="xs" c="dimmed">
            {patientsText(g.n)}, {operationsText(g.events)}
            {g.at12Months && g.events > 0
              ? `; ${formatPercent(g.at12Months.survival)} surgery-free at 12 months`
              : ""}
          </Text>
          {g.curve.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              No curve: fewer than {minimumCell} operations came while {minimumCell} or more were still
              followed, and a curve would show each one.
            </Text>
          ) : (
            <ObservablePlot
              render={renders[i] as (width: number) => Element}
              label={`${kindLabel(g.treatmentKind)}: surgery-free survival curve with its 95% band.`}
            />
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function AtRisk({ groups }: { groups: SurvivalGroup[] }) {
  const horizon = horizonMonths(groups);
  const months = (groups[0]?.atRisk.map((a) => a.month) ?? []).filter((m) => m <= horizon);
  return (
    <Box mt="xs">
      <ScrollTable minWidth={320} label="Number still at risk">
        <Table
          withRowBorders={false}
          verticalSpacing={2}
          horizontalSpacing={4}
          fz="xs"
          style={{ fontVariantNumeric: "tabular-nums" }}
        >
          <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
            Number still at risk
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Months</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} scope="col" ta="right">
                  {m}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.treatmentKind}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                  {kindShort(g.treatmentKind)}
                </Table.Th>
                {g.atRisk
                  .filter((a) => a.month <= horizon)
                  .map((a) => (
                    <Table.Td key={a.month} ta="right">
                      {a.n}
                    </Table.Td>
                  ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Box>
  );
}

/** The curve's value at a day: the last point at or before it; null past the curve's end. */
export function survivalAt(g: SurvivalGroup, day: number) {
  const last = g.curve[g.curve.length - 1];
  if (!last || day > last.day) return null;
  return [...g.curve].reverse().find((p) => p.day <= day) ?? null;
}

function CurveTable({ groups }: { groups: SurvivalGroup[] }) {
  const horizon = horizonMonths(groups);
  const marks = [3, 6, 12, 18, 24].filter((m) => m <= horizon);
  return (
    <ScrollTable minWidth={620} label="Surgery-free survival at each time">
      <Table striped fz="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">First treatment</Table.Th>
            {marks.map((m) => (
              <Table.Th key={m} scope="col">
                {m} months
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.treatmentKind}>
              <Table.Th scope="row">{kindLabel(g.treatmentKind)}</Table.Th>
              {marks.map((m) => {
                if (g.curve.length === 0) return <Table.Td key={m}>no curve</Table.Td>;
                const p = survivalAt(g, Math.round(m * MONTH));
                return <Table.Td key={m}>{survivalText(p)}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

const months = (days: number | null | undefined) =>
  days === null || days === undefined ? "not reached" : `${formatNumber(days / MONTH, 1)} mo`;

function SurvivalTable({ groups, minimumCell }: { groups: SurvivalGroup[]; minimumCell: number }) {
  return (
    <ScrollTable minWidth={680} label="Surgery-free survival by first treatment">
      <Table striped style={{ fontVariantNumeric: "tabular-nums" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">First treatment</Table.Th>
            <Table.Th scope="col">n</Table.Th>
            <Table.Th scope="col">Operations</Table.Th>
            <Table.Th scope="col">Surgery-free at 12 months (95% CI)</Table.Th>
            <Table.Th scope="col">Median time to surgery</Table.Th>
            <Table.Th scope="col">Median follow-up</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.treatmentKind}>
              <Table.Th scope="row">{kindLabel(g.treatmentKind)}</Table.Th>
              <Table.Td>{g.n}</Table.Td>
              <Table.Td>{g.events}</Table.Td>
              <Table.Td>
                {g.suppressed
                  ? `not shown (n < ${minimumCell})`
                  : g.events === 0
                    ? "no operations yet"
                    : g.at12Months
                      ? survivalText(g.at12Months)
                      : `fewer than ${minimumCell} followed to 12 months`}
              </Table.Td>
              <Table.Td>{g.suppressed ? "—" : months(g.median?.estimate)}</Table.Td>
              <Table.Td>{g.suppressed ? "—" : months(g.medianFollowUpDays)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function logRankText(report: SurvivalReport): string {
  const t = report.logRank;
  if (!t) return "No log-rank test: fewer than two treatments with enough patients, or no operations yet.";
  const p = t.p < 0.001 ? "p < 0.001" : `p = ${formatNumber(t.p, 3)}`;
  return `Log-rank test across the ${t.groups.length} treatments shown: χ² = ${formatNumber(t.chiSquare, 2)} on ${t.df} degrees of freedom, ${p}. A small p says the curves differ; it does not say why (see the notes).`;
}

export function SurvivalView() {
  const query = useSurvival(usePageCohort().query);
  const shown = useMemo(() => (query.data?.groups ?? []).filter((g) => !g.suppressed), [query.data]);
  if (query.isPending) return <Loading label="Loading surgery-free survival…" />;
  if (query.isError)
    return <LoadError error={query.error} retry={() => query.refetch()} what="survival analysis" />;
  const report = query.data;
  const floor = survivalFloor(shown);
  const horizon = horizonMonths(shown);
  const render = survivalChart(shown, floor, horizon);

  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="survival-h"
      >
        <Title order={2} size="h4" id="survival-h" mb={4}>
          Surgery-free after a non-surgical first treatment
        </Title>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            No first treatment has {report.minimumCell} or more patients yet.
          </Text>
        ) : (
          <PlotFigure
            caption={`Share of patients without an operation, by months since their first treatment (Kaplan–Meier), one panel per treatment with its 95% confidence band; the other treatments in grey. The vertical axis starts at ${Math.round(floor * 100)}%. Curves stop where fewer than ${report.minimumCell} patients remain at risk, and each drop holds at least ${report.minimumCell} operations (drawn at the last of them)${horizon < 24 ? `: nobody has been followed much beyond ${horizon} months yet` : ""}.`}
            label="Kaplan–Meier curves of surgery-free survival by first treatment."
            footer={<AtRisk groups={shown} />}
            table={<CurveTable groups={shown} />}
            answer={report}
            file={{
              name: `survival-${report.asOf}`,
              title: "Surgery-free survival after a non-surgical first treatment (Kaplan–Meier, 95% bands)",
              render,
              csv: () => ({ header: survivalHeader, rows: survivalRows(shown) }),
            }}
          >
            <Panels groups={shown} minimumCell={report.minimumCell} />
          </PlotFigure>
        )}
        <Text size="sm" mt="sm">
          {logRankText(report)}
        </Text>
      </Paper>
      <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
        <SurvivalTable groups={report.groups} minimumCell={report.minimumCell} />
        <CohortLine answer={report} />
      </Paper>
      <Paper withBorder radius="md" p="sm" maw={520}>
        <Funnel steps={report.funnel} title="Who is in this analysis" />
        <CohortLine answer={report} />
      </Paper>
      <Notes notes={report.notes} />
    </Stack>
  );
}
