/**
 * A patient's adverse events and problem reports, with each event's reporting clock (ICH E2A:
 * 7 or 15 days) and its exports; clinicians record an event here, from a report or on their own,
 * and update it as follow-up comes in (every change kept in its history).
 */

import { treatmentKind } from "@evident/domain";
import { type ProblemSymptom, problemSymptomLabels } from "@evident/domain/adverse-events/patient-report";
import { type AeKind, aeKindLabels } from "@evident/domain/adverse-events/rules";
import type { AdverseEventView, PatientDetail } from "@evident/domain/api";
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { useMarkSubmitted, usePatientAdverseEvents } from "../../api/adverse-events";
import { historyOf } from "../../api/records";
import { formatDate } from "../../components/format";
import { RecordAdverseEventModal } from "./RecordAdverseEventModal";
import { type FieldWords, HistoryToggle } from "./RecordHistory";

const fieldLabels: Record<string, string> = {
  kind: "kind",
  onsetDate: "onset",
  severity: "CTCAE grade",
  seriousness: "seriousness",
  relatedness: "relatedness",
  expected: "expected",
  outcome: "outcome",
  actions: "actions",
  description: "what happened",
  treatmentId: "treatment",
  reportDueDate: "report due",
  reportSubmittedAt: "report submitted",
};

function wordsFor(patient: PatientDetail): FieldWords {
  return {
    label: (f) => fieldLabels[f] ?? f,
    value: (f, v) => {
      if (f === "kind" && typeof v === "string") return aeKindLabels[v as AeKind] ?? v;
      if (f === "treatmentId" && typeof v === "string") {
        const t = patient.treatments.find((x) => x.id === v);
        return t ? `${treatmentKind(t.kind)?.label ?? t.kind}, ${formatDate(t.date)}` : "another record";
      }
      if ((f === "actions" || f === "description") && typeof v === "string") return `“${v}”`;
      if (f === "expected" && v === null) return "not assessed";
      if (f === "relatedness" && v === null) return "not assessed";
      return null;
    },
  };
}

const clockLook: Record<AdverseEventView["clock"]["status"], { color: string; label: string }> = {
  "not-required": { color: "gray", label: "No expedited report" },
  due: { color: "orange", label: "Report due" },
  overdue: { color: "red", label: "Report overdue" },
  submitted: { color: "green", label: "Report submitted" },
};

function EventItem({
  e,
  patient,
  mayWrite,
  onEdit,
}: {
  e: AdverseEventView;
  patient: PatientDetail;
  mayWrite: boolean;
  onEdit: () => void;
}) {
  const submit = useMarkSubmitted(patient.id);
  const label = aeKindLabels[e.kind as AeKind] ?? e.kind;
  const look = clockLook[e.clock.status];
  return (
    <Stack component="li" gap={4} pb="xs" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={650}>{label}</Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {formatDate(e.onsetDate)}
        </Text>
      </Group>
      <Text size="sm">
        CTCAE grade {e.severity} · {e.serious ? `serious (${e.seriousness.join(", ")})` : "not serious"} ·{" "}
        {e.relatedness ?? "relatedness not assessed"} · {e.outcome}
      </Text>
      {e.description && <Text size="sm">{e.description}</Text>}
      <Group gap="xs">
        <Badge color={look.color} variant="light">
          {look.label}
          {e.clock.dueDate && e.clock.status !== "submitted" ? ` by ${formatDate(e.clock.dueDate)}` : ""}
        </Badge>
        {mayWrite && (e.clock.status === "due" || e.clock.status === "overdue") && (
          <Button
            size="compact-xs"
            variant="subtle"
            loading={submit.isPending}
            onClick={() => submit.mutate(e.id)}
          >
            Mark report submitted
          </Button>
        )}
        {mayWrite && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={`Update ${label.toLowerCase()} of ${formatDate(e.onsetDate)}`}
          >
            Update
          </Button>
        )}
      </Group>
      <HistoryToggle version={e.version} source={historyOf.adverseEvent(e.id)} words={wordsFor(patient)} />
      <Text size="xs">
        Export:{" "}
        <Anchor href={`/api/v1/adverse-events/${e.id}/medwatch.pdf`} size="xs">
          MedWatch-style PDF
        </Anchor>{" "}
        ·{" "}
        <Anchor href={`/api/v1/adverse-events/${e.id}/medwatch.json`} size="xs">
          JSON
        </Anchor>{" "}
        ·{" "}
        <Anchor href={`/api/v1/adverse-events/${e.id}/fhir`} size="xs">
          FHIR AdverseEvent
        </Anchor>
      </Text>
    </Stack>
  );
}

export function AdverseEventsSection({ patient, mayWrite }: { patient: PatientDetail; mayWrite: boolean }) {
  const data = usePatientAdverseEvents(patient.id);
  const [opened, modal] = useDisclosure(false);
  const [fromReport, setFromReport] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdverseEventView | null>(null);
  const d = data.data;
  const openReports = d?.problemReports.filter((r) => r.adverseEventId === null) ?? [];
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="ae-h">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="ae-h">
          Adverse events
        </Title>
        {mayWrite && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconAlertTriangle size={16} aria-hidden />}
            onClick={() => {
              setFromReport(null);
              modal.open();
            }}
          >
            Record adverse event
          </Button>
        )}
      </Group>
      {!d ? (
        <Text size="sm">Loading…</Text>
      ) : (
        <Stack gap="sm">
          {openReports.map((r) => (
            <Paper
              key={r.id}
              withBorder
              p="xs"
              radius="sm"
              bg={r.urgent ? "var(--mantine-color-red-0)" : undefined}
            >
              <Text size="sm" fw={600}>
                {r.urgent ? "Urgent problem report" : "Problem report"} from the patient,{" "}
                {formatDate(r.reportedAt)}
              </Text>
              <Text size="sm">
                {r.symptoms.map((s) => problemSymptomLabels[s as ProblemSymptom] ?? s).join("; ")}
                {r.details ? ` — "${r.details}"` : ""} (since {formatDate(r.onsetDate)})
              </Text>
              {mayWrite && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  mt={4}
                  onClick={() => {
                    setFromReport(r.id);
                    modal.open();
                  }}
                >
                  Record as adverse event
                </Button>
              )}
            </Paper>
          ))}
          {d.items.length === 0 && openReports.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
              {d.items.map((e) => (
                <EventItem
                  key={e.id}
                  e={e}
                  patient={patient}
                  mayWrite={mayWrite}
                  onEdit={() => setEditing(e)}
                />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {mayWrite && (
        <RecordAdverseEventModal
          patient={patient}
          problemReportId={fromReport}
          opened={opened}
          onClose={modal.close}
        />
      )}
      {mayWrite && editing && (
        <RecordAdverseEventModal
          key={`${editing.id}:${editing.version}`}
          patient={patient}
          problemReportId={null}
          event={editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
