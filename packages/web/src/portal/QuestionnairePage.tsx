/**
 * Answering a follow-up: one question per screen (the pain scale, then each ODI section), a
 * progress bar, back and next, a review of every answer, and one submission for all
 * questionnaires. Answers survive a reload (sessionStorage) until they are sent.
 */
import { Alert, Anchor, Button, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/client";
import { useInstruments, usePortalHome, useSubmitPortalResponses } from "../api/queries";
import { FormAlert } from "../components/FormAlert";
import { LoadError, Loading } from "../components/QueryStates";
import {
  type AnswerSheet,
  answerOf,
  buildSteps,
  instrumentsFor,
  issueTarget,
  missingSteps,
  toBatch,
  withAnswer,
} from "../components/questionnaire/answers";
import { Question } from "../components/questionnaire/Question";
import { usePageTitle } from "../components/usePageTitle";
import { copy } from "./copy";
import { ReviewAnswers } from "./ReviewAnswers";
import { useDraft } from "./useDraft";
import { patientTitle, whenLabel } from "./words";

type Draft = { sheet: AnswerSheet; at: number };

export function QuestionnairePage() {
  const { followUpId = "" } = useParams();
  const home = usePortalHome();
  const instruments = useInstruments();
  const submit = useSubmitPortalResponses();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`evident.answers.${followUpId}`, {
    sheet: {},
    at: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(sent ? "Thank you" : "Questionnaire");

  // Move focus to the new question's heading so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    headingRef.current?.focus();
  }, [draft.at, sent]);

  if (home.isPending || instruments.isPending) return <Loading label="Getting your questions…" />;
  if (home.isError) return <LoadError error={home.error} retry={() => home.refetch()} what="questionnaire" />;
  if (instruments.isError)
    return <LoadError error={instruments.error} retry={() => instruments.refetch()} what="questionnaire" />;

  if (sent) {
    return (
      <Stack gap="md" align="center" ta="center" py="xl">
        <IconCircleCheck size={64} color="var(--mantine-color-green-9)" aria-hidden />
        <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
          Thank you!
        </Title>
        <Text>{copy.thanks}</Text>
        <Button component={Link} to="/portal" size="md">
          Back to my page
        </Button>
      </Stack>
    );
  }

  const followUp = home.data.due.find((f) => f.id === followUpId);
  if (!followUp) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
          This questionnaire is not open
        </Title>
        <Text>{copy.notOpen}</Text>
        <Anchor component={Link} to="/portal">
          Back to my page
        </Anchor>
      </Stack>
    );
  }

  const list = instrumentsFor(followUp.instruments, instruments.data.items);
  const steps = buildSteps(list);
  const total = steps.length;
  const at = Math.min(draft.at, total);
  const step = steps[at];
  const go = (n: number) => {
    setError(null);
    setDraft((d) => ({ ...d, at: n }));
  };

  const send = () => {
    setGeneral([]);
    const missing = missingSteps(steps, draft.sheet);
    if (missing[0]) {
      go(steps.indexOf(missing[0]));
      setError(copy.chooseAnswer);
      return;
    }
    submit.mutate(toBatch(list, draft.sheet, followUp.id), {
      onSuccess: () => {
        clearDraft();
        setSent(true);
      },
      onError: (e) => {
        const issues = isApiError(e) ? e.issues : [];
        const first = issues.map((i) => issueTarget(i.path, list)).find((t) => t?.itemId);
        const firstStep =
          first &&
          steps.findIndex((s) => s.instrument.id === first.instrumentId && s.item.id === first.itemId);
        if (typeof firstStep === "number" && firstStep >= 0) {
          go(firstStep);
          setError(
            issues[0]?.message
              ? `Please check this answer: ${issues[0].message}.`
              : "Please check this answer.",
          );
        } else {
          setGeneral([
            isApiError(e) && e.status === 0
              ? e.message
              : isApiError(e)
                ? e.message
                : "Something went wrong. Please try again.",
          ]);
        }
      },
    });
  };

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {whenLabel(followUp.timepoint)}
        </Text>
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Text size="sm" fw={600} id="progress-label">
            {step ? `Question ${at + 1} of ${total}` : "Check your answers"}
          </Text>
          <Anchor component={Link} to="/portal" size="sm">
            Finish later
          </Anchor>
        </Group>
        <Progress.Root size="md" mt={6}>
          <Progress.Section value={((step ? at : total) / total) * 100} aria-labelledby="progress-label" />
        </Progress.Root>
      </div>

      {step ? (
        <Stack gap="md">
          <div>
            <Title order={1} size="h3" ref={headingRef} tabIndex={-1}>
              {patientTitle(step.instrument.id, step.instrument.title)}
            </Title>
            {step.index === 1 && <Text mt={4}>{step.instrument.instructions}</Text>}
            {step.of > 1 && (
              <Text size="sm" c="dimmed" mt={4}>
                Part {step.index} of {step.of}
              </Text>
            )}
          </div>
          <Question
            item={step.item}
            value={answerOf(draft.sheet, step)}
            hint={step.item.optional ? copy.maySkip : undefined}
            error={error ?? undefined}
            onChange={(v) => {
              setError(null);
              setDraft((d) => ({ ...d, sheet: withAnswer(d.sheet, step.instrument.id, step.item.id, v) }));
            }}
          />
          <Group justify="space-between" mt="sm">
            <Button
              variant="default"
              size="md"
              leftSection={<IconArrowLeft size={18} aria-hidden />}
              onClick={() => go(at - 1)}
              disabled={at === 0}
            >
              Back
            </Button>
            <Button
              size="md"
              rightSection={<IconArrowRight size={18} aria-hidden />}
              onClick={() => {
                if (!step.item.optional && answerOf(draft.sheet, step) === undefined) {
                  setError(copy.chooseAnswer);
                  return;
                }
                go(at + 1);
              }}
            >
              {step.item.optional && answerOf(draft.sheet, step) === undefined ? "Skip" : "Next"}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Title order={1} size="h3" ref={headingRef} tabIndex={-1}>
            Check your answers
          </Title>
          <Text>{copy.reviewIntro}</Text>
          <ReviewAnswers steps={steps} sheet={draft.sheet} onChange={go} />
          <FormAlert messages={general} title="Your answers were not sent" />
          {submit.isError && general.length === 0 && !error && <Alert color="red">{copy.notSent}</Alert>}
          <Group justify="space-between">
            <Button
              variant="default"
              size="md"
              leftSection={<IconArrowLeft size={18} aria-hidden />}
              onClick={() => go(total - 1)}
            >
              Back
            </Button>
            <Button size="md" onClick={send} loading={submit.isPending}>
              Send my answers
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
