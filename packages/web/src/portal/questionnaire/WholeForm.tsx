/**
 * Desktop layout: every question of the follow-up on one scrolling form, a section per
 * questionnaire and, within PROMIS-29, a heading per domain with its recall period. The draft is
 * saved shortly after each answer. "Check my answers" marks anything unanswered (and moves focus
 * to the first) or goes on to the review.
 */
import { Box, Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { Fragment } from "react";
import { answerOf, groupOf, type QuestionLabels, type Step } from "../../components/questionnaire/answers";
import { Question } from "../../components/questionnaire/Question";
import { useCopy, useLanguage } from "../language";
import { patientTitle } from "../words";
import type { Questionnaire } from "./useQuestionnaire";

export function WholeForm({ q, labels, done }: { q: Questionnaire; labels: QuestionLabels; done: number }) {
  const t = useCopy();
  const { lang } = useLanguage();
  const textLang = lang === "en" ? undefined : "en";
  const byInstrument = new Map<string, Step[]>();
  for (const s of q.steps)
    byInstrument.set(s.instrument.id, [...(byInstrument.get(s.instrument.id) ?? []), s]);
  const missing = Object.keys(q.errors).length;

  return (
    <Stack gap="xl">
      {[...byInstrument.values()].map((steps, n) => {
        const instrument = steps[0]!.instrument;
        return (
          <Stack
            key={instrument.id}
            gap="lg"
            component="section"
            aria-labelledby={`section-${instrument.id}`}
          >
            {n > 0 && <Divider />}
            <div>
              <Title order={2} size="h3" id={`section-${instrument.id}`}>
                {patientTitle(instrument.id, instrument.title, lang)}
              </Title>
              <Text mt={4} lang={textLang}>
                {instrument.instructions}
              </Text>
            </div>
            {steps.map((s, i) => {
              const group = groupOf(instrument, s.item);
              const startsGroup = group && (i === 0 || steps[i - 1]?.item.group !== s.item.group);
              return (
                <Fragment key={s.item.id}>
                  {startsGroup && (
                    <Title order={3} size="h5" lang={textLang}>
                      {group.title}
                      {group.recall.startsWith("past") ? ` · ${group.recall}` : ""}
                    </Title>
                  )}
                  <div data-item={`${instrument.id}.${s.item.id}`}>
                    <Question
                      item={s.item}
                      value={answerOf(q.sheet, s)}
                      labels={labels}
                      textLang={textLang}
                      hint={s.item.optional ? t.maySkip : undefined}
                      error={q.errorOf(instrument.id, s.item.id)}
                      onChange={(v) => q.answer(instrument.id, s.item.id, v, true)}
                    />
                  </div>
                </Fragment>
              );
            })}
          </Stack>
        );
      })}
      <Box
        pos="sticky"
        bottom={0}
        py="sm"
        bg="var(--mantine-color-gray-0)"
        style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Group justify="space-between">
          <Text fw={600} aria-live="polite">
            {missing > 0 ? t.stillMissing(missing) : t.answeredOf(done, q.steps.length)}
          </Text>
          <Button
            size="md"
            onClick={() => {
              const left = q.check();
              if (left.length === 0) {
                q.go(q.steps.length);
                window.scrollTo({ top: 0 });
              } else focusFirstInvalid();
            }}
          >
            {t.checkMyAnswers}
          </Button>
        </Group>
      </Box>
    </Stack>
  );
}

/** Takes the person to the first question that needs an answer (after it re-renders). */
function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('main fieldset[aria-invalid="true"]');
    field?.querySelector<HTMLElement>("input, [role='slider']")?.focus();
    field?.scrollIntoView({ block: "center" });
  });
}
