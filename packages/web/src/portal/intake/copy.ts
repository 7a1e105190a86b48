/**
 * The words of the safety questions' screens (the questions themselves, the advice and the care
 * routes are domain content: triage/intake.ts, triage/tiers.ts). Reading grade ≤ 8, checked by
 * copy.test.ts. The Spanish words are in copy-es.ts, key for key (its type is this object's).
 */
import type { IntakeTopic } from "@evident/domain/triage";

export const intakeCopy = {
  pageTitle: "Safety questions",
  title: "Safety questions",
  intro:
    "Before anything else, we ask about a few signs that can mean your back needs care right away. " +
    "Most people have none of them. Please answer every question. If you do not know, choose Not sure: a " +
    "clinician will ask you about it. It takes about five minutes.",
  yes: "Yes",
  no: "No",
  unsure: "Not sure",
  send: "Send my answers",
  sending: "Sending…",
  missingOne: "Please answer this question.",
  missingSome: (n: number) =>
    n === 1
      ? "One question has no answer yet. It is marked below."
      : `${n} questions have no answer yet. They are marked below.`,
  sendFailed: "We could not send your answers. Please try again.",
  startCardTitle: "Start with the safety questions",
  startCardText:
    "A few short questions check for signs that need care right away. Please answer them before anything else.",
  start: "Begin safety questions",
  stepOne: "Step 1",
  lockedTitle: "Opens after step 1",
  lockedText: "Please answer the safety questions first. Then you can answer these.",
  firstTitle: "Safety questions first",
  firstText:
    "Before these questions, please answer a few safety questions. They check for signs that need care right away.",
  callEmergency: (emergencyNumber: string) => `Call ${emergencyNumber} now`,
  unsureTitle: "You were not sure about these questions",
  unsureText:
    "A clinician will ask you about them. If you find that one of these signs is there, act on it as the advice says.",
  whyTitle: "Why",
  safetyTitle: "If things change",
  reviewedNote: "A clinician has looked at your answers.",
  waitingNote: "A clinician will look at your answers. We will let you know when you can go on.",
  backHome: "Back to your page",
  choicesTitle: "Your choices of care",
  choicesText: "Compare the ways to treat back pain, side by side, and say what matters most to you.",
  openChoices: "See your choices",
} as const;

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
/** The shape every language's version of {@link intakeCopy} has. */
export type IntakeCopy = { readonly [K in keyof typeof intakeCopy]: Widen<(typeof intakeCopy)[K]> };

export const topicTitles: Record<IntakeTopic, string> = {
  "about-you": "About you",
  nerves: "Nerves, bladder and bowels",
  infection: "Signs of infection",
  cancer: "Your health in general",
  "injury-and-bones": "Injuries and bones",
  pattern: "How the pain behaves",
};
