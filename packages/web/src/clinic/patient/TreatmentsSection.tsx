/** Treatments given, newest first; cell therapies always carry their regulatory status. */
import { treatmentKind } from "@evident/domain";
import type { PatientDetail } from "@evident/domain/api";
import { pathwayLabels, type RegulatoryPathway } from "@evident/domain/regulatory";
import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { formatDate } from "../../components/format";

/** One line of what was done, from the procedure record (older treatments have none). */
function ProcedureSummary({ details }: { details: Record<string, unknown> }) {
  const p = details.procedure as Record<string, unknown> | undefined;
  if (!p) return null;
  const regulatory = details.regulatory as { pathway: RegulatoryPathway } | undefined;
  const parts = [
    typeof p.target === "string" ? p.target.replaceAll("-", " ") : null,
    typeof p.surgeryType === "string" ? p.surgeryType.replaceAll("-", " ") : null,
    typeof p.programme === "string"
      ? `${p.programme}, ${p.sessionsPerWeek}×/week for ${p.weeks} weeks`
      : null,
    Array.isArray(p.levels) && p.levels.length > 0 ? p.levels.join(", ") : null,
    typeof p.tncMillions === "number" ? `${p.tncMillions} million nucleated cells` : null,
    typeof p.operator === "string" ? `by ${p.operator}` : null,
  ].filter(Boolean);
  return (
    <>
      <Text size="sm">{parts.join(" · ")}</Text>
      {regulatory && <Text size="xs">Likely pathway: {pathwayLabels[regulatory.pathway]}</Text>}
    </>
  );
}

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
          No treatment recorded yet. Recording one schedules the follow-up questionnaires of the clinic's
          measurement plan.
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
                <ProcedureSummary details={t.details} />
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
