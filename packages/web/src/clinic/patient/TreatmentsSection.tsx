/** Treatments given, newest first; cell therapies always carry their regulatory status. */
import { treatmentKind } from "@evident/domain";
import type { PatientDetail } from "@evident/domain/api";
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDate } from "../../components/format";

export function TreatmentsSection({ patient, action }: { patient: PatientDetail; action?: ReactNode }) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="treatments-h"
    >
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="treatments-h">
          Treatments
        </Title>
        {action}
      </Group>
      {patient.treatments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No treatment recorded yet. Recording one schedules follow-up questionnaires at 2 and 6 weeks, and 3,
          6 and 12 months.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
          {patient.treatments.map((t) => {
            const info = treatmentKind(t.kind);
            const notes = typeof t.details.notes === "string" ? t.details.notes : null;
            return (
              <Stack
                key={t.id}
                component="li"
                gap={4}
                pb="xs"
                style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={650}>{info?.label ?? t.kind}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {formatDate(t.date)}
                  </Text>
                </Group>
                {info?.regulatoryNote && (
                  <>
                    <Badge color="yellow" style={{ alignSelf: "flex-start" }}>
                      Investigational
                    </Badge>
                    <Text size="xs">{info.regulatoryNote}</Text>
                  </>
                )}
                {notes && (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {notes}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
