/** The patient's questionnaire answers: a trend chart and one row per sitting with its scores. */
import { timepointLabel, treatmentKind } from "@evident/domain";
import type { PatientDetail } from "@evident/domain/api";
import { Badge, Card, EmptyState, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconClipboardText } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useInstruments } from "../../api/queries";
import { formatDate, formatNumber } from "../../components/format";
import { bandOf, groupSittings, instrumentOrder, type Sitting } from "../../components/sittings";
import { TrendChart } from "./TrendChart";

function useInstrumentNames() {
  const all = useInstruments().data?.items ?? [];
  return (id: string) => {
    const i = all.find((x) => x.id === id);
    return i
      ? { name: i.shortTitle, range: `${i.scoreRange.min}–${i.scoreRange.max}` }
      : { name: id, range: "" };
  };
}

function Score({ sitting, instrument }: { sitting: Sitting; instrument: string }) {
  const r = sitting.byInstrument[instrument];
  if (!r) return <Text c="dimmed">—</Text>;
  if (r.score === null) return <Text size="sm">Not scored</Text>;
  const band = bandOf(r);
  return (
    <Stack gap={0}>
      <Text fw={650}>
        {formatNumber(r.score, instrument === "odi" ? 0 : Number.isInteger(r.score) ? 0 : 1)}
      </Text>
      {band && (
        <Text size="xs" c="dimmed">
          {band}
        </Text>
      )}
    </Stack>
  );
}

const sourceLabel = (s: string) => (s === "portal" ? "Patient (portal)" : "Clinic staff");

export function AnswersSection({ patient, action }: { patient: PatientDetail; action?: ReactNode }) {
  const nameOf = useInstrumentNames();
  const sittings = groupSittings(patient.responses);
  const order = instrumentOrder(patient.responses);
  // Which treatment a sitting followed: the follow-up it completed names it. With two
  // treatments there are two "2 weeks", so the table says which.
  const anchor = (s: Sitting): string | null => {
    if (s.timepoint === "baseline" || patient.treatments.length < 2) return null;
    const f = patient.followUps.find((x) => x.id === s.followUpId);
    const t = f?.treatmentId ? patient.treatments.find((x) => x.id === f.treatmentId) : undefined;
    return t ? `after ${treatmentKind(t.kind)?.label ?? t.kind}` : null;
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="answers-h"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="answers-h">
          Questionnaire answers
        </Title>
        {action}
      </Group>
      {sittings.length === 0 ? (
        <EmptyState
          icon={<IconClipboardText aria-hidden />}
          title="No answers yet"
          description="Baseline questionnaires (back pain and ODI) are waiting for the patient in the portal. Staff can also enter answers given on paper or by phone."
          size="sm"
          py="md"
        />
      ) : (
        <Stack gap="md">
          <TrendChart responses={patient.responses} treatments={patient.treatments} />
          <Table.ScrollContainer minWidth={560} visibleFrom="sm">
            <Table aria-labelledby="answers-h">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Timepoint</Table.Th>
                  <Table.Th scope="col">Date</Table.Th>
                  {order.map((i) => (
                    <Table.Th scope="col" key={i}>
                      {nameOf(i).name}{" "}
                      <Text span size="xs" c="dimmed" fw={400} style={{ whiteSpace: "nowrap" }}>
                        ({nameOf(i).range})
                      </Text>
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">Entered by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sittings.map((s) => (
                  <Table.Tr key={s.key}>
                    <Table.Td>
                      <Badge color="gray">{timepointLabel(s.timepoint)}</Badge>
                      {anchor(s) && (
                        <Text size="xs" c="dimmed" mt={2}>
                          {anchor(s)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(s.completedAt)}</Table.Td>
                    {order.map((i) => (
                      <Table.Td key={i}>
                        <Score sitting={s} instrument={i} />
                      </Table.Td>
                    ))}
                    <Table.Td>{sourceLabel(s.source)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="sm">
            {sittings.map((s) => (
              <Card key={s.key} withBorder padding="sm">
                <Group justify="space-between" mb={6}>
                  <Group gap={6}>
                    <Badge color="gray">{timepointLabel(s.timepoint)}</Badge>
                    {anchor(s) && (
                      <Text size="xs" c="dimmed">
                        {anchor(s)}
                      </Text>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatDate(s.completedAt)}
                  </Text>
                </Group>
                <Group grow align="flex-start">
                  {order.map((i) => (
                    <Stack key={i} gap={2}>
                      <Text size="xs" c="dimmed">
                        {nameOf(i).name} ({nameOf(i).range})
                      </Text>
                      <Score sitting={s} instrument={i} />
                    </Stack>
                  ))}
                </Group>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
