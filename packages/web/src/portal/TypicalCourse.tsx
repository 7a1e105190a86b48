/**
 * The patient's own back pain beside the typical course of this clinic's patients like them
 * (domain/evidence/typical-course), phone first: a line chart (its numbers are also in the table
 * and in the figure's label), then per time point the middle value, its 95% interval, and how many
 * of those due answered; who "like you" means; and, when fewer than 30 like them answered, a plain
 * sentence saying so instead of a number.
 */
import type { RecoveryView } from "@evident/domain/api";
import { LineChart } from "@mantine/charts";
import { Box, List, Stack, Table, Text } from "@mantine/core";
import { formatNumber } from "../components/format";
import { criterionNames } from "../decision-aid/words";
import { criterionNamesEs } from "../decision-aid/words-es";
import { useLanguage } from "./language";
import type { RecoveryCopy } from "./recovery-copy";
import { timepointShort } from "./words";

const order = ["baseline", "2w", "6w", "3m", "6m", "12m", "24m"];
/** A 0–10 score as the page's language writes it ("4.5", "4,5"). */
const scoreIn = (lang: string) => (x: number) => {
  const s = formatNumber(x, Number.isInteger(x) ? 0 : 1);
  return lang === "es" ? s.replace(".", ",") : s;
};

type Typical = NonNullable<RecoveryView["typical"]>;

function TypicalTable({ typical, t }: { typical: Typical; t: RecoveryCopy }) {
  const { lang } = useLanguage();
  const score = scoreIn(lang);
  return (
    <Table fz="sm" withRowBorders style={{ fontVariantNumeric: "tabular-nums" }}>
      <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{t.tableCaption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t.whenHeader}</Table.Th>
          <Table.Th scope="col">{t.middleHeader}</Table.Th>
          <Table.Th scope="col">{t.rangeHeader}</Table.Th>
          <Table.Th scope="col">{t.answeredHeader}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {typical.points.map((p) => (
          <Table.Tr key={p.timepoint}>
            <Table.Th scope="row" fw={500}>
              {timepointShort(p.timepoint, lang)}
            </Table.Th>
            <Table.Td>{score(p.median)}</Table.Td>
            <Table.Td>
              {p.medianCI ? t.likelyRange(score(p.medianCI[0]), score(p.medianCI[1])) : "—"}
            </Table.Td>
            <Table.Td>{t.answeredOf(p.n, p.due)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function WhoAreThey({ typical, t }: { typical: Typical; t: RecoveryCopy }) {
  const { lang } = useLanguage();
  const names = lang === "es" ? criterionNamesEs : criterionNames;
  return (
    <Stack gap={4}>
      <Text size="sm">{t.typicalWho(typical.treated ?? 0)}</Text>
      {typical.criteria.length > 0 && (
        <>
          <Text size="sm">{t.typicalLikeYou}</Text>
          <List size="sm">
            {typical.criteria.map((c) => (
              <List.Item key={c.id}>{c.words}</List.Item>
            ))}
          </List>
        </>
      )}
      {typical.widened.length > 0 && (
        <Text size="sm">{t.typicalWidened(typical.widened.map((id) => names[id]).join(", "))}</Text>
      )}
    </Stack>
  );
}

export function TypicalCourse({ r, t }: { r: RecoveryView; t: RecoveryCopy }) {
  const { lang } = useLanguage();
  const typical = r.typical;
  const shown = typical?.points ?? [];
  const points = [...new Set([...shown.map((x) => x.timepoint), ...r.own.map((o) => o.timepoint)])];
  points.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const data = points.map((tp) => ({
    when: timepointShort(tp, lang),
    you: r.own.find((o) => o.timepoint === tp)?.score ?? null,
    typical: shown.find((x) => x.timepoint === tp)?.median ?? null,
  }));
  const summary = data
    .map((d) => t.chartPoint(d.when, String(d.you ?? t.noAnswer), String(d.typical ?? t.notEnoughData)))
    .join("; ");
  return (
    <Stack gap="xs">
      {points.length === 0 ? (
        <Text size="sm">{t.courseEmpty}</Text>
      ) : (
        <Box component="figure" m={0} aria-label={t.chartLabel(summary)}>
          <Box aria-hidden="true">
            <LineChart
              h={200}
              data={data}
              dataKey="when"
              yAxisProps={{ domain: [0, 10] }}
              withLegend
              connectNulls
              accessibilityLayer={false}
              series={[
                { name: "you", label: t.you, color: "blue.8" },
                { name: "typical", label: t.typical, color: "gray.6", strokeDasharray: "5 5" },
              ]}
            />
          </Box>
        </Box>
      )}
      {!typical?.usable ? (
        <Text size="sm">{t.typicalNoScore}</Text>
      ) : typical.treated === null ? (
        <Text size="sm">{t.typicalNotEnough}</Text>
      ) : (
        <>
          <TypicalTable typical={typical} t={t} />
          <WhoAreThey typical={typical} t={t} />
        </>
      )}
      <Text size="xs" c="dimmed">
        {t.typicalCaution}
      </Text>
    </Stack>
  );
}
