/**
 * Answering a follow-up. On a phone, one question per screen; on a wider screen, one scrolling
 * form. Either way: a progress indicator, a review of every answer, one submission for all the
 * questionnaires, and a draft kept on the server at each step, so the patient can leave half-way
 * and resume later on this or another device (they come back to the question they left). Only
 * the questionnaires the follow-up does not hold yet are asked (a second answer is refused), and a
 * baseline says by when it counts, or that it comes after the treatment and will not count.
 */

import type { DraftView, FollowUpView, InstrumentView } from "@evident/domain/api";
import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconArrowLeft, IconCircleCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useInstruments, usePortalDraft, usePortalHome } from "../api/queries";
import { usePortalIntake } from "../api/triage";
import { FormAlert } from "../components/FormAlert";
import { formatLongDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { answeredCount, instrumentsFor, type QuestionLabels } from "../components/questionnaire/answers";
import { usePageTitle } from "../components/usePageTitle";
import { useCopy, useLanguage } from "./language";
import { QuestionnaireHeader } from "./questionnaire/Header";
import { StepByStep } from "./questionnaire/StepByStep";
import { useQuestionnaire } from "./questionnaire/useQuestionnaire";

// What a phone does not need to show the first question loads when it is needed: the form for
// wider screens, the review at the end, and the pointer to the safety questions.
const WholeForm = lazy(() => import("./questionnaire/WholeForm").then((m) => ({ default: m.WholeForm })));
const ReviewAnswers = lazy(() => import("./ReviewAnswers").then((m) => ({ default: m.ReviewAnswers })));
const SafetyQuestionsFirst = lazy(() =>
  import("./intake/SafetyQuestionsFirst").then((m) => ({ default: m.SafetyQuestionsFirst })),
);

export function QuestionnairePage() {
  const { followUpId = "" } = useParams();
  const t = useCopy();
  const home = usePortalHome();
  const instruments = useInstruments();
  const draft = usePortalDraft(followUpId);
  const intake = usePortalIntake();
  // Kept here: once the answers are in, the follow-up leaves the list of due ones.
  const [sent, setSent] = useState(false);
  usePageTitle(sent ? t.thanksTitle : "Questionnaire");

  if (sent) return <Thanks />;
  if (home.isPending || instruments.isPending || draft.isPending || intake.isPending)
    return <Loading label={t.gettingQuestions} />;
  if (intake.data?.safetyQuestionsFirst)
    return (
      <Suspense fallback={<Loading label={t.gettingQuestions} />}>
        <SafetyQuestionsFirst />
      </Suspense>
    );
  if (home.isError) return <LoadError error={home.error} retry={() => home.refetch()} what="questionnaire" />;
  if (instruments.isError)
    return <LoadError error={instruments.error} retry={() => instruments.refetch()} what="questionnaire" />;

  const followUp = home.data.due.find((f) => f.id === followUpId);
  if (!followUp) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t.notOpenTitle}
        </Title>
        <Text>{t.notOpen}</Text>
        <Button component={Link} to="/portal" variant="default" style={{ alignSelf: "flex-start" }}>
          {t.backHome}
        </Button>
      </Stack>
    );
  }
  // Questionnaires of this follow-up already answered (e.g. entered by the clinic by phone).
  const held = new Set(
    home.data.completed.filter((r) => r.followUpId === followUp.id).map((r) => r.instrument),
  );
  return (
    <Answering
      key={followUp.id}
      followUp={followUp}
      instruments={instrumentsFor(
        followUp.instruments.filter((i) => !held.has(i)),
        instruments.data.items,
      )}
      // A draft that could not be loaded starts the form afresh rather than blocking it.
      draft={draft.data?.draft ?? null}
      onSent={() => setSent(true)}
    />
  );
}

/** For the baseline: answer before the treatment, or (after it) the answers will not count as "before". */
function BaselineNote({ followUp }: { followUp: FollowUpView }) {
  const t = useCopy();
  const { lang } = useLanguage();
  if (!followUp.baselineEndsOn) return null;
  const date = formatLongDate(followUp.baselineEndsOn, lang);
  return (
    <Alert color={followUp.lateIfAnsweredToday ? "orange" : "blue"} p="xs">
      <Text size="sm">{followUp.lateIfAnsweredToday ? t.baselineLate(date) : t.baselineBefore(date)}</Text>
    </Alert>
  );
}

function Thanks() {
  const t = useCopy();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Stack gap="md" align="center" ta="center" py="xl">
      <IconCircleCheck size={64} color="var(--mantine-color-green-9)" aria-hidden />
      <Title order={1} size="h2" ref={ref} tabIndex={-1}>
        {t.thanksTitle}
      </Title>
      <Text>{t.thanks}</Text>
      <Button component={Link} to="/portal" size="md" state={{ sent: true }}>
        {t.backHome}
      </Button>
    </Stack>
  );
}

function Answering({
  followUp,
  instruments,
  draft,
  onSent,
}: {
  followUp: FollowUpView;
  instruments: InstrumentView[];
  draft: DraftView | null;
  onSent: () => void;
}) {
  const t = useCopy();
  const wide = useMediaQuery("(min-width: 48em)", false, { getInitialValueInEffect: false }) ?? false;
  const q = useQuestionnaire(followUp, instruments, draft, t, onSent);
  const reviewRef = useRef<HTMLHeadingElement>(null);
  const labels: QuestionLabels = {
    yes: t.yes,
    no: t.no,
    skipped: t.skipped,
    notAnswered: t.notAnswered,
    notChosen: t.notChosen,
    vasNumber: t.vasNumber,
    vasSlider: t.vasSlider,
  };
  const total = q.steps.length;
  const reviewing = q.at >= total;
  const done = answeredCount(q.steps, q.sheet);
  usePageTitle(reviewing ? t.checkAnswers : "Questionnaire");

  useEffect(() => {
    if (reviewing) reviewRef.current?.focus();
  }, [reviewing]);

  /** From the review back to one question: its screen on a phone, its place in the form otherwise. */
  const change = (index: number) => {
    q.go(index);
    const s = q.steps[index];
    if (wide && s)
      requestAnimationFrame(() => {
        const field = document.querySelector<HTMLElement>(`[data-item="${s.instrument.id}.${s.item.id}"]`);
        field?.scrollIntoView({ block: "center" });
        field?.querySelector<HTMLElement>("input, [role='slider']")?.focus();
      });
  };

  const position = reviewing
    ? t.checkAnswers
    : wide
      ? t.answeredOf(done, total)
      : t.questionOf(q.at + 1, total);
  return (
    <Stack gap="lg">
      <QuestionnaireHeader
        timepoint={followUp.timepoint}
        position={position}
        done={reviewing ? total : wide ? done : q.at}
        total={total}
        status={q.status}
        heading={wide && !reviewing}
      />
      {!reviewing && <BaselineNote followUp={followUp} />}
      {draft && draft.step > 0 && !reviewing && (
        <Alert color="teal" icon={<IconDeviceFloppy aria-hidden />} p="xs">
          <Text size="sm">{t.resumed(Math.min(draft.step, total - 1) + 1)}</Text>
        </Alert>
      )}
      {reviewing ? (
        <Stack gap="md">
          <Title order={1} size="h3" ref={reviewRef} tabIndex={-1}>
            {t.checkAnswers}
          </Title>
          <Text>{t.reviewIntro}</Text>
          <Suspense fallback={<Loading label={t.gettingQuestions} />}>
            <ReviewAnswers steps={q.steps} sheet={q.sheet} labels={labels} onChange={change} />
          </Suspense>
          <FormAlert messages={q.general} title={t.notSentTitle} />
          <Group justify="space-between">
            <Button
              variant="default"
              size="md"
              leftSection={<IconArrowLeft size={18} aria-hidden />}
              onClick={() => change(wide ? 0 : total - 1)}
            >
              {t.back}
            </Button>
            <Button
              size="md"
              loading={q.sending}
              onClick={() => {
                const missing = q.check();
                const first = missing[0];
                if (first) change(q.steps.indexOf(first));
                else q.send(change);
              }}
            >
              {t.send}
            </Button>
          </Group>
        </Stack>
      ) : wide ? (
        <Suspense fallback={<Loading label={t.gettingQuestions} />}>
          <WholeForm q={q} labels={labels} done={done} />
        </Suspense>
      ) : (
        <StepByStep q={q} labels={labels} />
      )}
    </Stack>
  );
}
