/**
 * The state of answering one follow-up: the answers, the step the patient is on (steps.length is
 * the review), and the draft kept on the server so they can leave and resume on any device. The
 * draft is saved whenever the step changes (the phone's Next and Back) and, on the one-page form,
 * shortly after each answer. A failed save is said quietly and retried with the next one; the
 * answers stay on the page whatever happens.
 */
import type { DraftView, FollowUpView, InstrumentView } from "@evident/domain/api";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "../../api/client";
import { useSavePortalDraft, useSubmitPortalResponses } from "../../api/queries";
import {
  type AnswerSheet,
  type AnswerValue,
  buildSteps,
  draftOf,
  issueTarget,
  missingSteps,
  sheetOf,
  toBatch,
  withAnswer,
} from "../../components/questionnaire/answers";
import type { Copy } from "../copy";

export type SaveStatus = "idle" | "saving" | "saved" | "failed";

export function useQuestionnaire(
  followUp: FollowUpView,
  instruments: InstrumentView[],
  draft: DraftView | null,
  t: Copy,
  onSent: () => void,
) {
  const steps = buildSteps(instruments);
  const [sheet, setSheet] = useState<AnswerSheet>(() => (draft ? sheetOf(draft.answers) : {}));
  const [at, setAt] = useState(() => Math.min(draft?.step ?? 0, steps.length));
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const saveDraft = useSavePortalDraft(followUp.id);
  const submit = useSubmitPortalResponses();
  const latest = useRef({ sheet, at });
  latest.current = { sheet, at };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = (nextSheet: AnswerSheet, step: number) => {
    if (sent) return;
    setStatus("saving");
    saveDraft.mutate(
      { answers: draftOf(nextSheet), step },
      {
        onSuccess: () => setStatus("saved"),
        onError: () => setStatus("failed"),
      },
    );
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const keyOf = (instrumentId: string, itemId: string) => `${instrumentId}.${itemId}`;

  return {
    steps,
    sheet,
    at,
    status,
    errors,
    general,
    sent,
    sending: submit.isPending,
    errorOf: (instrumentId: string, itemId: string) => errors[keyOf(instrumentId, itemId)],

    /** Records an answer; `saveSoon` saves the draft after a pause in answering (one-page form). */
    answer(instrumentId: string, itemId: string, value: AnswerValue, saveSoon = false) {
      const next = withAnswer(latest.current.sheet, instrumentId, itemId, value);
      latest.current = { ...latest.current, sheet: next };
      setSheet(next);
      setErrors(({ [keyOf(instrumentId, itemId)]: _, ...rest }) => rest);
      if (saveSoon) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => save(latest.current.sheet, latest.current.at), 800);
      }
    },

    /** Moves to a step (steps.length = the review) and saves the draft there. */
    go(step: number) {
      setGeneral([]);
      setAt(step);
      latest.current = { ...latest.current, at: step };
      save(latest.current.sheet, step);
    },

    /** Marks every unanswered question; returns the steps still missing. */
    check() {
      const missing = missingSteps(steps, latest.current.sheet);
      setErrors(Object.fromEntries(missing.map((s) => [keyOf(s.instrument.id, s.item.id), t.chooseAnswer])));
      return missing;
    },

    setError(instrumentId: string, itemId: string, message: string) {
      setErrors((e) => ({ ...e, [keyOf(instrumentId, itemId)]: message }));
    },

    /** Sends every questionnaire in one batch; the server deletes the draft. */
    send(onItemIssue: (stepIndex: number) => void) {
      setGeneral([]);
      submit.mutate(toBatch(instruments, latest.current.sheet, followUp.id), {
        onSuccess: () => {
          if (timer.current) clearTimeout(timer.current);
          setSent(true);
          onSent();
        },
        onError: (e) => {
          const issues = isApiError(e) ? e.issues : [];
          const first = issues.map((i) => issueTarget(i.path, instruments)).find((x) => x?.itemId);
          const index = first
            ? steps.findIndex((s) => s.instrument.id === first.instrumentId && s.item.id === first.itemId)
            : -1;
          if (first?.itemId && index >= 0) {
            setErrors({ [keyOf(first.instrumentId, first.itemId)]: t.checkThisAnswer });
            onItemIssue(index);
          } else {
            setGeneral([isApiError(e) && e.status === 0 ? e.message : t.somethingWrong]);
          }
        },
      });
    },
  };
}

export type Questionnaire = ReturnType<typeof useQuestionnaire>;
