/**
 * One sitting in full: each questionnaire's score, who entered it, and, for a corrected one, the
 * reason, when, and every earlier version with the answers that changed. Staff who may enter
 * answers can correct a questionnaire from here: a new version with a reason, the old one kept.
 */
import { timepointLabel } from "@evident/domain";
import type { InstrumentView, ResponseVersion, ResponseView } from "@evident/domain/api";
import { Alert, Badge, Button, Divider, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useInstruments } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { formatDate, formatDateTime } from "../../components/format";
import { answerLabel } from "../../components/questionnaire/answers";
import { instrumentOrder, type Sitting } from "../../components/sittings";
import { CorrectAnswersForm } from "./CorrectAnswersForm";
import { scoreSummary } from "./scoreSummary";

/** The answers that differ between two versions, as "question: before → after". */
function changes(
  instrument: InstrumentView | undefined,
  before: ResponseVersion,
  after: { answers: ResponseView["answers"] },
) {
  if (!instrument) return [];
  return instrument.items
    .filter((item) => (before.answers[item.id] ?? null) !== (after.answers[item.id] ?? null))
    .map((item) => {
      const label = (v: number | boolean | null | undefined) => answerLabel(item, v ?? undefined);
      return `${item.text}: ${label(before.answers[item.id])} → ${label(after.answers[item.id])}`;
    });
}

function summaryText(r: { instrument: string; score: number | null; scoreDetail: Record<string, unknown> }) {
  const s = scoreSummary(r);
  return s.detail ? `${s.main} (${s.detail})` : s.main;
}

function History({
  response,
  instrument,
}: {
  response: ResponseView;
  instrument: InstrumentView | undefined;
}) {
  const c = response.correction;
  if (!c) return null;
  // Each earlier version, with what changed on the way to the version after it.
  const newer = [response, ...c.earlier];
  return (
    <Alert color="orange" variant="light" icon={<IconHistory aria-hidden />} p="sm" title="Corrected">
      <Stack gap={6}>
        <Text size="sm">
          {formatDateTime(c.correctedAt)}: “{c.reason}”
        </Text>
        {c.earlier.map((v, i) => {
          const diff = changes(instrument, v, newer[i]!);
          return (
            <Stack key={v.id} gap={2}>
              <Text size="sm" fw={600}>
                Earlier version, recorded {formatDateTime(v.recordedAt)}:{" "}
                {summaryText({ ...v, instrument: response.instrument })}
              </Text>
              {v.correctionReason && (
                <Text size="xs" c="dimmed">
                  It corrected an earlier one: “{v.correctionReason}”
                </Text>
              )}
              {diff.length > 0 && (
                <List size="xs" spacing={2}>
                  {diff.map((d) => (
                    <List.Item key={d}>{d}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Alert>
  );
}

export function SittingDialog({
  sitting,
  patientId,
  mayCorrect,
  onClose,
}: {
  sitting: Sitting | null;
  patientId: string;
  mayCorrect: boolean;
  onClose: () => void;
}) {
  const all = useInstruments().data?.items ?? [];
  const [correcting, setCorrecting] = useState<ResponseView | null>(null);
  const close = () => {
    setCorrecting(null);
    onClose();
  };
  const title = sitting ? `${timepointLabel(sitting.timepoint)}, ${formatDate(sitting.completedAt)}` : "";
  const responses = sitting
    ? instrumentOrder(Object.values(sitting.byInstrument)).map((i) => sitting.byInstrument[i]!)
    : [];
  const definition = (id: string) => all.find((i) => i.id === id);

  return (
    <AppModal
      opened={sitting !== null}
      onClose={close}
      title={
        correcting
          ? `Correct answers: ${definition(correcting.instrument)?.shortTitle ?? correcting.instrument}`
          : title
      }
      size="xl"
      fullScreenBelow="48em"
    >
      {correcting ? (
        <CorrectAnswersForm
          patientId={patientId}
          response={correcting}
          instrument={definition(correcting.instrument)}
          onDone={() => setCorrecting(null)}
        />
      ) : (
        <Stack gap="md">
          {responses.map((r, n) => {
            const def = definition(r.instrument);
            return (
              <Fragment key={r.id}>
                {n > 0 && <Divider />}
                <Stack gap={6} component="section" aria-labelledby={`sitting-${r.id}`}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <div>
                      <Title order={3} size="h5" id={`sitting-${r.id}`}>
                        {def?.title ?? r.instrument}
                        {r.correction && (
                          <Badge ml="xs" size="sm" color="orange" variant="light">
                            Corrected
                          </Badge>
                        )}
                      </Title>
                      <Text size="sm">{summaryText(r)}</Text>
                      <Text size="xs" c="dimmed">
                        Version {r.instrumentVersion} ·{" "}
                        {r.source === "portal" ? "answered in the portal" : "entered by clinic staff"}
                      </Text>
                    </div>
                    {mayCorrect && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setCorrecting(r)}
                        aria-label={`Correct answers: ${def?.shortTitle ?? r.instrument}`}
                      >
                        Correct answers
                      </Button>
                    )}
                  </Group>
                  <History response={r} instrument={def} />
                </Stack>
              </Fragment>
            );
          })}
        </Stack>
      )}
    </AppModal>
  );
}
