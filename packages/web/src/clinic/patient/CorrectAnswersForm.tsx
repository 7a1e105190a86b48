/**
 * Correcting one stored answer set (a paper form misread, a number misheard): the questionnaire
 * prefilled with the current answers, and the reason, which is required. Saving writes a new
 * version; the current one is kept, marked superseded, and shown as the earlier version.
 */
import type { InstrumentView, ResponseView } from "@evident/domain/api";
import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { useCorrectResponse } from "../../api/clinic-queries";
import { sentence } from "../../api/issues";
import { FormAlert } from "../../components/FormAlert";
import { type AnswerValue, buildSteps } from "../../components/questionnaire/answers";
import { Question } from "../../components/questionnaire/Question";

export function CorrectAnswersForm({
  patientId,
  response,
  instrument,
  onDone,
}: {
  patientId: string;
  response: ResponseView;
  instrument: InstrumentView | undefined;
  onDone: () => void;
}) {
  const correct = useCorrectResponse(patientId);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | null>>({ ...response.answers });
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  if (!instrument) return <Text>This questionnaire is not in the library any more.</Text>;
  const steps = buildSteps([instrument]);
  const unchanged = JSON.stringify(answers) === JSON.stringify(response.answers);

  const save = () => {
    const local: Record<string, string> = {};
    if (!reason.trim()) local.reason = "Say why the answers are corrected.";
    if (unchanged) local.answers = "Change at least one answer.";
    setErrors(local);
    setGeneral(local.answers ? [local.answers] : []);
    if (Object.keys(local).length > 0) return;
    correct.mutate(
      { responseId: response.id, answers, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Answers corrected",
            message: "The new version and its score are on the record; the earlier one is kept.",
          });
          onDone();
        },
        onError: (e) => {
          const fields: Record<string, string> = {};
          const rest: string[] = [];
          for (const i of isApiError(e) ? e.issues : []) {
            const item = /^answers\.(.+)$/.exec(i.path)?.[1];
            if (item) fields[item] = sentence(i.message);
            else if (i.path === "reason") fields.reason = sentence(i.message);
            else rest.push(i.path ? `${i.path}: ${i.message}` : i.message);
          }
          if (rest.length === 0 && Object.keys(fields).length === 0)
            rest.push(isApiError(e) ? e.message : "The correction was not saved.");
          setErrors(fields);
          setGeneral(rest);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Change what was recorded wrongly. The answers as they are now stay on the record as the earlier
        version.
      </Text>
      {steps.map((s) => (
        <Question
          key={s.item.id}
          item={s.item}
          legend={
            s.of > 1 ? `${s.index}. ${s.item.text}${s.item.optional ? " (optional)" : ""}` : s.item.text
          }
          value={answers[s.item.id] ?? undefined}
          error={errors[s.item.id]}
          onChange={(v) => {
            setAnswers((a) => ({ ...a, [s.item.id]: v }));
            setErrors(({ [s.item.id]: _, ...rest }) => rest);
          }}
        />
      ))}
      <Textarea
        label="Reason for the correction"
        description="Kept with the new version and in the audit trail."
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
      <FormAlert messages={general} title="The correction was not saved" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={save} loading={correct.isPending}>
          Save correction
        </Button>
      </Group>
    </Stack>
  );
}
