/**
 * The values step (IPDAS values clarification): how much each feature matters, on the same 0–4
 * scale, then the choice the patient leans toward (or "not sure yet") and their questions. Saved
 * with the content and values versions; then the one-page summary.
 */
import { Alert, Button, NativeSelect, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useMyDecisions, useSaveDecision } from "../../api/decisions";
import { usePortalIntake } from "../../api/triage";
import { LoadError, Loading } from "../../components/QueryStates";
import { ChoiceQuestion } from "../../components/questionnaire/ChoiceQuestion";
import { usePageTitle } from "../../components/usePageTitle";
import { useAidLanguage } from "../../decision-aid/language";
import { useChoiceCopy } from "./copy";
import { Held } from "./Held";

export function ValuesPage() {
  const t = useChoiceCopy();
  const { lang, values: clarification, options } = useAidLanguage();
  const scale = clarification.scale;
  usePageTitle(t.valuesTitle);
  const navigate = useNavigate();
  const state = usePortalIntake();
  const previous = useMyDecisions();
  const save = useSaveDecision();
  const [values, setValues] = useState<Record<string, number>>({});
  const [choice, setChoice] = useState("");
  const [questions, setQuestions] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const last = previous.data?.items[0];

  useEffect(() => {
    if (last) {
      setValues(last.values);
      setChoice(last.choice);
      setQuestions(last.questions ?? "");
    }
  }, [last]);

  if (state.isPending || previous.isPending) return <Loading />;
  if (state.isError) return <LoadError error={state.error} retry={() => state.refetch()} what="page" />;
  if (!state.data.decisionAidOpen) return <Held state={state.data} />;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const v of clarification.values) if (values[v.id] === undefined) missing[v.id] = t.missing;
    if (!choice) missing.choice = t.missing;
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    save.mutate(
      { values, choice, ...(questions.trim() ? { questions: questions.trim() } : {}), language: lang },
      { onSuccess: () => navigate("/portal/choices/summary") },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t.valuesTitle}
          </Title>
          <Text mt={4}>{t.valuesIntro}</Text>
        </div>
        <div ref={alertRef} tabIndex={-1}>
          {Object.keys(errors).length > 0 && (
            <Alert color="red" role="alert" title={t.toAnswer(Object.keys(errors).length)}>
              {null}
            </Alert>
          )}
          {save.isError && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
        </div>
        <Title order={2} size="h3">
          {clarification.prompt}
        </Title>
        {clarification.values.map((v) => (
          <ChoiceQuestion
            key={v.id}
            item={{
              id: v.id,
              text: v.statement,
              type: "choice",
              options: scale.labels.map((label, i) => ({ value: scale.min + i, label })),
            }}
            hint={v.help}
            value={values[v.id]}
            onChange={(x) => {
              setValues((s) => ({ ...s, [v.id]: x as number }));
              setErrors(({ [v.id]: _, ...rest }) => rest);
            }}
            error={errors[v.id]}
          />
        ))}
        <NativeSelect
          label={t.leaningTitle}
          description={t.leaningHelp}
          size="md"
          value={choice}
          error={errors.choice}
          onChange={(e) => {
            setChoice(e.currentTarget.value);
            setErrors(({ choice: _, ...rest }) => rest);
          }}
          data={[
            { value: "", label: t.choose, disabled: true },
            { value: "unsure", label: t.unsure },
            ...options.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <Textarea
          label={t.questionsLabel}
          description={t.questionsHelp}
          autosize
          minRows={3}
          maxLength={2000}
          value={questions}
          onChange={(e) => setQuestions(e.currentTarget.value)}
        />
        <Button type="submit" size="lg" fullWidth loading={save.isPending}>
          {t.save}
        </Button>
      </Stack>
    </form>
  );
}
