/**
 * The safety questions as one form: every question of the triage contract in plain words (in the
 * portal's language), grouped by topic, most urgent first. Every yes/no question offers "Not sure"
 * beside Yes and No, and every question needs an answer: unanswered is not "no" (the server
 * refuses a missing answer with 422, and each missing or refused answer is named under its
 * question). The age is not asked: the server takes it from the birth date on record. Used by the
 * portal (the patient answers) and the clinic (staff enter the answers a patient gives by phone or
 * at the desk), so both ask exactly the same.
 */
import type { IntakeSubmit } from "@evident/domain/api";
import {
  type IntakeQuestion,
  type IntakeTopic,
  intakeQuestions,
  unsure,
  type YesNoAnswer,
} from "@evident/domain/triage";
import { Alert, Button, NumberInput, Stack, Title } from "@mantine/core";
import { type ReactNode, useRef, useState } from "react";
import { isApiError } from "../../api/client";
import { ChoiceQuestion } from "../../components/questionnaire/ChoiceQuestion";
import { useIntakeWords } from "./language";

type Value = number | YesNoAnswer | undefined;

/** The questions the form asks: all but the age, which comes from the record. */
const asked = intakeQuestions.filter((q) => q.id !== "age");
const topics = [...new Set(asked.map((q) => q.topic))] as IntakeTopic[];

function Question({
  q,
  value,
  error,
  onChange,
}: {
  q: IntakeQuestion;
  value: Value;
  error: string | undefined;
  onChange: (v: Value) => void;
}) {
  const { t, question } = useIntakeWords();
  const words = question(q);
  if (q.type === "integer")
    return (
      <NumberInput
        id={`intake-${q.id}`}
        label={words.text}
        description={words.help}
        min={q.min}
        max={q.max}
        allowDecimal={false}
        allowNegative={false}
        suffix={` ${words.unit ?? q.unit}`}
        size="md"
        value={typeof value === "number" ? value : ""}
        onChange={(v) => onChange(typeof v === "number" ? v : undefined)}
        error={error}
        required
        maw={260}
      />
    );
  return (
    <div id={`intake-${q.id}`}>
      <ChoiceQuestion
        item={{
          id: q.id,
          text: words.text,
          type: "choice",
          options: [
            { value: true, label: t.yes },
            { value: false, label: t.no },
            { value: unsure, label: t.unsure },
          ],
        }}
        hint={words.help}
        value={typeof value === "number" ? undefined : value}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}

export function IntakeForm({
  send,
  pending,
  failed,
  intro,
  topicLevel = 2,
  size = "lg",
  submitLabel,
}: {
  /** Sends the answers; calls `onError` with the error if they were refused. */
  send: (answers: IntakeSubmit["answers"], onError: (err: unknown) => void) => void;
  pending: boolean;
  failed: boolean;
  /** Above the questions, e.g. the page's title. */
  intro?: ReactNode;
  topicLevel?: 2 | 3;
  size?: "md" | "lg";
  /** The submit button's words (default: the patient's "Send my answers"). */
  submitLabel?: string;
}) {
  const { t, topic: topicTitle } = useIntakeWords();
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useRef<HTMLDivElement>(null);

  function set(id: string, v: Value) {
    setAnswers((a) => ({ ...a, [id]: v }));
    setErrors(({ [id]: _, ...rest }) => rest);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = asked.filter((q) => answers[q.id] === undefined);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((q) => [q.id, t.missingOne])));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    send(answers as IntakeSubmit["answers"], (err) => {
      if (isApiError(err) && err.issues.length > 0)
        setErrors(Object.fromEntries(err.issues.map((i) => [i.path.replace(/^answers\./, ""), i.message])));
      requestAnimationFrame(() => summary.current?.focus());
    });
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
        {intro}
        <div ref={summary} tabIndex={-1} aria-live="polite">
          {errorCount > 0 && (
            <Alert color="red" role="alert" title={t.missingSome(errorCount)}>
              {null}
            </Alert>
          )}
          {failed && errorCount === 0 && (
            <Alert color="red" role="alert">
              {t.sendFailed}
            </Alert>
          )}
        </div>
        {topics.map((topic) => (
          <Stack key={topic} gap="md" component="section" aria-labelledby={`topic-${topic}`}>
            <Title order={topicLevel} size={topicLevel === 2 ? "h3" : "h4"} id={`topic-${topic}`}>
              {topicTitle(topic)}
            </Title>
            {asked
              .filter((q) => q.topic === topic)
              .map((q) => (
                <Question
                  key={q.id}
                  q={q}
                  value={answers[q.id]}
                  error={errors[q.id]}
                  onChange={(v) => set(q.id, v)}
                />
              ))}
          </Stack>
        ))}
        <Button type="submit" size={size} fullWidth loading={pending}>
          {submitLabel ?? t.send}
        </Button>
      </Stack>
    </form>
  );
}
