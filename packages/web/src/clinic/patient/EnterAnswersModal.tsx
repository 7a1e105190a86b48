/**
 * Staff enter a follow-up's questionnaires on the patient's behalf (answers given on paper or by
 * phone): every item on one scrolling form, one submission, each server issue under its item.
 * The form first shows what the follow-up already holds (which questionnaires, when, by whom) and
 * asks only the rest: a second answer to the same questionnaire is refused (409), and changing
 * one is a correction, from the answers list. For the baseline it says up to when answers count,
 * and that answers entered now would be a late baseline if the treatment has already happened.
 */
import { timepointLabel } from "@evident/domain";
import type { FollowUpView, ResponseView } from "@evident/domain/api";
import { Alert, Button, Divider, Group, List, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Fragment, useState } from "react";
import { isApiError } from "../../api/client";
import { useEnterResponses } from "../../api/clinic-queries";
import { sentence } from "../../api/issues";
import { useInstruments } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { formatDate, formatDateTime } from "../../components/format";
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
  responses,
  onClose,
}: {
  patientId: string;
  followUp: FollowUpView | null;
  /** The patient's current answers; those of this follow-up are shown as already held. */
  responses: readonly ResponseView[];
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
        <AnswerForm
          key={followUp.id}
          patientId={patientId}
          followUp={followUp}
          held={responses.filter((r) => r.followUpId === followUp.id)}
          onDone={onClose}
        />
      )}
    </AppModal>
  );
}

function AnswerForm({
  patientId,
  followUp,
  held,
  onDone,
}: {
  patientId: string;
  followUp: FollowUpView;
  held: readonly ResponseView[];
  onDone: () => void;
}) {
  const all = useInstruments();
  const enter = useEnterResponses(patientId);
  const [sheet, setSheet] = useState<AnswerSheet>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);

  if (all.isPending) return <Loading label="Loading questionnaires…" />;
  if (all.isError) return <LoadError error={all.error} retry={() => all.refetch()} what="questionnaires" />;
  const answered = new Set(held.map((r) => r.instrument));
  const instruments = instrumentsFor(
    followUp.instruments.filter((i) => !answered.has(i)),
    all.data.items,
  );
  const titleOf = (id: string) => all.data.items.find((i) => i.id === id)?.title ?? id;
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
      <BaselineTiming followUp={followUp} />
      {held.length > 0 && (
        <Alert color="blue" title="Already answered for this follow-up">
          <List size="sm">
            {held.map((r) => (
              <List.Item key={r.id}>
                {titleOf(r.instrument)}: {formatDateTime(r.completedAt)},{" "}
                {r.enteredBy ? `entered by ${r.enteredBy.name}` : "by the patient"}
                {r.lateBaseline ? " (late baseline)" : ""}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt={6}>
            {instruments.length > 0 ? "Only the questionnaires still missing are asked below. " : ""}
            To change answers already given, correct them from the sitting's Details in the answers list.
          </Text>
        </Alert>
      )}
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
          {instruments.length > 0 ? "Cancel" : "Close"}
        </Button>
        {instruments.length > 0 && (
          <Button onClick={submit} loading={enter.isPending}>
            Save answers
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** For the baseline: up to when answers count, and whether answers entered now would be late. */
function BaselineTiming({ followUp }: { followUp: FollowUpView }) {
  if (!followUp.baselineEndsOn) return null;
  const treated = formatDate(followUp.baselineEndsOn);
  return followUp.lateIfAnsweredToday ? (
    <Alert color="orange" title="These would be late baseline answers">
      The treatment was on {treated}. Answers entered now are kept and marked “late baseline”, but no change
      score uses them: they describe the patient after treatment.
    </Alert>
  ) : (
    <Text size="sm">
      Baseline answers count up to the treatment day, {treated}; answers given after it are marked late and
      left out of change scores.
    </Text>
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
