/**
 * The safety questions (red-flag intake): every question of the triage contract in plain words,
 * grouped by topic, most urgent first. Every question needs an answer (an unanswered yes/no would
 * count as "no", which is not safe to assume). After sending, the patient sees what to do now.
 */
import { type IntakeQuestion, type IntakeTopic, intakeQuestions } from "@evident/domain/triage";
import { Alert, Button, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client";
import { useSubmitIntake } from "../../api/triage";
import { ChoiceQuestion } from "../../components/questionnaire/ChoiceQuestion";
import { usePageTitle } from "../../components/usePageTitle";
import { useIntakeWords } from "./language";

type Value = number | boolean | undefined;

const topics = [...new Set(intakeQuestions.map((q) => q.topic))] as IntakeTopic[];

function Question({
  q,
  value,
  error,
  onChange,
}: {
  q: IntakeQuestion;
  value: Value;
  error: string | undefined;
  onChange: (v: number | boolean | undefined) => void;
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
          ],
        }}
        hint={words.help}
        value={typeof value === "boolean" ? value : undefined}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}

export function IntakePage() {
  const { t, topic: topicTitle } = useIntakeWords();
  usePageTitle(t.pageTitle);
  const navigate = useNavigate();
  const submit = useSubmitIntake();
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useRef<HTMLDivElement>(null);

  function set(id: string, v: Value) {
    setAnswers((a) => ({ ...a, [id]: v }));
    setErrors(({ [id]: _, ...rest }) => rest);
  }

  function send(e: React.FormEvent) {
    e.preventDefault();
    const missing = intakeQuestions.filter((q) => answers[q.id] === undefined);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((q) => [q.id, t.missingOne])));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    submit.mutate(
      { answers: answers as { age: number; painDurationWeeks: number } },
      {
        onSuccess: () => navigate("/portal/intake/result", { replace: true }),
        onError: (err) => {
          if (isApiError(err) && err.issues.length > 0)
            setErrors(
              Object.fromEntries(err.issues.map((i) => [i.path.replace(/^answers\./, ""), i.message])),
            );
          requestAnimationFrame(() => summary.current?.focus());
        },
      },
    );
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="xl">
        <div>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          <Text mt={4}>{t.intro}</Text>
        </div>
        <div ref={summary} tabIndex={-1} aria-live="polite">
          {errorCount > 0 && (
            <Alert color="red" role="alert" title={t.missingSome(errorCount)}>
              {null}
            </Alert>
          )}
          {submit.isError && errorCount === 0 && (
            <Alert color="red" role="alert">
              {t.sendFailed}
            </Alert>
          )}
        </div>
        {topics.map((topic) => (
          <Stack key={topic} gap="md" component="section" aria-labelledby={`topic-${topic}`}>
            <Title order={2} size="h3" id={`topic-${topic}`}>
              {topicTitle(topic)}
            </Title>
            {intakeQuestions
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
        <Button type="submit" size="lg" fullWidth loading={submit.isPending}>
          {t.send}
        </Button>
      </Stack>
    </form>
  );
}
