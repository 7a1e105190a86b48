/**
 * One treatment kind's outcome rows: follow-up counts with completeness and, for each chosen
 * measure, n, mean change (95% CI) and responders (95% CI) with the range the missing patients
 * could move them over, at each timepoint — for PGIC, a category asked at follow-up only, n and the
 * share much or very much improved, never a change. A table on wide screens, cards on phones.
 * Estimates withheld under the small-cell rule say so. The cohort line is printed under it.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import type { MeasureSummary, OutcomeRow } from "@evident/domain/api";
import { Alert, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { formatChange, formatInterval, formatPercent } from "../components/format";
import { CohortLine } from "./CohortLine";
import { missingRangeNote, missingRangeText } from "./figure-words";
import { isChangeMeasure, isOrdinalMeasure, measureTitle } from "./measure-choice";
import { timepointRank } from "./plotData";
import { ScrollTable } from "./ScrollTable";

/**
 * `category` (PGIC) and `ordinal` (a Pfirrmann grade) have no mean change: one column beside n,
 * the share much improved or the shares worse / the same / better.
 */
type Shown = { id: string; label: string; category: boolean; ordinal: boolean };

/** An ordinal measure's shift: the shares worse, the same and better by at least one grade. */
const shiftParts = (m: MeasureSummary | undefined) =>
  !m?.shift
    ? { value: null, ci: null, small: withheld(m) }
    : {
        value: `${formatPercent(m.shift.worse.share)} / ${formatPercent(m.shift.same.share)} / ${formatPercent(m.shift.better.share)}`,
        ci: `${m.shift.worse.count} / ${m.shift.same.count} / ${m.shift.better.count} of ${m.n}`,
      };

const withheld = (m: MeasureSummary | undefined) => Boolean(m?.suppressed && m.n > 0);
const notShown = (minimumCell: number) => `not shown (n < ${minimumCell})`;

function change(m: MeasureSummary | undefined, minimumCell: number) {
  if (withheld(m)) return notShown(minimumCell);
  if (!m || m.meanChange === null) return "—";
  return `${formatChange(m.meanChange)} (${formatInterval(m.meanChangeCI, (v) => formatChange(v))})`;
}

function responders(m: MeasureSummary | undefined, minimumCell: number) {
  if (withheld(m)) return notShown(minimumCell);
  if (!m || m.responderShare === null) return "—";
  const range = missingRangeText(m.responderRange);
  return `${formatPercent(m.responderShare)} (${formatInterval(m.responderShareCI, (v) => formatPercent(v))})${range ? `; ${range}` : ""}`;
}

/**
 * Estimate on one line, its interval under it (and the missing-data range under that): narrow
 * columns without wrapping mid-number.
 */
function Estimate({
  value,
  ci,
  range,
  small,
  minimumCell,
}: {
  value: string | null;
  ci: string | null;
  range?: string | null;
  small?: boolean;
  minimumCell: number;
}) {
  if (small)
    return (
      <Text size="xs" c="dimmed">
        {notShown(minimumCell)}
      </Text>
    );
  if (value === null) return <Text c="dimmed">—</Text>;
  return (
    <>
      <Text fw={600} size="sm" style={{ whiteSpace: "nowrap" }}>
        {value}
      </Text>
      {ci && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {ci}
        </Text>
      )}
      {/* May break after "missing:", never inside the range, so the column stays narrow. */}
      {range && (
        <Text size="xs" c="dimmed">
          {range.replace(/ to /g, "\u00a0to\u00a0")}
        </Text>
      )}
    </>
  );
}

const changeParts = (m: MeasureSummary | undefined) =>
  !m || m.meanChange === null
    ? { value: null, ci: null, small: withheld(m) }
    : {
        value: formatChange(m.meanChange),
        ci: m.meanChangeCI ? formatInterval(m.meanChangeCI, (v) => formatChange(v)) : null,
      };

const responderParts = (m: MeasureSummary | undefined) =>
  !m || m.responderShare === null
    ? { value: null, ci: null, small: withheld(m) }
    : {
        value: `${formatPercent(m.responderShare)} (${m.responders}/${m.n})`,
        ci: m.responderShareCI ? formatInterval(m.responderShareCI, (v) => formatPercent(v)) : null,
        range: missingRangeText(m.responderRange, "respond", true),
      };

const measureOf = (row: OutcomeRow, id: string) => row.measures.find((m) => m.instrument === id);

const complete = (r: OutcomeRow) =>
  r.completeness.share === null ? "—" : `${formatPercent(r.completeness.share)} of ${r.completeness.closed}`;

export function KindOutcomes({
  kind,
  rows,
  minimumCell,
  measures: ids,
}: {
  kind: string;
  rows: OutcomeRow[];
  minimumCell: number;
  /** The measures shown, in order. */
  measures: readonly string[];
}) {
  const MEASURES: Shown[] = ids.map((id) => ({
    id,
    label: measureTitle(id),
    category: !isChangeMeasure(id) && !isOrdinalMeasure(id),
    ordinal: isOrdinalMeasure(id),
  }));
  const info = treatmentKind(kind);
  const sorted = [...rows].sort((a, b) => timepointRank(a.timepoint) - timepointRank(b.timepoint));
  const headingId = `kind-${kind}`;
  const rules = MEASURES.map((d) => ({
    ...d,
    rule: rows.flatMap((r) => measureOf(r, d.id)?.responderRule ?? [])[0],
  }));

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby={headingId}
    >
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {info?.label ?? kind}
        </Title>
        {info?.regulatoryNote && <Badge color="yellow">Investigational</Badge>}
      </Group>
      {info?.regulatoryNote && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} mb="sm" p="xs">
          <Text size="sm">{info.regulatoryNote}</Text>
        </Alert>
      )}
      <ScrollTable
        minWidth={420 + 250 * MEASURES.length}
        visibleFrom="md"
        label={`${info?.label ?? kind}: outcomes by timepoint`}
      >
        {/* Narrow cell padding and missed / pending in one column: with the two default measures
            the table fits a 1280 px window beside the navigation without scrolling sideways. */}
        <Table
          aria-labelledby={headingId}
          withColumnBorders={false}
          horizontalSpacing={6}
          style={{ fontVariantNumeric: "tabular-nums" }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} scope="col">
                Timepoint
              </Table.Th>
              <Table.Th colSpan={4} scope="colgroup">
                Follow-ups
              </Table.Th>
              {MEASURES.map((d) => (
                <Table.Th key={d.id} colSpan={d.category || d.ordinal ? 2 : 3} scope="colgroup">
                  {d.label}
                </Table.Th>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Responded</Table.Th>
              <Table.Th scope="col">Missed / pending</Table.Th>
              <Table.Th scope="col">Complete</Table.Th>
              {MEASURES.map((d) => [
                <Table.Th key={`${d.id}-n`} scope="col">
                  n
                </Table.Th>,
                d.category || d.ordinal ? null : (
                  <Table.Th key={`${d.id}-c`} scope="col">
                    Mean change (95% CI)
                  </Table.Th>
                ),
                <Table.Th key={`${d.id}-r`} scope="col">
                  {d.ordinal
                    ? "Worse / same / better by ≥ 1 grade"
                    : d.category
                      ? "Much or very much improved (95% CI; missing range)"
                      : "Responders (95% CI; missing range)"}
                </Table.Th>,
              ])}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.timepoint}>
                <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                  {timepointLabel(r.timepoint)}
                </Table.Th>
                <Table.Td>{r.due}</Table.Td>
                <Table.Td>{r.responded}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {r.missed} / {r.pending}
                </Table.Td>
                <Table.Td>
                  <Estimate
                    value={r.completeness.share === null ? null : formatPercent(r.completeness.share)}
                    ci={`of ${r.completeness.closed}`}
                    minimumCell={minimumCell}
                  />
                </Table.Td>
                {MEASURES.map((d) => {
                  const m = measureOf(r, d.id);
                  return [
                    <Table.Td key={`${d.id}-n`}>{m?.n ?? 0}</Table.Td>,
                    d.category || d.ordinal ? null : (
                      <Table.Td key={`${d.id}-c`}>
                        <Estimate {...changeParts(m)} minimumCell={minimumCell} />
                      </Table.Td>
                    ),
                    <Table.Td key={`${d.id}-r`}>
                      <Estimate
                        {...(d.ordinal ? shiftParts(m) : responderParts(m))}
                        minimumCell={minimumCell}
                      />
                    </Table.Td>,
                  ];
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Stack gap="xs" hiddenFrom="md">
        {sorted.map((r) => (
          <Card key={r.timepoint} withBorder padding="sm">
            <Text fw={650}>{timepointLabel(r.timepoint)}</Text>
            <Text size="sm" c="dimmed" mb={6}>
              {r.due} due · {r.responded} responded · {r.missed} missed · {r.pending} pending · complete{" "}
              {complete(r)}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {MEASURES.map((d) => {
                const m = measureOf(r, d.id);
                return (
                  <Stack key={d.id} gap={0}>
                    <Text size="sm" fw={600}>
                      {d.label}, n = {m?.n ?? 0}
                    </Text>
                    {d.ordinal ? (
                      <Text size="sm">
                        Worse / same / better by ≥ 1 grade{" "}
                        {shiftParts(m).value ?? (withheld(m) ? notShown(minimumCell) : "—")}
                      </Text>
                    ) : d.category ? (
                      <Text size="sm">Much or very much improved {responders(m, minimumCell)}</Text>
                    ) : (
                      <>
                        <Text size="sm">Mean change {change(m, minimumCell)}</Text>
                        <Text size="sm">Responders {responders(m, minimumCell)}</Text>
                      </>
                    )}
                  </Stack>
                );
              })}
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="xs">
        Complete: answered among follow-ups whose window has closed. {missingRangeNote} No estimate from fewer
        than {minimumCell} patients.{" "}
        {rules
          .filter((r) => r.rule)
          .map((r) => `${r.label}: responder = ${r.rule}.`)
          .join(" ")}
      </Text>
      <CohortLine />
    </Paper>
  );
}
