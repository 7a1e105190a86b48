/**
 * Red-flag triage rules as versioned data (domain reference §3.1 and §3.3). Each rule names the
 * answers that trigger it, what it may suggest, the clinician's action, its tier and its sources.
 * Change a rule → bump `triageRulesVersion`: stored results name the version that produced them.
 *
 * Why the tiers are where they are (sources in each rule; NICE CKS: red flags raise suspicion,
 * they do not diagnose, and single weak flags are rarely informative — Downie 2013):
 * - Any cauda equina feature is an emergency (same-day assessment and MRI).
 * - Progressive leg weakness is an emergency (the triage spec; ACP/APS 2007 asks for prompt
 *   imaging). New trouble walking alone is urgent: the reference row says "emergency or urgent",
 *   and a new deficit with fever or a cancer history is an emergency through its own rule.
 * - Suspected spinal infection is an emergency: fever or chills with a recent spinal procedure,
 *   injected drugs, a weak immune system or a recent infection. ACP 2011 asks for immediate
 *   imaging when infection is suspected (fever with IV drug use or a recent infection), and an
 *   epidural abscess can compress the cord within hours; the registry's own needle procedures
 *   make a post-procedure infection likely enough to name.
 * - Fever alone is urgent with a same-day task (4 hours): the reference row says "urgent, same
 *   day if febrile", and a patient who reports fever is febrile or was. A rule's
 *   `dueWithinHours` makes its task due sooner than its tier's 24 hours.
 * - A cancer history, major trauma and long-term steroids are urgent; a cancer history has the
 *   highest post-test probability of any single malignancy flag (~33%, Downie 2013), as does
 *   prolonged steroid use for fracture.
 * - Age 70 or over with a minor fall, strain or lifting is urgent (fragility fracture). Henschke
 *   2009 found age over 70 one of only three informative fracture flags (with steroids and major
 *   trauma); we take 70 itself too, erring toward review. Osteoporosis or long-term steroids make
 *   minor trauma urgent at any age.
 * - Weak flags alone (weight loss, night pain, thoracic pain, new pain over 50, under 20, an
 *   inflammatory pattern, osteoporosis, an infection risk factor, new or spreading numbness or
 *   tingling) are `soon`: they hold the decision aid for a clinician's review. Weight loss with
 *   another malignancy sign is urgent, because the reference keeps "soon" for weight loss
 *   *without* other flags. New numbness is a neurological symptom a clinician should examine
 *   (ACP/APS 2007 asks for a focused neurological examination); with fever or a cancer history it
 *   is an emergency through those rules.
 * - Some answers raise no flag alone — a recent spinal procedure, a minor fall or lifting strain
 *   under 70, morning stiffness, relief with exercise — because they are common in ordinary back
 *   pain; each matters in a pair, which has its own rule.
 * - "Not sure" never counts as "no" (triage/evaluate.ts): a question answered "not sure" raises a
 *   flag of its own, urgent with a same-day task if a yes would make the intake an emergency,
 *   otherwise `soon` so the clinician asks.
 *
 * Derived choices (no source gives them; each errs toward review):
 * - "New" pain over 50 means it began under 12 weeks ago, the usual line between recent-onset and
 *   persistent back pain (Costa 2012 uses it). The guideline flag is onset after 50; in a chronic-
 *   pain clinic that would flag most older patients, so we need a time limit and say which.
 * - After a spinal procedure, pain getting worse is urgent (possible discitis); with fever it is
 *   the spinal-infection emergency. The reference marks this row [R]; it is kept because missing
 *   a post-injection infection is worse than one extra review.
 * - The inflammatory pattern is two of the four Berlin criteria (Rudwaleit 2006: morning stiffness
 *   over 30 minutes; better with exercise, not rest). The reference marks its sources [R]; the
 *   criteria were checked against secondary summaries. It only reaches `soon`, which adds a review
 *   and withholds no care.
 * - "Same day" is 4 hours: the clinic must reach the patient while there is still a working day
 *   to arrange bloods or imaging.
 */
import type { CitationKey } from "../citations";
import type { BooleanAnswerId, NumericAnswerId } from "./intake";
import type { TriageTier } from "./tiers";

export const triageRulesVersion = "2026-12-01.1";

/** A same-day clinician task: due within this many hours of the intake. */
export const SAME_DAY_HOURS = 4;

/** The ids of the flags a "not sure" answer raises (triage/evaluate.ts); not rules of their own. */
export const unsureFlagIds = { emergencySign: "unsure-emergency-sign", other: "unsure-answer" } as const;

/** A yes answer, or a number compared with a bound (above: >, below: <). */
export type TriggerTerm = BooleanAnswerId | { answer: NumericAnswerId; above?: number; below?: number };

/** Fires when every `all` term holds and, if `any` is given, at least one `any` term holds. */
export type Trigger = { all: readonly TriggerTerm[]; any?: readonly TriggerTerm[] };

export type TriageRule = {
  id: string;
  trigger: Trigger;
  /** What the answers may suggest, for the clinician (a suspicion, never a diagnosis). */
  suggests: string;
  /** What the clinician should do about this flag. */
  action: string;
  tier: TriageTier;
  source: readonly CitationKey[];
  /** The task's deadline when it must be sooner than the tier's (e.g. same day for fever). */
  dueWithinHours?: number;
};

const CES = "Cauda equina syndrome";
const CES_ACTION =
  "Emergency: same-day hospital assessment and emergency MRI; cauda equina syndrome is a surgical emergency.";
const CES_SOURCES = ["niceCks", "glosRedFlags"] as const;
const NEW_DEFICIT = ["numbnessOrTingling", "gaitDisturbance"] as const;
const INFECTION_RISKS = [
  "recentSpinalProcedure",
  "ivDrugUse",
  "immunosuppressed",
  "recentInfection",
] as const;

export const triageRules: readonly TriageRule[] = [
  // Emergency
  {
    id: "ces-bladder",
    trigger: { all: ["bladderDysfunction"] },
    suggests: `${CES} (retention, new incontinence, reduced bladder sensation, poor stream)`,
    action: CES_ACTION,
    tier: "emergency",
    source: CES_SOURCES,
  },
  {
    id: "ces-bowel",
    trigger: { all: ["bowelIncontinence"] },
    suggests: `${CES} (faecal incontinence or loss of sphincter control)`,
    action: CES_ACTION,
    tier: "emergency",
    source: CES_SOURCES,
  },
  {
    id: "ces-saddle",
    trigger: { all: ["saddleNumbness"] },
    suggests: `${CES} (saddle, perianal or perineal sensory change)`,
    action: CES_ACTION,
    tier: "emergency",
    source: CES_SOURCES,
  },
  {
    id: "ces-bilateral-legs",
    trigger: { all: ["bilateralLegSymptoms"] },
    suggests: `${CES} (new bilateral leg symptoms)`,
    action: CES_ACTION,
    tier: "emergency",
    source: CES_SOURCES,
  },
  {
    id: "ces-sexual",
    trigger: { all: ["newSexualDysfunction"] },
    suggests: `${CES} (new sexual dysfunction)`,
    action: CES_ACTION,
    tier: "emergency",
    source: CES_SOURCES,
  },
  {
    id: "progressive-leg-weakness",
    trigger: { all: ["progressiveLegWeakness"] },
    suggests: "Cauda equina syndrome, cord compression or severe radiculopathy (progressive motor deficit)",
    action: "Emergency assessment and prompt imaging for a severe or progressive neurological deficit.",
    tier: "emergency",
    source: ["chou2007", "niceCks"],
  },
  {
    id: "fever-with-new-deficit",
    trigger: { all: ["feverOrChills"], any: NEW_DEFICIT },
    suggests:
      "Spinal infection (epidural abscess, discitis, vertebral osteomyelitis) with neurological involvement",
    action: "Emergency: same-day assessment, bloods (FBC, CRP/ESR) and MRI.",
    tier: "emergency",
    source: ["niceCks", "glosRedFlags"],
  },
  {
    id: "spinal-infection",
    trigger: { all: ["feverOrChills"], any: INFECTION_RISKS },
    suggests:
      "Spinal infection (epidural abscess, discitis, vertebral osteomyelitis): fever with a risk factor (recent spinal procedure, injected drugs, weak immune system or recent infection)",
    action:
      "Emergency: same-day hospital assessment, bloods (FBC, CRP/ESR, blood cultures) and immediate MRI; after a procedure, tell the treating team and open an adverse event.",
    tier: "emergency",
    source: ["chou2011", "niceCks", "glosRedFlags"],
  },
  {
    id: "cancer-with-new-deficit",
    trigger: { all: ["cancerHistory"], any: NEW_DEFICIT },
    suggests: "Metastatic spinal cord compression",
    action: "Emergency: contact the metastatic spinal cord compression pathway today.",
    tier: "emergency",
    source: ["niceCks", "downie2013"],
  },
  {
    id: "pulsatile-abdominal-mass",
    trigger: { all: ["pulsatileAbdominalMass"] },
    suggests: "Symptomatic abdominal aortic aneurysm",
    action: "Emergency: a painful aneurysm may be leaking; emergency department now.",
    tier: "emergency",
    source: ["robinson2013"],
  },
  // Urgent
  {
    id: "new-gait-disturbance",
    trigger: { all: ["gaitDisturbance"] },
    suggests: "Cord compression, cauda equina syndrome or severe radiculopathy (new gait disturbance)",
    action:
      "Urgent: clinician review within 24 h; prompt imaging if a severe or progressive deficit is found.",
    tier: "urgent",
    source: ["chou2007", "niceCks"],
  },
  {
    id: "cancer-history",
    trigger: { all: ["cancerHistory"] },
    suggests: "Spinal malignancy or metastasis (highest post-test probability of any single flag, ~33%)",
    action: "Urgent: clinician review within 24 h; MRI within days per the local metastatic pathway.",
    tier: "urgent",
    source: ["downie2013", "niceCks"],
  },
  {
    id: "fever",
    trigger: { all: ["feverOrChills"] },
    suggests: "Spinal infection (discitis, vertebral osteomyelitis, epidural abscess)",
    action: `Urgent, same day: reach the patient within ${SAME_DAY_HOURS} hours; bloods (FBC, CRP/ESR) and MRI if febrile or unwell.`,
    tier: "urgent",
    source: ["niceCks", "glosRedFlags", "chou2011"],
    dueWithinHours: SAME_DAY_HOURS,
  },
  {
    id: "post-procedure-worsening",
    trigger: { all: ["recentSpinalProcedure", "worseningPainDespiteTreatment"] },
    suggests: "Post-procedural discitis or infection (pain getting worse after a spinal procedure)",
    action: "Urgent: route to the treating team and the adverse-event pathway; bloods and MRI.",
    tier: "urgent",
    source: ["niceCks"],
  },
  {
    id: "major-trauma",
    trigger: { all: ["significantTrauma"] },
    suggests: "Vertebral fracture",
    action: "Urgent imaging.",
    tier: "urgent",
    source: ["downie2013", "glosRedFlags"],
  },
  {
    id: "minor-trauma-fragile-bone",
    trigger: { all: ["minorTraumaOrLifting"], any: ["osteoporosis", "longTermSteroids"] },
    suggests: "Osteoporotic vertebral fracture",
    action: "Urgent imaging.",
    tier: "urgent",
    source: ["niceCks", "glosRedFlags"],
  },
  {
    id: "older-minor-trauma",
    trigger: { all: ["minorTraumaOrLifting", { answer: "age", above: 69 }] },
    suggests:
      "Osteoporotic (fragility) vertebral fracture: age 70 or over with a minor fall, strain or lifting",
    action: "Urgent imaging.",
    tier: "urgent",
    source: ["henschke2009", "niceCks", "glosRedFlags"],
  },
  {
    id: "long-term-steroids",
    trigger: { all: ["longTermSteroids"] },
    suggests: "Vertebral fracture (prolonged corticosteroids: post-test probability ~33%); also infection",
    action: "Urgent review; imaging if the pain is sudden or severe.",
    tier: "urgent",
    source: ["downie2013"],
  },
  {
    id: "weight-loss-with-other-signs",
    trigger: {
      all: ["unexplainedWeightLoss"],
      any: ["nightPainAtRest", "thoracicPain", "worseningPainDespiteTreatment", { answer: "age", above: 50 }],
    },
    suggests: "Spinal malignancy (several weak flags together)",
    action: "Urgent review; bloods and imaging if suspicion persists.",
    tier: "urgent",
    source: ["niceCks", "downie2013"],
  },
  // Soon
  {
    id: "weight-loss",
    trigger: { all: ["unexplainedWeightLoss"] },
    suggests: "Malignancy (weak alone)",
    action: "Clinician review before the decision aid; imaging if suspicion persists.",
    tier: "soon",
    source: ["niceCks", "chou2011"],
  },
  {
    id: "new-pain-over-50",
    trigger: {
      all: [
        { answer: "age", above: 50 },
        { answer: "painDurationWeeks", below: 12 },
      ],
    },
    suggests: "Malignancy, fracture or infection (low specificity alone)",
    action: "Clinician review before the decision aid; combine with other findings.",
    tier: "soon",
    source: ["niceCks", "glosRedFlags", "downie2013"],
  },
  {
    id: "under-20",
    trigger: { all: [{ answer: "age", below: 20 }] },
    suggests: "Onset under 20: malignancy, inflammatory disease or structural cause (low specificity)",
    action: "Clinician review before the decision aid.",
    tier: "soon",
    source: ["glosRedFlags", "niceCks"],
  },
  {
    id: "night-pain",
    trigger: { all: ["nightPainAtRest"] },
    suggests: "Malignancy or infection (persistent night pain or pain at rest)",
    action: "Prompt clinician review before the decision aid.",
    tier: "soon",
    source: ["glosRedFlags", "niceCks"],
  },
  {
    id: "thoracic-pain",
    trigger: { all: ["thoracicPain"] },
    suggests: "Malignancy; thoracic pain can also be aortic",
    action: "Prompt clinician review before the decision aid.",
    tier: "soon",
    source: ["glosRedFlags", "niceCks"],
  },
  {
    id: "not-improving",
    trigger: { all: ["worseningPainDespiteTreatment"] },
    suggests: "Failure to improve with treatment: reconsider the diagnosis (malignancy among others)",
    action: "Clinician review before the decision aid.",
    tier: "soon",
    source: ["niceCks"],
  },
  {
    id: "new-numbness",
    trigger: { all: ["numbnessOrTingling"] },
    suggests: "Nerve root compression or another neurological cause (new or spreading numbness or tingling)",
    action:
      "Clinician review before the decision aid with a neurological examination; emergency pathway if weakness, bladder, bowel or saddle symptoms are found.",
    tier: "soon",
    source: ["chou2007", "niceCks"],
  },
  {
    id: "inflammatory-pattern",
    trigger: { all: ["morningStiffnessOver30Min", "improvesWithExercise"] },
    suggests: "Inflammatory back pain (axial spondyloarthritis)",
    action: "Non-urgent rheumatology referral to consider; clinician review before the decision aid.",
    tier: "soon",
    source: ["rudwaleit2006", "niceNg59"],
  },
  {
    id: "fragile-bone",
    trigger: { all: ["osteoporosis"] },
    suggests: "Fracture risk",
    action: "Clinician review before the decision aid; imaging if pain is sudden or severe.",
    tier: "soon",
    source: ["downie2013", "niceCks"],
  },
  {
    id: "infection-risk-factor",
    trigger: { all: [], any: ["ivDrugUse", "immunosuppressed", "recentInfection"] },
    suggests: "Spinal infection risk factor (with fever, it is the spinal-infection emergency)",
    action: "Clinician review before the decision aid; bloods if unwell.",
    tier: "soon",
    source: ["niceCks", "glosRedFlags"],
  },
];
