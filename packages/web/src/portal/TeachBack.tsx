/**
 * Teach-back before a procedure consent is signed (domain/consent/teach-back.ts): three questions;
 * "Check my answers" says which are right, and under each wrong one explains why and asks it
 * again (its answer is cleared). Signing opens only when all three are right; the server checks
 * the answers again when the form is signed.
 */
import { checkTeachBack, type TeachBackResult, teachBackQuestions } from "@evident/domain/consent";
import { Alert, Button, Card, Radio, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useConsentCopy } from "./consent-copy";

export function TeachBack({
  kind,
  lang,
  onPassed,
}: {
  kind: string;
  lang: "en" | "es";
  onPassed: (answers: Record<string, string>, rounds: number) => void;
}) {
  const t = useConsentCopy();
  const questions = teachBackQuestions(kind, lang);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TeachBackResult | null>(null);
  const [rounds, setRounds] = useState(0);
  const [missing, setMissing] = useState(false);
  const passed = result?.allRight === true;

  const check = () => {
    if (questions.some((q) => !answers[q.id])) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const r = checkTeachBack(kind, lang, answers);
    const round = rounds + 1;
    setRounds(round);
    setResult(r);
    if (r.allRight) onPassed(answers, round);
    else
      setAnswers((a) =>
        Object.fromEntries(Object.entries(a).filter(([id]) => !r.wrong.some((w) => w.id === id))),
      );
  };

  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="teach-back-h">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="teach-back-h">
            {t.checkTitle}
          </Title>
          <Text size="sm" mt={4}>
            {t.checkIntro}
          </Text>
        </div>
        {questions.map((q, i) => {
          const wrong = result?.wrong.find((w) => w.id === q.id);
          const right = result !== null && !wrong;
          return (
            <Stack key={q.id} gap="xs">
              <Radio.Group
                label={`${i + 1}. ${q.text}`}
                value={answers[q.id] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
                name={`teach-back-${q.id}`}
                readOnly={passed}
              >
                <Stack gap={6} mt="xs">
                  {q.options.map((o) => (
                    <Radio key={o.id} value={o.id} label={o.label} disabled={passed} />
                  ))}
                </Stack>
              </Radio.Group>
              {wrong && (
                <Alert color="orange" icon={<IconInfoCircle aria-hidden />} role="alert" title={t.tryAgain}>
                  {wrong.explanation}
                </Alert>
              )}
              {right && (
                <Text size="sm" fw={600}>
                  <IconCheck
                    size={16}
                    aria-hidden
                    color="var(--mantine-color-green-8)"
                    style={{ verticalAlign: "text-bottom" }}
                  />{" "}
                  {t.rightAnswer}
                </Text>
              )}
            </Stack>
          );
        })}
        {missing && (
          <Text c="red.8" size="sm" role="alert">
            {t.answerAll}
          </Text>
        )}
        {passed ? (
          <Alert color="green" icon={<IconCheck aria-hidden />} role="status">
            {t.allRight}
          </Alert>
        ) : (
          <Button onClick={check} style={{ alignSelf: "flex-start" }}>
            {t.checkAnswers}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
