/**
 * Before and after, level by level (imagingChange.ts): a table of the Pfirrmann grade, disc height
 * and Modic type at each level's first and latest study, and a small chart per level of the disc
 * height at the two dates with the grades beneath. The charts are plain SVG pictures of the table
 * (named for screen readers, nothing focusable inside), on one scale so levels compare at a glance.
 * Four columns, dates under the level, so the table fits a phone without scrolling sideways.
 */
import { Box, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { formatChange, formatDate } from "../../components/format";
import type { ImagingChange, LevelChange } from "./imagingChange";

const INK = "#1864ab";
const ARROW = "→";

const grade = (v: number | undefined) => (v === undefined ? "—" : String(v));
const height = (v: number | undefined) => (v === undefined ? "—" : `${v}%`);
const levelName = (level: string) => level.replace("-", "–");

function pair(before: number | undefined, after: number | undefined, show = grade) {
  return `${show(before)} ${ARROW} ${show(after)}`;
}

/** One line a screen reader can read for a level (the chart's name). */
function levelWords(l: LevelChange): string {
  return [
    `${levelName(l.level)}, ${formatDate(l.before.date)} to ${formatDate(l.after.date)}`,
    `Pfirrmann ${pair(l.before.pfirrmann, l.after.pfirrmann).replace(ARROW, "to")}`,
    `disc height ${pair(l.before.discHeightPercent, l.after.discHeightPercent, height).replace(ARROW, "to")}${
      l.heightChange === null ? "" : ` (${formatChange(l.heightChange, 0)} points)`
    }`,
    `Modic ${pair(l.before.modic, l.after.modic).replace(ARROW, "to")}`,
  ].join(", ");
}

/** A shared disc-height scale in tens, wide enough for every level's two values. */
function heightScale(levels: readonly LevelChange[]): { min: number; max: number } {
  const values = levels.flatMap((l) =>
    [l.before.discHeightPercent, l.after.discHeightPercent].filter((v): v is number => v !== undefined),
  );
  if (values.length === 0) return { min: 0, max: 100 };
  return {
    min: Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10),
    max: Math.min(150, Math.ceil((Math.max(...values) + 5) / 10) * 10),
  };
}

function LevelChart({ change, scale }: { change: LevelChange; scale: { min: number; max: number } }) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(120, measured || 160);
  const h = 120;
  const m = { top: 16, right: 30, bottom: 20, left: 30 };
  const y = (v: number) => m.top + ((scale.max - v) / (scale.max - scale.min)) * (h - m.top - m.bottom);
  const xs = [m.left, width - m.right] as const;
  const points = [change.before, change.after].map((s, i) => ({
    x: xs[i] ?? m.left,
    v: s.discHeightPercent,
    label: new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
      new Date(`${s.date}T00:00:00Z`),
    ),
  }));
  const [a, b] = points;
  return (
    <Box
      component="figure"
      m={0}
      p="xs"
      style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
    >
      <Text size="sm" fw={650}>
        {levelName(change.level)}
      </Text>
      <Box ref={ref} w="100%">
        <svg
          width={width}
          height={h}
          role="img"
          aria-label={`Disc height before and after: ${levelWords(change)}.`}
        >
          {[scale.min, scale.max].map((t) => (
            <g key={t}>
              <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} stroke="#e9ecef" />
              <text x={m.left - 4} y={y(t)} dy="0.32em" textAnchor="end" fontSize={10} fill="#495057">
                {t}%
              </text>
            </g>
          ))}
          {a?.v !== undefined && b?.v !== undefined && (
            <line x1={a.x} x2={b.x} y1={y(a.v)} y2={y(b.v)} stroke={INK} strokeWidth={2} />
          )}
          {points.map((p, i) => (
            <g key={p.label + String(i)}>
              {p.v !== undefined && (
                <>
                  <circle
                    cx={p.x}
                    cy={y(p.v)}
                    r={4.5}
                    fill={i === 0 ? "#fff" : INK}
                    stroke={INK}
                    strokeWidth={2}
                  />
                  <text
                    x={p.x + (i === 0 ? -7 : 7)}
                    y={y(p.v) - 8}
                    textAnchor={i === 0 ? "end" : "start"}
                    fontSize={11}
                    fill="#212529"
                  >
                    {p.v}
                  </text>
                </>
              )}
              <text x={p.x} y={h - 4} textAnchor="middle" fontSize={10} fill="#343a40">
                {p.label}
              </text>
            </g>
          ))}
          {a?.v === undefined && b?.v === undefined && (
            <text x={width / 2} y={h / 2} textAnchor="middle" fontSize={11} fill="#495057">
              No disc height
            </text>
          )}
        </svg>
      </Box>
      <Text component="figcaption" size="xs">
        Pfirrmann {pair(change.before.pfirrmann, change.after.pfirrmann)} · Modic{" "}
        {pair(change.before.modic, change.after.modic)}
      </Text>
    </Box>
  );
}

export function ImagingChangeView({ change }: { change: ImagingChange }) {
  if (change.levels.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="imaging-change-empty">
        {change.studies === 0
          ? "Before and after: no imaging recorded yet."
          : change.studies === 1
            ? "Before and after: one study so far; the change per level appears once a second study grades the same levels."
            : "Before and after: no level was graded in two studies."}
      </Text>
    );
  const scale = heightScale(change.levels);
  return (
    <Stack gap="xs" component="section" aria-labelledby="imaging-change-h">
      <Title order={3} size="h5" id="imaging-change-h">
        Before and after, per level
      </Title>
      <Table
        aria-labelledby="imaging-change-h"
        horizontalSpacing={6}
        verticalSpacing={6}
        style={{ fontVariantNumeric: "tabular-nums" }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Pfirrmann</Table.Th>
            <Table.Th scope="col">Disc height</Table.Th>
            <Table.Th scope="col">Modic</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {change.levels.map((l) => (
            <Table.Tr key={l.level}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={650}>
                  {levelName(l.level)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(l.before.date)} {ARROW}{" "}
                  <span style={{ whiteSpace: "nowrap" }}>{formatDate(l.after.date)}</span>
                </Text>
              </Table.Th>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {pair(l.before.pfirrmann, l.after.pfirrmann)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {pair(l.before.discHeightPercent, l.after.discHeightPercent, height)}
                </Text>
                {l.heightChange !== null && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {formatChange(l.heightChange, 0)} {Math.abs(l.heightChange) === 1 ? "point" : "points"}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{pair(l.before.modic, l.after.modic)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {change.levels.map((l) => (
          <LevelChart key={l.level} change={l} scale={scale} />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Each level's first study against its latest. Pfirrmann grade 1–5 (higher is more degenerated;
        Pfirrmann 2001); disc height as a percentage of a normal reference level; Modic endplate type 0 (none)
        to 3 (Modic 1988). Open dot: before; filled: after.
        {change.once.length > 0 && ` Graded in one study only: ${change.once.map(levelName).join(", ")}.`}
      </Text>
    </Stack>
  );
}
