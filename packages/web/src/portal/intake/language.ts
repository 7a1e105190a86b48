/**
 * The safety questions' words in the portal's language: the screens' copy, the topic titles, each
 * question, and the advice for a tier. The server sends the English advice with an intake; in
 * Spanish the same tier's advice is shown from the domain's Spanish set, so the two can never say
 * different things about what to do.
 */
import type { PortalIntakeView } from "@evident/domain/api";
import {
  type IntakeQuestion,
  type IntakeQuestionWords,
  type IntakeTopic,
  intakeQuestionsEs,
  type PatientAdvice,
  patientAdviceEs,
} from "@evident/domain/triage";
import { useLanguage } from "../language";
import { type IntakeCopy, intakeCopy, topicTitles } from "./copy";
import { intakeCopyEs, topicTitlesEs } from "./copy-es";

export type IntakeWords = {
  t: IntakeCopy;
  topic: (topic: IntakeTopic) => string;
  question: (q: IntakeQuestion) => IntakeQuestionWords;
  advice: (intake: PortalIntakeView) => PatientAdvice;
};

const english: IntakeWords = {
  t: intakeCopy,
  topic: (topic) => topicTitles[topic],
  question: (q) => ({ text: q.text, help: q.help, unit: q.type === "integer" ? q.unit : undefined }),
  advice: (intake) => intake.advice,
};

const spanish: IntakeWords = {
  t: intakeCopyEs,
  topic: (topic) => topicTitlesEs[topic],
  question: (q) => intakeQuestionsEs[q.id],
  advice: (intake) => patientAdviceEs[intake.tier],
};

export function useIntakeWords(): IntakeWords {
  return useLanguage().lang === "es" ? spanish : english;
}
