import type {
  SafeCount,
  TrackRecord,
  TrackRecordKind,
  TrackRecordSide,
} from "@evident/domain/api/track-record";
import { Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { CitedParagraph, SourceList } from "../components/cited";
import { formatLongDate } from "../components/format";
import { treatmentNamesEs } from "../portal/recovery-copy";
import { type TrackRecordCopy, trackRecordCopy, trackRecordCopyEs } from "./copy";

/** The time points whose change is shown: those the decision aid uses. */
const changeTimepoints = ["3m", "12m"];

export function useTrackRecordCopy(lang: "en" | "es"): TrackRecordCopy {
  return lang === "es" ? trackRecordCopyEs : trackRecordCopy;
}

function count(t: TrackRecordCopy, c: SafeCount): string {
  return c.n !== null ? String(c.n) : t.hidden[c.hidden ?? "fewer-than-11"];
}

type Row = { label: string; clinic: ReactNode; network: ReactNode };

function rowsOf(t: TrackRecordCopy, kind: TrackRecordKind): Row[] {
  const both = (f: (s: TrackRecordSide) => ReactNode) => ({
    clinic: f(kind.clinic),
    network: f(kind.network),
  });
  const rows: Row[] = [{ label: t.treated, ...both((s) => count(t, s.treated)) }];
  for (const tp of kind.clinic.timepoints) {
    if (tp.due.n === 0) continue;
    const tpName = t.timepoints[tp.timepoint] ?? tp.timepoint;
    const at = (s: TrackRecordSide) => s.timepoints.find((x) => x.timepoint === tp.timepoint);
    rows.push({
      label: t.answeredAt(tpName),
      ...both((s) => {
        const p = at(s);
        if (!p) return "–";
        return p.due.n === null && p.due.hidden !== "fewer-than-11"
          ? t.answeredDueHidden(count(t, p.answered))
          : t.answeredOf(count(t, p.answered), count(t, p.due));
      }),
    });
    if (!changeTimepoints.includes(tp.timepoint)) continue;
    for (const m of tp.measures) {
      const name = t[m.instrument];
      const measureOf = (s: TrackRecordSide) => at(s)?.measures.find((x) => x.instrument === m.instrument);
      rows.push({
        label: t.changeAt(name, tpName),
        ...both((s) => {
          const x = measureOf(s);
          return x?.meanChange ? t.change(x.meanChange, x.analysed.n) : t.notShown;
        }),
      });
      rows.push({
        label: t.improvedAt(name, tpName),
        ...both((s) => {
          const x = measureOf(s);
          return x?.responderShare ? t.share(x.responderShare, x.analysed.n) : t.notShown;
        }),
      });
    }
  }
  if (kind.clinic.surgeryWithinYear)
    rows.push({
      label: t.surgery,
      ...both((s) => {
        const y = s.surgeryWithinYear;
        return y?.share ? t.share(y.share, y.followed.n) : t.notShown;
      }),
    });
  rows.push({ label: t.adverseSerious, ...both((s) => count(t, s.adverseEvents.serious)) });
  rows.push({ label: t.adverseOther, ...both((s) => count(t, s.adverseEvents.notSerious)) });
  return rows;
}

function KindCard({ kind, t, lang }: { kind: TrackRecordKind; t: TrackRecordCopy; lang: "en" | "es" }) {
  const id = `kind-${kind.treatmentKind}`;
  const label =
    lang === "es"
      ? (treatmentNamesEs[kind.treatmentKind as keyof typeof treatmentNamesEs] ?? kind.label)
      : kind.label;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={4}>
        {label}
      </Title>
      {kind.investigational && (
        <Badge
          color="orange"
          variant="light"
          radius="sm"
          tt="none"
          mb="xs"
          style={{ whiteSpace: "normal", height: "auto" }}
        >
          {t.investigational}
        </Badge>
      )}
      <Table striped withTableBorder fz="sm" layout="fixed" verticalSpacing={6} horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.measure}</Table.Th>
            <Table.Th scope="col">{t.thisClinic}</Table.Th>
            <Table.Th scope="col">{t.network}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rowsOf(t, kind).map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td>{r.clinic}</Table.Td>
              <Table.Td>{r.network}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={6}>
        {t.lowerIsBetter}
      </Text>
    </Card>
  );
}

/** `headingLevel` 1 on the public page; the preview sits under the settings page's own heading. */
export function TrackRecordView({ record, lang }: { record: TrackRecord; lang: "en" | "es" }) {
  const t = useTrackRecordCopy(lang);
  const keys = [...new Set(record.caveats.flatMap((c) => c.sources))];
  return (
    <Stack gap="lg">
      <div>
        <Text>{t.intro}</Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t.asOf(formatLongDate(record.asOf, lang))}{" "}
          {record.publishedAt && t.published(formatLongDate(record.publishedAt, lang))} {t.smallCells}
        </Text>
      </div>
      {record.kinds.length === 0 && <Text>{t.noKinds}</Text>}
      {record.kinds.map((k) => (
        <KindCard key={k.treatmentKind} kind={k} t={t} lang={lang} />
      ))}
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tr-benchmark">
        <Title order={2} size="h4" id="tr-benchmark" mb={4}>
          {t.benchmark}
        </Title>
        <Text size="sm" mb="sm">
          {t.benchmarkIntro}
        </Text>
        <Stack gap="sm">
          {record.benchmarks.map((b) => (
            <div key={b.measure}>
              <Text fw={600} size="sm" lang="en">
                {b.label}
              </Text>
              <Text size="sm">
                {t.position[b.position]}.{" "}
                {b.ratio && b.limits95 && t.ratio(b.ratio, b.limits95[0], b.limits95[1])}{" "}
                {b.networkRate && t.networkRate(b.networkRate)}{" "}
                {b.higherIsBetter ? t.higherBetter : t.higherWorse}
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tr-limits">
        <Title order={2} size="h4" id="tr-limits" mb="xs">
          {t.cannotShow}
        </Title>
        <Stack gap="sm">
          {record.caveats.map((c) => (
            <CitedParagraph
              key={c.id}
              certainty={c.certainty}
              sources={c.sources}
              keys={keys}
              lang={lang}
              sourcesLabel={t.sources}
            >
              {c[lang]}
            </CitedParagraph>
          ))}
        </Stack>
      </Card>
      <section aria-labelledby="tr-sources">
        <Title order={2} size="h4" id="tr-sources" mb="xs">
          {t.sources}
        </Title>
        <SourceList keys={keys} />
      </section>
    </Stack>
  );
}
