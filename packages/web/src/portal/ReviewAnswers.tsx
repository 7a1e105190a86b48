import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import {
  type AnswerSheet,
  answerLabel,
  answerOf,
  type QuestionLabels,
  type Step,
  stemOf,
} from "../components/questionnaire/answers";
import { useCopy, useLanguage } from "./language";
import { patientTitle } from "./words";

/** Every answer before sending, grouped by questionnaire, each with a way back to change it. */
export function ReviewAnswers({
  steps,
  sheet,
  labels,
  onChange,
}: {
  steps: Step[];
  sheet: AnswerSheet;
  labels: QuestionLabels;
  onChange: (stepIndex: number) => void;
}) {
  const t = useCopy();
  const { lang } = useLanguage();
  const textLang = lang === "en" ? undefined : "en";
  const groups = [...new Set(steps.map((s) => s.instrument.id))];
  return (
    <Stack gap="md">
      {groups.map((id) => {
        const inGroup = steps.filter((s) => s.instrument.id === id);
        const first = inGroup[0];
        if (!first) return null;
        return (
          <Card
            key={id}
            withBorder
            radius="md"
            padding="sm"
            component="section"
            aria-labelledby={`review-${id}`}
          >
            <Title order={2} size="h5" mb="xs" id={`review-${id}`}>
              {patientTitle(id, first.instrument.title, lang)}
            </Title>
            <Stack gap={0}>
              {inGroup.map((s) => {
                const i = steps.indexOf(s);
                const value = answerOf(sheet, s);
                const stem = stemOf(s.item);
                const question = `${stem ? `${stem} ` : ""}${s.item.text}`;
                const isOwnWord = s.item.type === "boolean" || value === undefined;
                return (
                  <Group
                    key={s.item.id}
                    justify="space-between"
                    wrap="nowrap"
                    align="center"
                    py={8}
                    style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" c="dimmed" lang={textLang}>
                        {question}
                      </Text>
                      <Text fw={500} lang={isOwnWord ? undefined : textLang}>
                        {answerLabel(s.item, value, labels)}
                      </Text>
                    </div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      style={{ flex: "none" }}
                      onClick={() => onChange(i)}
                      aria-label={t.changeAnswer(question)}
                    >
                      {t.change}
                    </Button>
                  </Group>
                );
              })}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
