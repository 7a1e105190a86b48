/**
 * Recovery phases per kind of treatment, for the patient's timeline: what to expect and what to
 * do in each period after the treatment date, in plain words (reading grade ≤ 8, checked by a
 * test), each with its sources and a certainty label. The phases describe usual care and the
 * natural course; they never say a cell therapy works: in the one sham-controlled trial of
 * bone-marrow concentrate for disc pain, sham did as well (Levi 2025).
 */

import type { TreatmentCategory } from "../catalogue/treatments";
import type { CitationKey } from "../citations";
import { daysBetween, type IsoDate } from "../dates";

export type Certainty = "guideline" | "trial evidence" | "expert opinion";

export type RecoveryPhase = {
  id: string;
  fromDay: number;
  /** Last day of the phase (inclusive); null: open-ended. */
  toDay: number | null;
  title: string;
  text: string;
  tasks: readonly string[];
  certainty: Certainty;
  sources: readonly CitationKey[];
};

const WARNING =
  "Report a problem at once if you get a fever, redness or fluid where the needle went in, or new weakness or numbness.";

const injectionPhases: readonly RecoveryPhase[] = [
  {
    id: "rest",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: settle down",
    text: `Soreness where the needle went in (and where cells were taken) is common for a few days. Keep the sites clean and dry. Walk a little each day, but do not lift heavy things. ${WARNING}`,
    tasks: ["Walk a little every day", "Keep the injection and harvest sites clean and dry"],
    certainty: "expert opinion",
    sources: ["navani2019"],
  },
  {
    id: "activity",
    fromDay: 15,
    toDay: 42,
    title: "Weeks 3–6: build up activity",
    text: "Slowly do more each week. Exercise and physiotherapy help back pain whatever else you have had. Pain often goes up and down in this time.",
    tasks: ["Physiotherapy or home exercises, 2 to 3 times a week"],
    certainty: "guideline",
    sources: ["qaseem2017", "who2023"],
  },
  {
    id: "effect",
    fromDay: 43,
    toDay: 183,
    title: "Months 2–6: when any effect should show",
    text: "If the treatment helps, it usually shows by 3 to 6 months. Back pain often gets better over time on its own too, so a change does not prove the treatment caused it. For cell injections into the disc, one careful trial found a fake injection helped just as much.",
    tasks: ["Keep exercising", "Answer your 3- and 6-month questionnaires"],
    certainty: "trial evidence",
    sources: ["costa2012", "levi2025"],
  },
  {
    id: "long-term",
    fromDay: 184,
    toDay: null,
    title: "After 6 months: the long view",
    text: "Your answers at 12 and 24 months show if a change lasts. Tell the clinic about any new care or surgery. Then your results stay true.",
    tasks: ["Answer your 12- and 24-month questionnaires"],
    certainty: "expert opinion",
    sources: ["costa2012"],
  },
];

const surgeryPhases: readonly RecoveryPhase[] = [
  {
    id: "wound",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: heal the wound",
    text: `Follow your surgeon's advice on the wound and on moving. Short walks help. ${WARNING}`,
    tasks: ["Short walks every day", "Keep the wound clean and dry"],
    certainty: "expert opinion",
    sources: ["niceNg59"],
  },
  {
    id: "rehab",
    fromDay: 15,
    toDay: 90,
    title: "Weeks 3–12: rehabilitation",
    text: "Build up activity step by step, with physiotherapy if it was offered. Most people return to light work in this time.",
    tasks: ["Physiotherapy or home exercises"],
    certainty: "guideline",
    sources: ["niceNg59", "fairbank2005"],
  },
  {
    id: "long-term",
    fromDay: 91,
    toDay: null,
    title: "After 3 months: the long view",
    text: "Recovery can go on for a year. For sciatica, early surgery helps people get better sooner. After a year, people who had surgery and people who waited often do about as well.",
    tasks: ["Answer your follow-up questionnaires"],
    certainty: "trial evidence",
    sources: ["peul2007"],
  },
];

const conservativePhases: readonly RecoveryPhase[] = [
  {
    id: "start",
    fromDay: 0,
    toDay: 42,
    title: "Weeks 1–6: get going",
    text: "Keep active and do your exercises. Pain often eases a good deal in the first 6 weeks, partly on its own.",
    tasks: ["Exercises as agreed with your physiotherapist"],
    certainty: "guideline",
    sources: ["qaseem2017", "costa2012"],
  },
  {
    id: "keep-on",
    fromDay: 43,
    toDay: null,
    title: "After 6 weeks: keep it up",
    text: "Progress is slower now. Staying active helps most people. Tell the clinic if things get worse.",
    tasks: ["Keep exercising", "Answer your follow-up questionnaires"],
    certainty: "guideline",
    sources: ["who2023", "costa2012"],
  },
];

export function recoveryPhases(category: TreatmentCategory): readonly RecoveryPhase[] {
  if (category === "surgery") return surgeryPhases;
  if (category === "injection" || category === "cell-therapy") return injectionPhases;
  return conservativePhases;
}

export const allRecoveryPhases: readonly RecoveryPhase[] = [
  ...injectionPhases,
  ...surgeryPhases,
  ...conservativePhases,
];

/** The phase the patient is in today (null before the treatment date). */
export function currentPhase(
  phases: readonly RecoveryPhase[],
  treatmentDate: IsoDate,
  today: IsoDate,
): RecoveryPhase | null {
  const day = daysBetween(treatmentDate, today);
  if (day < 0) return null;
  return phases.find((p) => day >= p.fromDay && (p.toDay === null || day <= p.toDay)) ?? null;
}
