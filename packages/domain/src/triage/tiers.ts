/**
 * Triage tiers (domain reference §3.3, derived from NICE CKS, ACP/APS 2007 and the UK red-flag
 * pathways, not from one source): what each tier tells the patient to do now, and what the clinic
 * must do. Tiers are ordered; the highest tier any rule reaches is the result.
 *
 * Patient text is plain (reading grade ≤ 8, checked by a test) and always ends with a safety net:
 * the cauda equina signs to act on at once, because a red flag can appear after the intake.
 */

export const triageTiers = ["emergency", "urgent", "soon", "none"] as const;
export type TriageTier = (typeof triageTiers)[number];

/** Higher is more urgent: none 0, soon 1, urgent 2, emergency 3. */
export const tierRank = (tier: TriageTier): number => triageTiers.length - 1 - triageTiers.indexOf(tier);

export const higherTier = (a: TriageTier, b: TriageTier): TriageTier => (tierRank(a) >= tierRank(b) ? a : b);

export type PatientAdvice = {
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
  "Go to an emergency department at once if you cannot pee or you lose control of your bowels. Go at once, " +
  "too, if the skin between your legs goes numb or your legs get weak.";

export const patientAdvice: Readonly<Record<TriageTier, PatientAdvice>> = {
  emergency: {
    tier: "emergency",
    title: "Get help now",
    whatToDo:
      "Go to an emergency department now, or call emergency services. Do not wait for your next visit. " +
      "If you are not sure, go anyway. Your clinic will be told too, but do not wait for them to call you.",
    why:
      "Your answers show signs of a problem that may need care today. It could be pressure on the nerves at " +
      "the base of your spine, an infection, or a problem with a large blood vessel. Some of these can cause " +
      "harm that lasts, like losing control of your bladder or legs, if they are not treated fast.",
    safetyNet,
  },
  urgent: {
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
  /** The task's deadline in hours from the intake; 0 = now; null = no task. */
  taskDueWithinHours: number | null;
  /** Send the clinic an immediate message (on-call clinician), beyond the task queue. */
  notifyNow: boolean;
  /** No elective procedure (any injection or surgery) may be scheduled until a clinician has reviewed. */
  blocksElectiveProcedures: boolean;
  /** The decision aid waits until a clinician has reviewed. */
  holdsDecisionAid: boolean;
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
  },
  urgent: {
    tier: "urgent",
    summary:
      "Urgent red flag: a clinician reviews within 24 hours and arranges bloods or imaging per protocol " +
      "(NICE CKS; ACP 2011). Elective procedures and the decision aid wait for that review.",
    createTask: true,
    taskDueWithinHours: 24,
    notifyNow: false,
    blocksElectiveProcedures: true,
    holdsDecisionAid: true,
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
  },
  none: {
    tier: "none",
    summary: "No red flags reported: proceed to STarT Back stratification and the decision aid.",
    createTask: false,
    taskDueWithinHours: null,
    notifyNow: false,
    blocksElectiveProcedures: false,
    holdsDecisionAid: false,
  },
};
