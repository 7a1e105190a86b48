/**
 * The follow-up schedule: each timepoint's due date, answer window and status. An open
 * follow-up's "Enter answers" sits under its status, so the table fits the column beside the
 * patient's details without scrolling sideways.
 */
import { timepointLabel, treatmentKind } from "@evident/domain";
import type { FollowUpView, PatientDetail } from "@evident/domain/api";
import { Button, Card, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { FollowUpBadge } from "../../components/FollowUpBadge";
import { formatDate, formatDateRange } from "../../components/format";

function anchorOf(f: FollowUpView, patient: PatientDetail): string {
  if (!f.treatmentId) return "Before treatment";
  const t = patient.treatments.find((x) => x.id === f.treatmentId);
  return t ? `After ${treatmentKind(t.kind)?.label ?? t.kind}, ${formatDate(t.date)}` : "After treatment";
}

const windowOf = (f: FollowUpView) => formatDateRange(f.windowStart, f.windowEnd);

export function FollowUpsSection({
  patient,
  onEnter,
}: {
  patient: PatientDetail;
  /** Present when the user may enter answers for an open follow-up. */
  onEnter?: (f: FollowUpView) => void;
}) {
  const rows = patient.followUps;
  const enter = (f: FollowUpView) =>
    onEnter && f.status === "open" ? (
      <Button
        size="xs"
        variant="light"
        onClick={() => onEnter(f)}
        aria-label={`Enter answers for ${timepointLabel(f.timepoint)}`}
      >
        Enter answers
      </Button>
    ) : null;

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="followups-h"
    >
      <Title order={2} size="h4" id="followups-h" mb="sm">
        Follow-ups
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No follow-ups scheduled.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={600} visibleFrom="sm">
            <Table aria-labelledby="followups-h">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Timepoint</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Window</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {timepointLabel(f.timepoint)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {anchorOf(f, patient)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(f.dueDate)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{windowOf(f)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Stack gap={6} align="flex-start">
                        <FollowUpBadge status={f.status} />
                        {enter(f)}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {rows.map((f) => (
              <Card key={f.id} component="li" withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={650}>{timepointLabel(f.timepoint)}</Text>
                    <Text size="sm">Due {formatDate(f.dueDate)}</Text>
                    <Text size="xs" c="dimmed">
                      Window {windowOf(f)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {anchorOf(f, patient)}
                    </Text>
                  </Stack>
                  <Stack gap={6} align="flex-end">
                    <FollowUpBadge status={f.status} />
                    {enter(f)}
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}
