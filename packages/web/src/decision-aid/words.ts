/**
 * The decision aid's own words around the domain content (evidence/): labels for groups,
 * certainty, speed and cost, and the screens' headings. Reading grade ≤ 8 (words.test.ts).
 */
import type { RegistryFigure } from "@evident/domain/api";
import type {
  AverageComparison,
  CostBand,
  CriterionId,
  GradeCertainty,
  OptionGroup,
  OutOf100,
  Speed,
} from "@evident/domain/evidence";

export const groupLabels: Record<OptionGroup, string> = {
  "self-care": "Self-care and waiting",
  "exercise-and-therapy": "Exercise and hands-on care",
  medicine: "Medicines",
  injection: "Shots (injections)",
  surgery: "Surgery",
  "cell-therapy": "Experimental cell shots",
};

/** GRADE wording, as the evidence reviews use it. */
export const certaintyLabels: Record<GradeCertainty, string> = {
  high: "High certainty",
  moderate: "Moderate certainty",
  low: "Low certainty",
  "very low": "Very low certainty",
};

export const speedLabels: Record<Speed, string> = {
  "hours-to-days": "Hours to days",
  weeks: "Weeks",
  months: "Months",
  unknown: "Not known",
};

export const costLabels: Record<CostBand, string> = {
  none: "No cost",
  low: "Low",
  moderate: "Medium",
  high: "High",
  "very high": "Very high",
};

export const aidWords = {
  title: "Your choices of care",
  intro: "Here you can compare the ways to treat back pain. Every choice is shown the same way.",
  compareTitle: "All choices at a glance",
  detailsTitle: "Each choice in detail",
  foldHint: "Tap a choice to read all about it.",
  openAll: "Open every choice",
  closeAll: "Close every choice",
  show: "Show",
  all: "All choices",
  whatItIs: "What it is",
  whatItIsLike: "What it is like",
  benefits: "What may get better",
  harms: "What can go wrong",
  outOf100: "Out of 100 people like you",
  averages: "Compared by average scores",
  sham: "After a fake shot",
  otherNumbers: "Other numbers",
  clinicTitle: "At this clinic",
  certainty: "How sure are the experts?",
  mainNumber: "What fair tests found",
  compareIntro:
    "A fair test compares people who had the care with like people who had other care, or a fake shot. We give each number both ways: how many got better and how many did not.",
  timeToEffect: "Time to work",
  visits: "Visits",
  cost: "Cost",
  status: "Approval status",
  sources: "Sources",
  estimate: "This is our best guess, not a figure from a study.",
  clinicNone:
    "Fewer than 30 people like you have been measured here after this care, so we do not show a number yet.",
  clinicNoneAll:
    "Fewer than 30 people have been measured here after this care, so we do not show a number yet.",
  clinicNoScore: "We need your answers about daily life first. Then we can find people like you.",
  likeYouTitle: "Who are people like you?",
  likeYouIntro:
    "When we show this clinic's numbers, we count only people treated here who were like you before their care. They had the same care, and:",
  likeYouUnknown: "We could not match on these, as we do not know them yet:",
  likeYouMinimum:
    "We show a number only when at least 30 such people were measured. If there are fewer, we say so.",
  likeYouNoScore:
    "To find people like you, we need your answers about your daily life first. Until then we show no numbers from this clinic.",
  everyoneTitle: "Whose numbers are these?",
  everyoneText:
    "No patient is chosen, so the clinic numbers count everyone treated here. Open the decision aid from a patient's page to see people like them.",
  matchedOn: "Matched on",
  notMatchedOn: "To find 30 people, not matched on",
  clinicNotRecorded: "This clinic does not keep numbers for this care yet.",
  clinicCaution:
    "These are before and after numbers from this clinic, without a comparison group. They cannot show that the care caused the change.",
  broader: "This clinic's record groups this care with other care of the same kind.",
  about: "About this guide",
  next: "Next: what matters to you",
  heldTitle: "Your choices open after a check",
  heldNoIntake: "Please answer the safety questions first. Then you can see your choices.",
  heldReview: "A clinician will look at your safety answers first. We will let you know when you can go on.",
  backHome: "Back to your page",
} as const;

/** Short names of the "like you" criteria, for one option's card. */
export const criterionNames: Record<CriterionId, string> = {
  odi: "daily life score",
  startBack: "risk group",
  duration: "how long the pain has lasted",
  age: "age",
};

type ClinicFigure = RegistryFigure;
type Row = { label: string; count: number; countHigh?: number | undefined };

const percent = (x: number) => `${Math.round(x * 100)}%`;
const months = (timepoint: string) => timepoint.replace("m", " months");

/** Who the figure counts: "79 people like you were treated here. 50 of them have reached 12 months. …" */
export function clinicCounts(r: ClinicFigure, likeYou: boolean) {
  const who = likeYou ? "people like you" : "people";
  return `${r.treated} ${who} were treated here. ${r.due} of them have reached ${months(r.timepoint)}. ${r.n} of those ${r.due} (${percent(r.n / r.due)}) told us their back pain before and after.`;
}

/** Both ways round, with the interval: "24 of 31 people (77%) had less back pain; 7 (23%) did not. …" */
export function clinicSentence(r: Pick<ClinicFigure, "n" | "responders" | "share" | "shareCI">) {
  const not = r.n - r.responders;
  return `${r.responders} of ${r.n} people (${percent(r.share)}) had less back pain; ${not} (${percent(not / r.n)}) did not. The true share is likely between ${percent(r.shareCI[0])} and ${percent(r.shareCI[1])}.`;
}

/** What the people without an answer could change: none of them better, or all of them. */
export function clinicMissing(r: ClinicFigure["range"]) {
  if (r.missing === 0) return `All ${r.due} who have reached this point told us, so no one is missing.`;
  return `We do not know about the other ${r.missing} of the ${r.due}. If none of them had less pain, the share would be ${percent(r.lower)}. If all of them did, it would be ${percent(r.upper)}.`;
}

const amount = (r: Row) => (r.countHigh ? `${r.count} to ${r.countHigh}` : String(r.count));
const notAmount = (r: Row) =>
  r.countHigh ? `${100 - r.countHigh} to ${100 - r.count}` : String(100 - r.count);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The screens' sentences that take values: the figures, their labels and the guide's version.
 * Time frames open a clause ("after 12 months", evidence/types.ts), so they go first.
 */
export const aidPhrases = {
  /** Above an icon-array table, and as the glance figure's heading: when, and what was counted. */
  howMany: (t: Pick<OutOf100, "timeFrame" | "outcome">) =>
    `${capitalize(t.timeFrame)}, how many ${t.outcome}:`,
  /** Above an average comparison: when, and what was measured. */
  measured: (a: Pick<AverageComparison, "timeFrame" | "measure">) =>
    `${capitalize(a.timeFrame)}, ${a.measure}:`,
  /** The icon array's text alternative, framed both ways. */
  iconLabel: (r: Row, t: OutOf100) =>
    `${r.label}: ${amount(r)} out of 100 people ${t.outcome}, ${t.timeFrame}; ${notAmount(r)} did not.`,
  experimental: "Experimental",
  experimentalNotApproved: "Experimental, not FDA-approved",
  inUse: "In use",
  choice: "Choice",
  version: (version: string, published: string, reviewBy: string) =>
    `Version ${version}, published ${published}, next review by ${reviewBy}.`,
  sameCare: "same care",
  clinicCounts,
  clinicSentence,
  /** After the clinic sentence: when, and by which rule, people counted as better. */
  clinicResult: (timepoint: string, rule: string | undefined) =>
    `We counted back pain ${months(timepoint)} after starting (${rule}).`,
  clinicMissing,
};

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type AidWords = { readonly [K in keyof typeof aidWords]: string };
export type AidPhrases = { readonly [K in keyof typeof aidPhrases]: Widen<(typeof aidPhrases)[K]> };
