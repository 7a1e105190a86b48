/**
 * The safety questions' words in the portal's language: the screens' copy, the topic titles, each
 * question, and the advice for an intake. The server sends the English advice with an intake; in
 * Spanish the same kind of advice is shown from the domain's Spanish set, so the two can never say
 * different things about what to do. Either way the clinic's emergency number is filled in.
 */
import { withEmergencyNumber } from "@evident/domain";
import type { PortalIntakeView } from "@evident/domain/api";
import {
  type IntakeQuestion,
  type IntakeQuestionWords,
  type IntakeTopic,
  intakeQuestionsEs,
  type PatientAdvice,
  patientAdviceEs,
} from "@evident/domain/triage";
import { useEmergencyNumber } from "../../api/queries";
import { useLocalized } from "../language";
import { type IntakeCopy, intakeCopy, topicTitles } from "./copy";
import { intakeCopyEs, topicTitlesEs } from "./copy-es";

export type IntakeWords = {
  t: IntakeCopy;
  topic: (topic: IntakeTopic) => string;
  question: (q: IntakeQuestion) => IntakeQuestionWords;
  advice: (intake: PortalIntakeView) => PatientAdvice;
  /** The number the clinic's patients call in an emergency. */
  emergencyNumber: string;
};

const english = {
  t: intakeCopy,
  topic: (topic: IntakeTopic) => topicTitles[topic],
  question: (q: IntakeQuestion) => ({
    text: q.text,
    help: q.help,
    unit: q.type === "integer" ? q.unit : undefined,
  }),
  advice: (intake: PortalIntakeView): PatientAdvice => intake.advice,
};

const spanish = {
  t: intakeCopyEs,
  topic: (topic: IntakeTopic) => topicTitlesEs[topic],
  question: (q: IntakeQuestion) => intakeQuestionsEs[q.id],
  advice: (intake: PortalIntakeView): PatientAdvice => patientAdviceEs[intake.advice.kind],
};

export function useIntakeWords(): IntakeWords {
  const emergencyNumber = useEmergencyNumber();
  const words = useLocalized({ en: english, es: spanish });
  return {
    ...words,
    advice: (intake) => withEmergencyNumber(words.advice(intake), emergencyNumber),
    emergencyNumber,
  };
}
