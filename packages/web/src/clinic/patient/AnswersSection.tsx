/**
 * The patient's questionnaire answers: a trend chart and one row per sitting with each
 * questionnaire's score ("corrected" where staff corrected it; "late baseline" for a baseline
 * answered after the treatment, which no change score uses), and a way into the sitting's
 * details: every answer, the correction history, and correcting an answer set.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import type { PatientDetail, ResponseView } from "@evident/domain/api";
import { Badge, Button, Card, EmptyState, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconClipboardText } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useInstruments } from "../../api/queries";
import { formatDate } from "../../components/format";
import { groupSittings, instrumentOrder, type Sitting } from "../../components/sittings";
import { SittingDialog } from "./SittingDialog";
import { scoreSummary } from "./scoreSummary";
import { TrendChart } from "./TrendChart";

function useInstrumentNames() {
  const all = useInstruments().data?.items ?? [];
  return (id: string) => {
    const i = all.find((x) => x.id === id);
    return i
      ? { name: i.shortTitle, range: i.id === "promis29" ? "T" : `${i.scoreRange.min}–${i.scoreRange.max}` }
      : { name: id, range: "" };
  };
}

function Score({ response }: { response: ResponseView | undefined }) {
  if (!response) return <Text c="dimmed">—</Text>;
  const { main, detail } = scoreSummary(response);
  return (
    <Stack gap={0}>
      <Text fw={650} size={main.length > 6 ? "sm" : undefined} style={{ whiteSpace: "nowrap" }}>
        {main}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
      {response.correction && (
        <Badge size="xs" color="orange" variant="light" mt={2}>
          Corrected
        </Badge>
      )}
    </Stack>
  );
}

function TimepointBadge({ sitting }: { sitting: Sitting }) {
  return sitting.lateBaseline ? (
    <Badge color="orange" variant="light">
      Late baseline
    </Badge>
  ) : (
    <Badge color="gray">{timepointLabel(sitting.timepoint)}</Badge>
  );
}

const sourceLabel = (s: string) =>
  s === "portal" ? "Patient (portal)" : s === "demo" ? "Demo data" : "Clinic staff";

export function AnswersSection({
  patient,
  action,
  mayCorrect,
}: {
  patient: PatientDetail;
  action?: ReactNode;
  mayCorrect: boolean;
}) {
  const nameOf = useInstrumentNames();
  const [open, setOpen] = useState<string | null>(null);
  const sittings = groupSittings(patient.responses);
  const order = instrumentOrder(patient.responses);
  // Which treatment a sitting followed: the follow-up it completed names it. With two
  // treatments there are two "2 weeks", so the table says which. A late baseline says why it
  // does not count.
  const anchor = (s: Sitting): string | null => {
    if (s.lateBaseline) return "late: answered after the treatment, so not used for change scores";
    if (s.timepoint === "baseline" || patient.treatments.length < 2) return null;
    const f = patient.followUps.find((x) => x.id === s.followUpId);
    const t = f?.treatmentId ? patient.treatments.find((x) => x.id === f.treatmentId) : undefined;
    return t ? `after ${treatmentKind(t.kind)?.label ?? t.kind}` : null;
  };
  const details = (s: Sitting) => (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={() => setOpen(s.key)}
      aria-label={`Details: ${timepointLabel(s.timepoint)}, ${formatDate(s.completedAt)}`}
    >
      Details
    </Button>
  );

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
          description="The baseline questionnaires are waiting for the patient in the portal. Staff can also enter answers given on paper or by phone."
          size="sm"
          py="md"
        />
      ) : (
        <Stack gap="md">
          <TrendChart responses={patient.responses} treatments={patient.treatments} />
          <Table.ScrollContainer minWidth={Math.max(560, 260 + order.length * 88)} visibleFrom="sm">
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
                      <TimepointBadge sitting={s} />
                      {anchor(s) && (
                        <Text size="xs" c="dimmed" mt={2}>
                          {anchor(s)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(s.completedAt)}</Table.Td>
                    {order.map((i) => (
                      <Table.Td key={i}>
                        <Score response={s.byInstrument[i]} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Text size="sm">{sourceLabel(s.source)}</Text>
                      {details(s)}
                    </Table.Td>
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
                    <TimepointBadge sitting={s} />
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
                <Group gap="md" align="flex-start">
                  {order
                    .filter((i) => s.byInstrument[i])
                    .map((i) => (
                      <Stack key={i} gap={2} miw={88}>
                        <Text size="xs" c="dimmed">
                          {nameOf(i).name} ({nameOf(i).range})
                        </Text>
                        <Score response={s.byInstrument[i]} />
                      </Stack>
                    ))}
                </Group>
                <Group justify="flex-end" mt={4}>
                  {details(s)}
                </Group>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
      <SittingDialog
        sitting={sittings.find((s) => s.key === open) ?? null}
        patientId={patient.id}
        mayCorrect={mayCorrect}
        onClose={() => setOpen(null)}
      />
    </Paper>
  );
}
