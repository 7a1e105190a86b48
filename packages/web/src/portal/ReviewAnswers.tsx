import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { type AnswerSheet, answerLabel, answerOf, type Step } from "../components/questionnaire/answers";
import { patientTitle } from "./words";

/** Every answer before sending, grouped by questionnaire, each with a way back to change it. */
export function ReviewAnswers({
  steps,
  sheet,
  onChange,
}: {
  steps: Step[];
  sheet: AnswerSheet;
  onChange: (stepIndex: number) => void;
}) {
  const groups = [...new Set(steps.map((s) => s.instrument.id))];
  return (
    <Stack gap="md">
      {groups.map((id) => {
        const inGroup = steps.filter((s) => s.instrument.id === id);
        const first = inGroup[0];
        if (!first) return null;
        return (
          <Card key={id} withBorder radius="md" padding="sm">
            <Title order={2} size="h5" mb="xs">
              {patientTitle(id, first.instrument.title)}
            </Title>
            <Stack gap={0}>
              {inGroup.map((s) => {
                const i = steps.indexOf(s);
                const value = answerOf(sheet, s);
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
                      <Text size="sm" c="dimmed">
                        {s.item.type === "integer" ? "Pain score (0 to 10)" : s.item.text}
                      </Text>
                      <Text fw={500}>{answerLabel(s.item, value)}</Text>
                    </div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => onChange(i)}
                      aria-label={`Change: ${s.item.type === "integer" ? "pain score" : s.item.text}`}
                    >
                      Change
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
