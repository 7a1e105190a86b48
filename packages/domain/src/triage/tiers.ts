/**
 * Triage tiers (domain reference §3.3, derived from NICE CKS, ACP/APS 2007 and the UK red-flag
 * pathways, not from one source): what each tier tells the patient to do now, and what the clinic
 * must do. Tiers are ordered; the highest tier any rule reaches is the result.
 *
 * The patient's advice follows the tier, with two urgent variants: "call-now" when they were not
 * sure about a sign that would be an emergency (call the clinic now; go to an emergency department
 * if the sign is there), and "today" when a flag needs a same-day answer (fever).
 *
 * Patient text is plain (reading grade ≤ 8, checked by a test) and always ends with a safety net:
 * the cauda equina signs to act on at once, because a red flag can appear after the intake. It
 * names the clinic's emergency number through a placeholder (emergency-number.ts), filled in
 * where the text is shown.
 */
import { EMERGENCY_NUMBER } from "../emergency-number";
import { SAME_DAY_HOURS, unsureFlagIds } from "./rules";

export const triageTiers = ["emergency", "urgent", "soon", "none"] as const;
export type TriageTier = (typeof triageTiers)[number];

/** Higher is more urgent: none 0, soon 1, urgent 2, emergency 3. */
export const tierRank = (tier: TriageTier): number => triageTiers.length - 1 - triageTiers.indexOf(tier);

export const higherTier = (a: TriageTier, b: TriageTier): TriageTier => (tierRank(a) >= tierRank(b) ? a : b);

/** Which advice the patient gets: the tier's, or one of the two urgent variants (see top). */
export const adviceKinds = ["emergency", "call-now", "today", "urgent", "soon", "none"] as const;
export type AdviceKind = (typeof adviceKinds)[number];

/** The advice for a result: its tier's, unless a flag asks for a call now or an answer today. */
export function adviceKind(
  tier: TriageTier,
  flags: readonly { id: string; dueWithinHours: number | null }[],
): AdviceKind {
  if (tier === "emergency") return "emergency";
  if (flags.some((f) => f.id === unsureFlagIds.emergencySign)) return "call-now";
  if (tier === "urgent" && flags.some((f) => f.dueWithinHours !== null && f.dueWithinHours <= SAME_DAY_HOURS))
    return "today";
  return tier;
}

export type PatientAdvice = {
  kind: AdviceKind;
  tier: TriageTier;
  /** A short heading. */
  title: string;
  /** What to do now. */
  whatToDo: string;
  /** Why, in plain words. */
  why: string;
  /** When to stop waiting and go to an emergency department. */
  safetyNet: string;
};

const safetyNet =
  `Go to an emergency department or call ${EMERGENCY_NUMBER} at once if you cannot pee or you lose control of ` +
  "your bowels. Do the same if the skin between your legs goes numb or your legs get weak.";

export const patientAdvice: Readonly<Record<AdviceKind, PatientAdvice>> = {
  emergency: {
    kind: "emergency",
    tier: "emergency",
    title: "Get help now",
    whatToDo:
      `Go to an emergency department now, or call ${EMERGENCY_NUMBER}. Do not wait for your next visit. ` +
      "If you are not sure, go anyway. Your clinic will be told too, but do not wait for them to call you.",
    why:
      "Your answers show signs of a problem that may need care today. It could be pressure on the nerves at " +
      "the base of your spine, an infection, or a problem with a large blood vessel. Some of these can cause " +
      "harm that lasts, like losing control of your bladder or legs, if they are not treated fast.",
    safetyNet,
  },
  "call-now": {
    kind: "call-now",
    tier: "urgent",
    title: "Call your clinic now",
    whatToDo:
      "Call your clinic now and tell them which questions you were not sure about. A clinician needs to talk " +
      `with you today. If you have one of these signs, do not wait: go to an emergency department now or call ${EMERGENCY_NUMBER}.`,
    why:
      "You were not sure about a sign that can need care the same day. Most of the time it turns out to be " +
      "nothing serious. But only a clinician can tell, so it needs a talk today.",
    safetyNet,
  },
  today: {
    kind: "today",
    tier: "urgent",
    title: "A clinician needs to talk with you today",
    whatToDo:
      `Your clinic will call you today. If you have not heard from them within ${SAME_DAY_HOURS} hours, call them. ` +
      "Do not book a procedure until you have spoken to them. If you feel very unwell, go to an emergency " +
      `department or call ${EMERGENCY_NUMBER}.`,
    why:
      "A fever with back pain can be a sign of an infection near the spine. Most of the time it turns out to " +
      "be something else. But it needs to be checked today.",
    safetyNet,
  },
  urgent: {
    kind: "urgent",
    tier: "urgent",
    title: "A clinician needs to check your answers today",
    whatToDo:
      "A clinician will look at your answers within a day and get in touch. If you have not heard from " +
      "your clinic by tomorrow, call them. Do not book a procedure until you have spoken to them.",
    why:
      "Some of your answers can be a sign of a problem that needs tests soon, such as an infection, a " +
      "broken bone or cancer. Most of the time it turns out to be something else. But it needs to be checked " +
      "before anything else.",
    safetyNet,
  },
  soon: {
    kind: "soon",
    tier: "soon",
    title: "A clinician will look at your answers first",
    whatToDo:
      "This is not an emergency. A clinician will look at your answers before you choose a treatment. " +
      "You can keep doing your normal day.",
    why:
      "Some of your answers mean your back pain may have a cause that needs its own care, such as a kind of " +
      "arthritis. A clinician can tell you if you need any tests.",
    safetyNet,
  },
  none: {
    kind: "none",
    tier: "none",
    title: "No warning signs",
    whatToDo:
      "Next you will answer a few questions about how your back pain affects you. Then you can look at your " +
      "choices of care.",
    why: "Your answers show none of the warning signs we ask about.",
    safetyNet,
  },
};

export type ClinicianAction = {
  tier: TriageTier;
  /** What the clinic does, for staff. */
  summary: string;
  /** Create a clinician task for the patient. */
  createTask: boolean;
  /** The task's deadline in hours from the intake; 0 = now; null = none (a flag may set a sooner one). */
  taskDueWithinHours: number | null;
  /** Send the clinic an immediate message (on-call clinician), beyond the task queue. */
  notifyNow: boolean;
  /** No elective procedure (any injection or surgery) may be scheduled until a clinician has reviewed. */
  blocksElectiveProcedures: boolean;
  /** The decision aid waits until a clinician has reviewed. */
  holdsDecisionAid: boolean;
  /** The review must say what was done (a note): an emergency or urgent flag is acted on, not ticked. */
  reviewNeedsNote: boolean;
};

/**
 * Procedures are held at every flagged tier, not only at emergency: a regenerative injection into a
 * disc before an infection, fracture or cancer has been excluded is the harm triage exists to
 * prevent, and the candidacy checklist would refuse it anyway.
 */
export const clinicianActions: Readonly<Record<TriageTier, ClinicianAction>> = {
  emergency: {
    tier: "emergency",
    summary:
      "Emergency red flag: the patient has been told to go to an emergency department now. Message the " +
      "on-call clinician and open a task to confirm the patient was seen; elective procedures are blocked " +
      "until a clinician has reviewed; the event is logged.",
    createTask: true,
    taskDueWithinHours: 0,
    notifyNow: true,
    blocksElectiveProcedures: true,
    holdsDecisionAid: true,
    reviewNeedsNote: true,
  },
  urgent: {
    tier: "urgent",
    summary:
      "Urgent red flag: a clinician reviews within 24 hours — the same day (4 hours) when a flag says so, such " +
      'as fever or a "not sure" about an emergency sign — and arranges bloods or imaging per protocol (NICE ' +
      "CKS; ACP 2011). Elective procedures and the decision aid wait for that review.",
    createTask: true,
    taskDueWithinHours: 24,
    notifyNow: false,
    blocksElectiveProcedures: true,
    holdsDecisionAid: true,
    reviewNeedsNote: true,
  },
  soon: {
    tier: "soon",
    summary:
      "Flag for clinician review before the decision aid (routine specialist assessment, e.g. rheumatology " +
      "for an inflammatory pattern). Single weak flags rarely mean serious disease (Downie 2013).",
    createTask: true,
    taskDueWithinHours: null,
    notifyNow: false,
    blocksElectiveProcedures: true,
    holdsDecisionAid: true,
    reviewNeedsNote: false,
  },
  none: {
    tier: "none",
    summary: "No red flags reported: proceed to STarT Back stratification and the decision aid.",
    createTask: false,
    taskDueWithinHours: null,
    notifyNow: false,
    blocksElectiveProcedures: false,
    holdsDecisionAid: false,
    reviewNeedsNote: false,
  },
};
