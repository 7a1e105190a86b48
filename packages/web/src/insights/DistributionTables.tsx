/** The distribution plots' numbers as tables: their text alternative. */
import type { ChangeDistribution } from "@evident/domain/api";
import { Table } from "@mantine/core";
import { formatChange, formatInterval, formatNumber, formatPercent } from "../components/format";
import { missingRangeText } from "./figure-words";
import { kindLabel } from "./kinds";
import { ScrollTable } from "./ScrollTable";

export function DistributionTable({ groups }: { groups: ChangeDistribution[] }) {
  return (
    <ScrollTable minWidth={600} label="Distribution of change by treatment">
      <Table striped style={{ fontVariantNumeric: "tabular-nums" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Treatment</Table.Th>
            <Table.Th scope="col">n</Table.Th>
            <Table.Th scope="col">Mean change (SD)</Table.Th>
            <Table.Th scope="col">Improved (95% CI; missing range)</Table.Th>
            <Table.Th scope="col">Worse (95% CI)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.treatmentKind}>
              <Table.Th scope="row">{kindLabel(g.treatmentKind)}</Table.Th>
              <Table.Td>{g.n}</Table.Td>
              <Table.Td>
                {formatChange(g.mean)} ({formatNumber(g.sd)})
              </Table.Td>
              <Table.Td>
                {formatPercent(g.improved.share)} ({formatInterval(g.improved.ci, formatPercent)})
                {g.improvedRange && `; ${missingRangeText(g.improvedRange, "improve", true)}`}
              </Table.Td>
              <Table.Td>
                {formatPercent(g.worsened.share)} ({formatInterval(g.worsened.ci, formatPercent)})
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function QuantileTable({ groups }: { groups: ChangeDistribution[] }) {
  return (
    <ScrollTable minWidth={520} label="Percentiles of change by treatment">
      <Table striped style={{ fontVariantNumeric: "tabular-nums" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Treatment</Table.Th>
            <Table.Th scope="col">n</Table.Th>
            <Table.Th scope="col">10th</Table.Th>
            <Table.Th scope="col">25th</Table.Th>
            <Table.Th scope="col">Median</Table.Th>
            <Table.Th scope="col">75th</Table.Th>
            <Table.Th scope="col">90th</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.treatmentKind}>
              <Table.Th scope="row">{kindLabel(g.treatmentKind)}</Table.Th>
              <Table.Td>{g.n}</Table.Td>
              {(["p10", "p25", "p50", "p75", "p90"] as const).map((p) => (
                <Table.Td key={p}>{formatChange(g.quantiles?.[p])}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
