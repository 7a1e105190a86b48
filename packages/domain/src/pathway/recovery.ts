/**
 * Recovery phases per pathway family, for the patient's timeline: what to expect and what to do
 * in each period after the treatment date, and the warning signs to call about, in plain words
 * (reading grade ≤ 8; the Spanish in recovery-es.ts at INFLESZ ≥ 55, both checked by tests). Each
 * phase carries its certainty and the sources of its timing claims; where no study gives the
 * timing, the certainty says it is clinical experience and the sources are empty.
 *
 * The family follows from the treatment kind, so a patient who had an epidural steroid injection
 * never reads about a harvest site: cells taken from the patient (a harvest), cells or platelets
 * injected without a harvest, a steroid injection, radiofrequency denervation (heat on the
 * nerves, which works and wears off on its own time scale), surgery, and conservative programmes.
 * Every registry kind but "other" and every decision-aid option but doing nothing maps to one.
 *
 * The phases describe usual care and the natural course; they never say a cell therapy works: in
 * the one sham-controlled trial of bone-marrow concentrate for disc pain, sham did as well (Levi
 * 2025), and no cell product is FDA-approved for back pain.
 *
 * After any needle into or beside the spine (disc injections of cells or PRP, radiofrequency, an
 * epidural steroid), the first phase names the signs of an epidural abscess or haematoma — fever,
 * new leg weakness, a bladder or bowel change, numbness between the legs — and sends the patient
 * to an emergency department or the clinic's emergency number for the last three (NICE CKS red
 * flags; the number is filled in where the text is shown, emergency-number.ts).
 */

import type { TreatmentKind } from "../catalogue/treatments";
import type { CitationKey } from "../citations";
import { daysBetween, type IsoDate } from "../dates";
import { EMERGENCY_NUMBER } from "../emergency-number";

export type Certainty = "guideline" | "trial evidence" | "expert opinion" | "clinical experience";

export const recoveryFamilies = [
  "cell-harvest",
  "cell-no-harvest",
  "prp",
  "injection",
  "radiofrequency",
  "surgery",
  "conservative",
] as const;
export type RecoveryFamily = (typeof recoveryFamilies)[number];

export type RecoveryPhase = {
  id: string;
  fromDay: number;
  /** Last day of the phase (inclusive); null: open-ended. */
  toDay: number | null;
  title: string;
  text: string;
  tasks: readonly string[];
  /** When to call the clinic at once (null: none beyond the usual). */
  warning: string | null;
  certainty: Certainty;
  /** Empty only when the certainty is clinical experience. */
  sources: readonly CitationKey[];
};

/** The words of a phase: what a translation replaces (recovery-es.ts). */
export type RecoveryPhaseWords = Pick<RecoveryPhase, "title" | "text" | "tasks" | "warning">;

/** The emergency signs after a needle near the spine (see the top of this file). */
const SPINE_EMERGENCY = `Go to an emergency department or call ${EMERGENCY_NUMBER} now if your legs get weak or you cannot pee or hold your bowels. Do the same if the skin between your legs goes numb.`;

const NEEDLE_WARNING = `Call the clinic at once if you get a fever or chills, or redness, swelling or fluid where the needle went in. ${SPINE_EMERGENCY}`;

const activity = (id: string): RecoveryPhase => ({
  id,
  fromDay: 15,
  toDay: 42,
  title: "Weeks 3–6: build up activity",
  text: "Slowly do a bit more each week, with physiotherapy or home exercises. Exercise helps back pain whatever else you have had. Pain often goes up and down in this time. That is common and does not mean something went wrong.",
  tasks: ["Physiotherapy or home exercises, 2 to 3 times a week", "Add a little more activity each week"],
  warning: "Call the clinic if the pain gets much worse and stays worse, or if you get a fever.",
  certainty: "guideline",
  sources: ["qaseem2017", "who2023"],
});

const longTerm = (id: string): RecoveryPhase => ({
  id,
  fromDay: 184,
  toDay: null,
  title: "After 6 months: the long view",
  text: "Your answers at 12 and 24 months show if a change lasts. Tell the clinic about any new care or surgery. Then your results stay true.",
  tasks: ["Answer your 12- and 24-month questionnaires"],
  warning: null,
  certainty: "expert opinion",
  sources: ["costa2012"],
});

/** (a) Cells taken from the patient's own hip bone or fat, then injected: bone-marrow concentrate, adipose-derived cells. */
const cellHarvestPhases: readonly RecoveryPhase[] = [
  {
    id: "harvest-rest",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: rest and care for the harvest site",
    text: "Cells were taken from your hip bone or from fat under your skin, then put into your back. Both spots are often sore and bruised for a few days. Rest for 1 to 2 weeks. Short walks are fine. Do not lift heavy things, and do not soak in a bath or pool until the skin has healed.",
    tasks: [
      "Keep the harvest site and the injection site clean and dry",
      "Walk a little every day",
      "Do not lift heavy things",
    ],
    warning: `Call the clinic at once if you get a fever or chills, or redness, swelling or fluid where the cells were taken or the needle went in. Call too for bleeding that will not stop. ${SPINE_EMERGENCY}`,
    certainty: "expert opinion",
    sources: ["navani2019"],
  },
  activity("harvest-activity"),
  {
    id: "harvest-effect",
    fromDay: 43,
    toDay: 183,
    title: "Months 2–6: when any effect would show",
    text: "This treatment is still being studied. It is not approved by the FDA for back pain. If it helps, that would most often show by 3 to 6 months. Back pain often gets better over time on its own too, so a change does not prove the treatment caused it. For cell injections into the disc, one careful trial found a fake injection helped just as much.",
    tasks: ["Keep exercising", "Answer your 3- and 6-month questionnaires"],
    warning: null,
    certainty: "trial evidence",
    sources: ["costa2012", "levi2025", "fdaConsumer2021"],
  },
  longTerm("harvest-long-term"),
];

/** (b) Cells injected without a harvest: cells grown in a lab or from a donor. */
const cellNoHarvestPhases: readonly RecoveryPhase[] = [
  {
    id: "cells-rest",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: settle down",
    text: "No cells were taken from your body this time. Cells grown in a lab or given by a donor were put into your back. The spot where the needle went in is often sore for a few days. Walk a little each day, but do not lift heavy things.",
    tasks: ["Walk a little every day", "Keep the injection site clean and dry"],
    warning: NEEDLE_WARNING,
    certainty: "expert opinion",
    sources: ["navani2019"],
  },
  activity("cells-activity"),
  {
    id: "cells-effect",
    fromDay: 43,
    toDay: 183,
    title: "Months 2–6: when any effect would show",
    text: "These treatments are still being studied. They are not approved by the FDA for back pain. If or when they help is not known. In the largest trial of donor cells, people who got cells did not do better overall than people who got a fake injection. Back pain often gets better over time on its own too, so a change does not prove the treatment caused it.",
    tasks: ["Keep exercising", "Answer your 3- and 6-month questionnaires"],
    warning: null,
    certainty: "trial evidence",
    sources: ["mesoblastDr003", "costa2012", "fdaConsumer2021"],
  },
  longTerm("cells-long-term"),
];

/** (b2) Platelet-rich plasma: a blood draw, spun down, injected; a blood product, not a cell therapy. */
const prpPhases: readonly RecoveryPhase[] = [
  {
    id: "prp-rest",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: settle down",
    text: "A little blood was taken from your arm and spun in a machine to make PRP. Then the PRP was put into your back. Your arm may bruise. The spot where the needle went in is often sore for a few days, and the pain may be worse for a short time. Walk a little each day, but do not lift heavy things.",
    tasks: ["Walk a little every day", "Keep the injection site clean and dry"],
    warning: NEEDLE_WARNING,
    certainty: "expert opinion",
    sources: ["navani2019"],
  },
  activity("prp-activity"),
  {
    id: "prp-effect",
    fromDay: 43,
    toDay: 183,
    title: "Months 2–6: when any effect would show",
    text: "PRP for back pain is still being studied. It is not approved by the FDA for back pain. Two small trials compared PRP in the disc with a fake injection. In one, people who got PRP did a bit better over 8 weeks. In the other, they did no better after a year. Back pain often gets better on its own, so a change does not prove the treatment caused it.",
    tasks: ["Keep exercising", "Answer your 3- and 6-month questionnaires"],
    warning: null,
    certainty: "trial evidence",
    sources: ["tuakliWosornu2016", "rugpoliPrpTrial", "costa2012", "fdaConsumer2021"],
  },
  longTerm("prp-long-term"),
];

/** (c) A steroid injection (epidural), without a harvest. */
const injectionPhases: readonly RecoveryPhase[] = [
  {
    id: "injection-days",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: the first days",
    text: "The spot where the needle went in may be sore for a few days. Pain can get a bit worse before it gets better. Most people are back to their usual day within a day or two. Keep moving: short walks help.",
    tasks: ["Walk a little every day", "Keep the needle site clean and dry for 2 days"],
    warning: `Call the clinic at once if you get a fever or chills, or redness or fluid where the needle went in. Call too for a bad headache that gets worse when you stand. ${SPINE_EMERGENCY}`,
    certainty: "clinical experience",
    sources: [],
  },
  {
    id: "injection-effect",
    fromDay: 15,
    toDay: 90,
    title: "Weeks 3–12: how much it helps",
    text: "A steroid injection for leg pain helps some people for a few weeks. In trials, it did not help for longer than 3 months. Keep up your exercises: they help back pain either way.",
    tasks: [
      "Physiotherapy or home exercises, 2 to 3 times a week",
      "Answer your 6-week and 3-month questionnaires",
    ],
    warning: "Call the clinic if the pain gets much worse and stays worse, or if you get a fever.",
    certainty: "trial evidence",
    sources: ["chou2015", "niceNg59", "qaseem2017"],
  },
  {
    id: "injection-long-term",
    fromDay: 91,
    toDay: null,
    title: "After 3 months: the long view",
    text: "The effect of a steroid injection has often worn off by now. Your answers at 6, 12 and 24 months show what lasted. Tell the clinic about any new care, such as another injection.",
    tasks: ["Keep exercising", "Answer your follow-up questionnaires"],
    warning: null,
    certainty: "expert opinion",
    sources: ["chou2015"],
  },
];

/** (d) Radiofrequency denervation: heat on the small nerves of the facet (or sacroiliac) joints. */
const radiofrequencyPhases: readonly RecoveryPhase[] = [
  {
    id: "rf-days",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: the first days",
    text: "The spots where the needles went in may be sore. For a week or two the area can ache, burn or feel a bit numb while the nerves settle. This is common. Go back to light tasks the next day, and keep moving: short walks help.",
    tasks: ["Walk a little every day", "Keep the needle sites clean and dry for 2 days"],
    warning: NEEDLE_WARNING,
    certainty: "clinical experience",
    sources: [],
  },
  {
    id: "rf-effect",
    fromDay: 15,
    toDay: 90,
    title: "Weeks 3–12: how much it helps",
    text: "If it helps, relief often builds over the first weeks. It is meant for pain from the small joints at the back of the spine, when a test shot helped first. Not everyone gets relief. Keep up your exercises: they help back pain either way.",
    tasks: [
      "Physiotherapy or home exercises, 2 to 3 times a week",
      "Answer your 6-week and 3-month questionnaires",
    ],
    warning: "Call the clinic if the pain gets much worse and stays worse, or if you get a fever.",
    certainty: "guideline",
    sources: ["niceNg59"],
  },
  {
    id: "rf-long-term",
    fromDay: 91,
    toDay: null,
    title: "After 3 months: the long view",
    text: "Nerves treated with heat can grow back, so the pain may come back after some months. If it helped before, ask your clinician if it can be done again. Your answers at 6, 12 and 24 months show what lasted. Tell the clinic about any new care.",
    tasks: ["Keep exercising", "Answer your follow-up questionnaires"],
    warning: null,
    certainty: "clinical experience",
    sources: [],
  },
];

/** (e) Surgery: discectomy, fusion. */
const surgeryPhases: readonly RecoveryPhase[] = [
  {
    id: "surgery-wound",
    fromDay: 0,
    toDay: 14,
    title: "Weeks 1–2: heal the wound",
    text: "Follow your surgeon's advice on the wound and on moving. Get up and walk on the first day or two, and a little more each day. Keep the wound clean and dry, and do not soak it in a bath until it has healed. Do not lift, bend or twist much.",
    tasks: ["Short walks every day", "Keep the wound clean and dry"],
    warning: `Call the clinic at once if the wound gets red, hot or swollen, or leaks fluid, or if you get a fever. Call too for new numbness in your legs. ${SPINE_EMERGENCY}`,
    certainty: "clinical experience",
    sources: [],
  },
  {
    id: "surgery-rehab",
    fromDay: 15,
    toDay: 90,
    title: "Weeks 3–12: rehabilitation and work",
    text: "Build up activity step by step, with physiotherapy if it was offered. After a discectomy, many people go back to light work within a few weeks. After a fusion, it often takes 3 months or more. Ask your surgeon before you drive or lift.",
    tasks: ["Physiotherapy or home exercises", "Plan your return to work with your surgeon"],
    warning: "Call the clinic if the wound opens or leaks, or the pain in your leg comes back strongly.",
    certainty: "clinical experience",
    sources: [],
  },
  {
    id: "surgery-long-term",
    fromDay: 91,
    toDay: null,
    title: "After 3 months: the long view",
    text: "After a fusion, the bones take many months to grow together, often up to a year. Recovery from either operation can go on for a year. For sciatica, early surgery helps people get better sooner. After a year, people who had surgery and people who waited often do about as well.",
    tasks: ["Keep up your exercises", "Answer your follow-up questionnaires"],
    warning: null,
    certainty: "trial evidence",
    sources: ["peul2007", "fairbank2005"],
  },
];

/** (f) Conservative programmes: exercise and physiotherapy, psychological programmes, manual therapy, medicines. */
const conservativePhases: readonly RecoveryPhase[] = [
  {
    id: "conservative-start",
    fromDay: 0,
    toDay: 42,
    title: "Weeks 1–6: get going",
    text: "Keep active and practise what you were shown, most days of the week. Most exercise and talking programmes run for 6 to 12 weeks. Medicines for back pain help a little at best, and work best with exercise. Pain often eases in the first 6 weeks, partly on its own.",
    tasks: [
      "Practise your exercises or skills most days",
      "Take medicines only as agreed with your clinician",
    ],
    warning:
      "Call the clinic if the pain gets much worse, or if you get new weakness or numbness in your legs.",
    certainty: "guideline",
    sources: ["qaseem2017", "who2023", "costa2012"],
  },
  {
    id: "conservative-practice",
    fromDay: 43,
    toDay: 90,
    title: "Weeks 7–12: what to expect",
    text: "Progress is slower now, and small gains add up. Most people gain a little, and some gain a lot. If a medicine has not helped by now, ask your clinician if you should stop it. Do not stop opioids all at once on your own.",
    tasks: ["Keep practising", "Answer your 3-month questionnaire"],
    warning: null,
    certainty: "guideline",
    sources: ["whoExerciseReview2023", "qaseem2017", "cdcOpioids2022"],
  },
  {
    id: "conservative-keep-on",
    fromDay: 91,
    toDay: null,
    title: "After 3 months: keep it up",
    text: "Keep doing what helps, even when you feel better. Tell the clinic if things get worse, or about any new care. Your answers at 6 and 12 months show what lasted.",
    tasks: ["Keep exercising", "Answer your follow-up questionnaires"],
    warning: null,
    certainty: "expert opinion",
    sources: ["who2023", "costa2012"],
  },
];

const phasesByFamily: Readonly<Record<RecoveryFamily, readonly RecoveryPhase[]>> = {
  "cell-harvest": cellHarvestPhases,
  "cell-no-harvest": cellNoHarvestPhases,
  prp: prpPhases,
  injection: injectionPhases,
  radiofrequency: radiofrequencyPhases,
  surgery: surgeryPhases,
  conservative: conservativePhases,
};

/** The family of each registry kind; "other" has none, since nothing general fits every treatment. */
const familyByKind: Readonly<Record<TreatmentKind, RecoveryFamily | null>> = {
  exercise_physiotherapy: "conservative",
  medication: "conservative",
  epidural_steroid_injection: "injection",
  bone_marrow_concentrate: "cell-harvest",
  adipose_derived_cells: "cell-harvest",
  discectomy: "surgery",
  fusion: "surgery",
  other: null,
  advice_self_management: "conservative",
  pilates_yoga: "conservative",
  psychological_programme: "conservative",
  spinal_manipulation: "conservative",
  massage: "conservative",
  acupuncture: "conservative",
  heat_therapy: "conservative",
  radiofrequency_denervation: "radiofrequency",
  platelet_rich_plasma: "prp",
  cultured_or_donor_cells: "cell-no-harvest",
};

/** The family of each decision-aid option (evidence/catalogue); doing nothing has no treatment day. */
const familyByOption: Readonly<Record<string, RecoveryFamily | null>> = {
  "natural-course": null,
  "exercise-physiotherapy": "conservative",
  "pilates-yoga": "conservative",
  "psychological-programme": "conservative",
  "spinal-manipulation": "conservative",
  massage: "conservative",
  acupuncture: "conservative",
  heat: "conservative",
  nsaids: "conservative",
  opioids: "conservative",
  "epidural-steroid-injection": "injection",
  "radiofrequency-denervation": "radiofrequency",
  discectomy: "surgery",
  fusion: "surgery",
  "bone-marrow-concentrate": "cell-harvest",
  "adipose-derived-cells": "cell-harvest",
  "cultured-or-donor-cells": "cell-no-harvest",
  "platelet-rich-plasma": "prp",
};

/** The recovery family of a registry treatment kind (null: unknown kind or "other"). */
export function recoveryFamily(kind: string): RecoveryFamily | null {
  return (familyByKind as Readonly<Record<string, RecoveryFamily | null>>)[kind] ?? null;
}

/** The recovery family of a decision-aid option (null: no treatment day, or not mapped). */
export function recoveryFamilyForOption(optionId: string): RecoveryFamily | null {
  return familyByOption[optionId] ?? null;
}

export function familyPhases(family: RecoveryFamily): readonly RecoveryPhase[] {
  return phasesByFamily[family];
}

/** The phases for a registry treatment kind; none for a kind without a family. */
export function recoveryPhases(kind: string): readonly RecoveryPhase[] {
  const family = recoveryFamily(kind);
  return family ? phasesByFamily[family] : [];
}

export const allRecoveryPhases: readonly RecoveryPhase[] = recoveryFamilies.flatMap((f) => phasesByFamily[f]);

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
