/**
 * Staff enter a follow-up's questionnaires on the patient's behalf (answers given on paper or by
 * phone): every item on one scrolling form, one submission, each server issue under its item.
 */
import { timepointLabel } from "@evident/domain";
import type { FollowUpView } from "@evident/domain/api";
import { Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Fragment, useState } from "react";
import { isApiError } from "../../api/client";
import { sentence } from "../../api/issues";
import { useEnterResponses, useInstruments } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { LoadError, Loading } from "../../components/QueryStates";
import {
  type AnswerSheet,
  answerOf,
  buildSteps,
  groupOf,
  instrumentsFor,
  issueTarget,
  missingSteps,
  toBatch,
  withAnswer,
} from "../../components/questionnaire/answers";
import { Question } from "../../components/questionnaire/Question";

export function EnterAnswersModal({
  patientId,
  followUp,
  onClose,
}: {
  patientId: string;
  followUp: FollowUpView | null;
  onClose: () => void;
}) {
  return (
    <AppModal
      opened={followUp !== null}
      onClose={onClose}
      title={followUp ? `Enter answers: ${timepointLabel(followUp.timepoint)}` : "Enter answers"}
      size="xl"
      fullScreenBelow="48em"
    >
      {followUp && (
        <AnswerForm key={followUp.id} patientId={patientId} followUp={followUp} onDone={onClose} />
      )}
    </AppModal>
  );
}

function AnswerForm({
  patientId,
  followUp,
  onDone,
}: {
  patientId: string;
  followUp: FollowUpView;
  onDone: () => void;
}) {
  const all = useInstruments();
  const enter = useEnterResponses(patientId);
  const [sheet, setSheet] = useState<AnswerSheet>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);

  if (all.isPending) return <Loading label="Loading questionnaires…" />;
  if (all.isError) return <LoadError error={all.error} retry={() => all.refetch()} what="questionnaires" />;
  const instruments = instrumentsFor(followUp.instruments, all.data.items);
  const steps = buildSteps(instruments);
  const keyOf = (i: string, item: string) => `${i}.${item}`;

  const submit = () => {
    const missing = missingSteps(steps, sheet);
    if (missing.length > 0) {
      setErrors(
        Object.fromEntries(
          missing.map((s) => [keyOf(s.instrument.id, s.item.id), "Please choose an answer."]),
        ),
      );
      setGeneral([
        `${missing.length} ${missing.length === 1 ? "question needs" : "questions need"} an answer.`,
      ]);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setGeneral([]);
    enter.mutate(toBatch(instruments, sheet, followUp.id), {
      onSuccess: () => {
        notifications.show({
          color: "green",
          title: "Answers saved",
          message: "The scores are on the patient's record.",
        });
        onDone();
      },
      onError: (e) => {
        const fieldErrors: Record<string, string> = {};
        const rest: string[] = [];
        for (const issue of isApiError(e) ? e.issues : []) {
          const t = issueTarget(issue.path, instruments);
          if (t?.itemId) fieldErrors[keyOf(t.instrumentId, t.itemId)] = sentence(issue.message);
          else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
        }
        if (rest.length === 0 && Object.keys(fieldErrors).length === 0)
          rest.push(isApiError(e) ? e.message : "Something went wrong.");
        setErrors(fieldErrors);
        setGeneral(rest);
        focusFirstInvalid();
      },
    });
  };

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Record the patient's own answers. Answer window: {followUp.windowStart} to {followUp.windowEnd}.
      </Text>
      {instruments.map((instrument, n) => (
        <Fragment key={instrument.id}>
          {n > 0 && <Divider />}
          <Stack gap="md">
            <div>
              <Title order={3} size="h4">
                {instrument.title}
              </Title>
              <Text size="sm" c="dimmed">
                {instrument.instructions}
              </Text>
            </div>
            {steps
              .filter((s) => s.instrument.id === instrument.id)
              .map((s, i, list) => (
                <Fragment key={s.item.id}>
                  {s.item.group && s.item.group !== list[i - 1]?.item.group && (
                    <Title order={4} size="h6">
                      {groupOf(instrument, s.item)?.title}
                      {groupOf(instrument, s.item)?.recall.startsWith("past")
                        ? ` · ${groupOf(instrument, s.item)?.recall}`
                        : ""}
                    </Title>
                  )}
                  <Question
                    item={s.item}
                    legend={
                      s.of > 1
                        ? `${s.index}. ${s.item.text}${s.item.optional ? " (optional)" : ""}`
                        : s.item.text
                    }
                    value={answerOf(sheet, s)}
                    error={errors[keyOf(instrument.id, s.item.id)]}
                    onChange={(v) => {
                      setSheet((prev) => withAnswer(prev, instrument.id, s.item.id, v));
                      setErrors(({ [keyOf(instrument.id, s.item.id)]: _, ...rest }) => rest);
                    }}
                  />
                </Fragment>
              ))}
          </Stack>
        </Fragment>
      ))}
      <FormAlert messages={general} title="The answers were not saved" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={enter.isPending}>
          Save answers
        </Button>
      </Group>
    </Stack>
  );
}

/** Takes the person to the first question that needs attention (after it re-renders). */
function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLInputElement>(
      '[role="dialog"] fieldset[aria-invalid="true"] input',
    );
    input?.focus();
    input?.closest("fieldset")?.scrollIntoView({ block: "center" });
  });
}
