/**
 * Who is told what, and when, about an open follow-up: an invitation the day its window opens,
 * reminders 3 and 7 days after that, and — if it is still not answered 3 days after the second
 * reminder — a coordinator task to call the patient. Registries lose their answer when follow-up
 * drops, and lose their patients' goodwill when reminders keep coming after the survey is done
 * (a known REDCap failure), so:
 *
 * - nothing is due unless the follow-up is open today (not completed, not cancelled, inside its
 *   window): completion or cancellation stops every later contact;
 * - each contact has a fixed number (0 invitation, 1 and 2 reminders), and the job records it with
 *   a unique key per (follow-up, window, number), so running the job twice, or on two servers, or
 *   after a crash, never sends a contact twice; a window moved by a corrected treatment date starts
 *   its contacts again;
 * - after days without a run (an outage) only the latest contact due is sent, never a burst.
 */
import { daysBetween, type IsoDate } from "../dates";
import type { PatientLanguage } from "../language";
import { contactMessageEs } from "./contacts-es";
import { followUpStatus, timepointLabel } from "./schedule";

export const contactSteps = [
  { number: 0, kind: "invitation", daysAfterOpening: 0 },
  { number: 1, kind: "reminder", daysAfterOpening: 3 },
  { number: 2, kind: "reminder", daysAfterOpening: 7 },
] as const;
export type ContactStep = (typeof contactSteps)[number];

/** Days after the window opens at which an unanswered follow-up becomes a "call the patient" task. */
export const escalateAfterDays = 10;

type FollowUpDates = {
  windowStart: IsoDate;
  windowEnd: IsoDate;
  completedAt?: Date | string | null;
  cancelledAt?: Date | string | null;
};

/** The contact due today (the latest whose day has come), or null when none is. */
export function contactDue(f: FollowUpDates, today: IsoDate): ContactStep | null {
  if (followUpStatus(f, today) !== "open") return null;
  const day = daysBetween(f.windowStart, today);
  let due: ContactStep | null = null;
  for (const s of contactSteps) if (day >= s.daysAfterOpening) due = s;
  return due;
}

/** True when the follow-up is still open `escalateAfterDays` after its window opened. */
export function escalationDue(f: FollowUpDates, today: IsoDate): boolean {
  return followUpStatus(f, today) === "open" && daysBetween(f.windowStart, today) >= escalateAfterDays;
}

/**
 * The idempotency key of a contact: one message per follow-up, window and contact number, ever. The
 * window's first day is part of it because a corrected treatment date moves the window, and the
 * patient is then invited afresh for the new one (the contacts of the old window are withdrawn).
 */
export const contactKey = (followUpId: string, n: number, windowStart: IsoDate): string =>
  `follow-up:${followUpId}:${windowStart}:contact:${n}`;
export const escalationKey = (followUpId: string, windowStart: IsoDate): string =>
  `follow-up:${followUpId}:${windowStart}:call`;

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-03-20" → "20 March 2026": a date anyone reads the same way, wherever they live. */
export function dayInWords(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/**
 * The e-mail for a contact, in the patient's language: plain words, the link, the last day, no
 * clinical content. The baseline is the questionnaire before treatment (its window opens when the
 * patient is registered and closes on the treatment date), so its e-mail asks for an answer
 * before the treatment.
 */
export function contactMessage(
  step: ContactStep,
  f: { timepoint: string; windowEnd: IsoDate; clinicName: string; emergencyNumber: string },
  link: string,
  lang: PatientLanguage = "en",
): { subject: string; body: string } {
  if (lang === "es") return contactMessageEs(step, f, link);
  const baseline = f.timepoint === "baseline";
  const what = baseline
    ? "first questionnaire"
    : `${timepointLabel(f.timepoint).toLowerCase()} questionnaire`;
  const subject =
    step.number === 0
      ? `Your ${what} from ${f.clinicName} is ready`
      : `Reminder: your ${what} from ${f.clinicName}`;
  const why = baseline
    ? `Please answer it before your treatment. It shows how your back is now, so ${f.clinicName} can see what changes later.`
    : `Your answers help ${f.clinicName} see how your back is doing since your treatment.`;
  const opening =
    step.number === 0
      ? `It is time for your ${what}. ${why}`
      : `This is a reminder about your ${what}.${baseline ? " Please answer it before your treatment." : ""} If you have already answered it, please ignore this message.`;
  return {
    subject,
    body: [
      "Hello,",
      "",
      opening,
      "",
      `Answer it here (you will be asked to sign in): ${link}`,
      "",
      `You can answer until ${dayInWords(f.windowEnd)}. It takes about 10 minutes.`,
      "",
      `Do you have a fever, new weakness or numbness in your legs, or new trouble passing urine? Then do not wait for the questionnaire. Call the clinic or ${f.emergencyNumber} now.`,
      "",
      `${f.clinicName}`,
    ].join("\n"),
  };
}

/** The task a coordinator gets when a follow-up goes unanswered after both reminders. */
export function escalationTask(f: { timepoint: string; windowEnd: IsoDate }): {
  title: string;
  detail: string;
} {
  const what =
    f.timepoint === "baseline" ? "baseline (before treatment)" : timepointLabel(f.timepoint).toLowerCase();
  return {
    title: "Call the patient",
    detail: `The ${what} questionnaire is still unanswered after an invitation and two reminders. It can be answered until ${f.windowEnd}; offer to take the answers by phone.`,
  };
}
