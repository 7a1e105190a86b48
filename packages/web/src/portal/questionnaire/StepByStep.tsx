/**
 * Phone layout: one question per screen, Back and Next (Skip for an optional one), focus moved to
 * the new question's heading so a screen reader announces it. PROMIS questions show their domain
 * and recall above the stem ("In the past 7 days…") and the statement.
 */
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconArrowRight } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { answerOf, groupOf, type QuestionLabels } from "../../components/questionnaire/answers";
import { Question } from "../../components/questionnaire/Question";
import { useCopy, useLanguage } from "../language";
import { patientTitle } from "../words";
import type { Questionnaire } from "./useQuestionnaire";

export function StepByStep({ q, labels }: { q: Questionnaire; labels: QuestionLabels }) {
  const t = useCopy();
  const { lang } = useLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = q.steps[q.at];
  // Move focus to the new question's heading so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    headingRef.current?.focus();
  }, [q.at]);
  if (!step) return null;
  const textLang = lang === "en" ? undefined : "en";
  const group = groupOf(step.instrument, step.item);
  const value = answerOf(q.sheet, step);
  const error = q.errorOf(step.instrument.id, step.item.id);
  const unanswered = value === undefined;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h3" ref={headingRef} tabIndex={-1}>
          {patientTitle(step.instrument.id, step.instrument.title, lang)}
        </Title>
        {step.index === 1 && (
          <Text mt={4} lang={textLang}>
            {step.instrument.instructions}
          </Text>
        )}
        {step.of > 1 && (
          <Text size="sm" c="dimmed" mt={4}>
            {t.partOf(step.index, step.of)}
          </Text>
        )}
      </div>
      {group && (
        <Text size="sm" fw={600} lang={textLang}>
          {group.title}
          {group.recall.startsWith("past") ? ` · ${group.recall}` : ""}
        </Text>
      )}
      <Question
        item={step.item}
        value={value}
        labels={labels}
        textLang={textLang}
        hint={step.item.optional ? t.maySkip : undefined}
        error={error}
        onChange={(v) => q.answer(step.instrument.id, step.item.id, v)}
      />
      <Group justify="space-between" mt="sm">
        <Button
          variant="default"
          size="md"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
          onClick={() => q.go(q.at - 1)}
          disabled={q.at === 0}
        >
          {t.back}
        </Button>
        <Button
          size="md"
          rightSection={<IconArrowRight size={18} aria-hidden />}
          onClick={() => {
            if (!step.item.optional && unanswered) {
              q.setError(step.instrument.id, step.item.id, t.chooseAnswer);
              return;
            }
            q.go(q.at + 1);
          }}
        >
          {step.item.optional && unanswered ? t.skip : t.next}
        </Button>
      </Group>
    </Stack>
  );
}
