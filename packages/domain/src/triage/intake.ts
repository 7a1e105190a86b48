/**
 * The red-flag intake: its answer ids (a public contract: API, portal, CLI, stored answers — add,
 * never rename), the questions as data for the portal, and the schema that checks answers.
 *
 * Questions ask what a patient can report themselves (NICE CKS: ask about perineal numbness
 * explicitly, patients may not volunteer it). Signs only an examination finds — anal tone,
 * reflexes, post-void residual — are left for the clinician, not guessed (domain reference §3.3).
 *
 * Unanswered is not "no". Every yes/no question takes true, false or "unsure", and an intake with
 * any question missing or null is refused: a skipped question about the bladder must never read
 * as "no problem with the bladder". Two kinds of refusal, so a caller can tell them apart:
 * - malformed (a wrong type, an unknown field, a number out of range): 400, as for any bad input;
 * - well-formed but incomplete (a question missing or null, an age that contradicts the birth
 *   date on record): 422, once nothing is malformed.
 * Intakes stored before this rule (rules versions up to 2026-11-22.1) may lack answers; they keep
 * the result they were given and are never judged again.
 */
import { z } from "zod";
import { badRequest, type Issue, issuesFromZod, unprocessable } from "../errors";

export const booleanAnswerIds = [
  "bladderDysfunction",
  "bowelIncontinence",
  "saddleNumbness",
  "bilateralLegSymptoms",
  "newSexualDysfunction",
  "progressiveLegWeakness",
  "gaitDisturbance",
  "cancerHistory",
  "unexplainedWeightLoss",
  "feverOrChills",
  "recentInfection",
  "ivDrugUse",
  "immunosuppressed",
  "recentSpinalProcedure",
  "significantTrauma",
  "minorTraumaOrLifting",
  "osteoporosis",
  "longTermSteroids",
  "nightPainAtRest",
  "thoracicPain",
  "morningStiffnessOver30Min",
  "improvesWithExercise",
  "pulsatileAbdominalMass",
  "numbnessOrTingling",
  "worseningPainDespiteTreatment",
] as const;
export type BooleanAnswerId = (typeof booleanAnswerIds)[number];

export const numericAnswerIds = ["age", "painDurationWeeks"] as const;
export type NumericAnswerId = (typeof numericAnswerIds)[number];

export type IntakeAnswerId = NumericAnswerId | BooleanAnswerId;
export const intakeAnswerIds: readonly IntakeAnswerId[] = [...numericAnswerIds, ...booleanAnswerIds];

/** "Not sure": neither yes nor no. It never counts as "no" (see triage/evaluate.ts). */
export const unsure = "unsure" as const;
export type YesNoAnswer = boolean | typeof unsure;

/** Validated, complete intake answers: every question answered. */
export type IntakeAnswers = { age: number; painDurationWeeks: number } & {
  [K in BooleanAnswerId]: YesNoAnswer;
};

/** Well-formed answers that may still be incomplete (what the API's request schema admits). */
export type IntakeAnswersInput = { age?: number | null; painDurationWeeks?: number | null } & {
  [K in BooleanAnswerId]?: YesNoAnswer | null;
};

export const ageBounds = { min: 0, max: 120 } as const;
/** 120 years in weeks: no longer than the oldest age allowed. */
export const durationBounds = { min: 0, max: 120 * 52 } as const;

export type IntakeTopic = "about-you" | "nerves" | "infection" | "cancer" | "injury-and-bones" | "pattern";

export type IntakeQuestion = {
  id: IntakeAnswerId;
  topic: IntakeTopic;
  /** The question, in plain words (reading grade ≤ 8, checked by a test). */
  text: string;
  /** Shown under the question: examples and why we ask. */
  help: string;
} & ({ type: "boolean" } | { type: "integer"; min: number; max: number; unit: string });

/** In the order the portal asks them: the most urgent topics first. */
export const intakeQuestions: readonly IntakeQuestion[] = [
  {
    id: "age",
    topic: "about-you",
    type: "integer",
    ...ageBounds,
    unit: "years",
    text: "How old are you?",
    help: "Your age in years.",
  },
  {
    id: "painDurationWeeks",
    topic: "about-you",
    type: "integer",
    ...durationBounds,
    unit: "weeks",
    text: "How many weeks ago did this back pain start?",
    help: "Count from when this bout of pain began. One year is about 52 weeks.",
  },
  {
    id: "bladderDysfunction",
    topic: "nerves",
    type: "boolean",
    text: "Since your back pain began, is your bladder not working as it should?",
    help: "For example, you cannot pee, you leak pee, you cannot tell when you need to go, or the flow is weak.",
  },
  {
    id: "bowelIncontinence",
    topic: "nerves",
    type: "boolean",
    text: "Have you lost control of your bowels?",
    help: "For example, poo comes out when you do not mean it to, or you cannot hold it in.",
  },
  {
    id: "saddleNumbness",
    topic: "nerves",
    type: "boolean",
    text: "Is the skin between your legs or around your bottom numb, or does it feel strange?",
    help: "This is the skin you would sit on in a saddle. People often do not think to mention it, so we ask everyone.",
  },
  {
    id: "bilateralLegSymptoms",
    topic: "nerves",
    type: "boolean",
    text: "Do you have new pain, numbness or weakness in both legs?",
    help: "Answer yes only if it is in both legs, and it is new or getting worse.",
  },
  {
    id: "newSexualDysfunction",
    topic: "nerves",
    type: "boolean",
    text: "Since your back pain began, have you had new problems with sex?",
    help: "For example, less feeling in your private parts, or new trouble getting hard or reaching a climax.",
  },
  {
    id: "progressiveLegWeakness",
    topic: "nerves",
    type: "boolean",
    text: "Is a leg or foot getting weaker?",
    help: "For example, your foot slaps the ground or catches on steps, or a knee gives way, and it is getting worse.",
  },
  {
    id: "gaitDisturbance",
    topic: "nerves",
    type: "boolean",
    text: "Do you have new trouble walking?",
    help: "For example, you feel unsteady, or your legs do not do what you want them to.",
  },
  {
    id: "numbnessOrTingling",
    topic: "nerves",
    type: "boolean",
    text: "Do you have numbness or pins and needles in a leg or foot that is new or getting worse?",
    help: "Answer no if it has been the same for a long time.",
  },
  {
    id: "feverOrChills",
    topic: "infection",
    type: "boolean",
    text: "Have you had a fever, chills or shaking with your back pain?",
    help: "For example, you felt hot and shivery, or a thermometer showed a fever.",
  },
  {
    id: "recentInfection",
    topic: "infection",
    type: "boolean",
    text: "Have you had an infection in the last few weeks?",
    help: "For example, a bladder infection, a chest infection or an infected cut.",
  },
  {
    id: "ivDrugUse",
    topic: "infection",
    type: "boolean",
    text: "Have you ever injected drugs that a doctor did not give you?",
    help: "We ask everyone this. It can raise the chance of an infection in the spine. Your answer is private.",
  },
  {
    id: "immunosuppressed",
    topic: "infection",
    type: "boolean",
    text: "Is your immune system weak, or do you take a medicine that weakens it?",
    help: "For example, cancer drugs, medicine after a transplant, or HIV.",
  },
  {
    id: "recentSpinalProcedure",
    topic: "infection",
    type: "boolean",
    text: "Have you had a spine shot or spine surgery in the last few months?",
    help: "This includes a shot into a disc or a joint of the spine, a nerve block, or any operation on your back.",
  },
  {
    id: "cancerHistory",
    topic: "cancer",
    type: "boolean",
    text: "Have you ever had cancer?",
    help: "Answer yes even if it was long ago or it was treated.",
  },
  {
    id: "unexplainedWeightLoss",
    topic: "cancer",
    type: "boolean",
    text: "Have you lost weight without trying?",
    help: "For example, your clothes got loose in the last few months and you were not trying to lose weight.",
  },
  {
    id: "nightPainAtRest",
    topic: "cancer",
    type: "boolean",
    text: "Is your pain bad at night or when you rest, even when you lie down?",
    help: "Answer yes if lying down does not ease it.",
  },
  {
    id: "thoracicPain",
    topic: "cancer",
    type: "boolean",
    text: "Do you have pain in the middle or upper part of your back?",
    help: "This is the part between or just below your shoulder blades.",
  },
  {
    id: "worseningPainDespiteTreatment",
    topic: "cancer",
    type: "boolean",
    text: "Is your pain getting worse, even with care?",
    help: "For example, it keeps getting worse, or it has not eased at all after about a month of care.",
  },
  {
    id: "significantTrauma",
    topic: "injury-and-bones",
    type: "boolean",
    text: "Did your pain start after a bad injury, like a car crash or a fall from a height?",
    help: "Answer yes if the pain began at the time of the injury or soon after.",
  },
  {
    id: "minorTraumaOrLifting",
    topic: "injury-and-bones",
    type: "boolean",
    text: "Did your pain start after a small fall, a strain or lifting something?",
    help: "For example, a trip, a slip or lifting a heavy bag.",
  },
  {
    id: "osteoporosis",
    topic: "injury-and-bones",
    type: "boolean",
    text: "Have you been told you have thin or weak bones?",
    help: "Doctors call this osteoporosis.",
  },
  {
    id: "longTermSteroids",
    topic: "injury-and-bones",
    type: "boolean",
    text: "Have you taken steroid pills or shots for months at a time?",
    help: "For example, prednisone. Steroid inhalers and skin creams do not count.",
  },
  {
    id: "morningStiffnessOver30Min",
    topic: "pattern",
    type: "boolean",
    text: "Is your back stiff for more than 30 minutes after you get up?",
    help: "Think about most mornings in the last few weeks.",
  },
  {
    id: "improvesWithExercise",
    topic: "pattern",
    type: "boolean",
    text: "Does your back feel better when you move about, but not when you rest?",
    help: "Answer yes if moving helps and rest does not.",
  },
  {
    id: "pulsatileAbdominalMass",
    topic: "pattern",
    type: "boolean",
    text: "Can you feel a lump in your belly that beats like a pulse?",
    help: "Answer yes if you can feel a throbbing lump when you press on your belly.",
  },
];

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined || iss.input === null ? "is required" : `must be ${what}`;

const yesNo = z
  .union([z.boolean(), z.literal(unsure)], { error: 'must be true, false or "unsure"' })
  .nullish();

const wholeNumber = (what: string, min: number, max: number, tooLow: string) =>
  z
    .int({ error: required(`a whole number of ${what}`) })
    .min(min, tooLow)
    .max(max, `must be at most ${max} ${what}`)
    .nullish();

/**
 * The form of intake answers: names each malformed field (unknown, wrong type, out of range).
 * Missing answers pass here; `checkIntakeAnswers` refuses them (422), so a request schema built
 * on this one can tell "malformed" (400) from "incomplete" (422).
 */
export const IntakeAnswersSchema = z.strictObject({
  age: wholeNumber("years", ageBounds.min, ageBounds.max, "must be 0 to 120 years"),
  painDurationWeeks: wholeNumber("weeks", durationBounds.min, durationBounds.max, "must not be negative"),
  ...(Object.fromEntries(booleanAnswerIds.map((id) => [id, yesNo])) as Record<BooleanAnswerId, typeof yesNo>),
});

export const unknownIntakeField = "is not an intake question";
export const missingYesNo = 'is required: answer true, false or "unsure"';
export const missingNumber = "is required";

export type CheckOptions = {
  /**
   * The age from the birth date on record, on the intake's date. Given, the answers may leave
   * `age` out (it is taken from the record); a typed age that differs is refused.
   */
  ageOnRecord?: number;
  /** Prefix of every issue's path, e.g. "answers." for a request body `{answers: {...}}`. */
  at?: string;
};

/** Every question without an answer (absent or null), and an age that contradicts the record. */
function incompleteness(a: IntakeAnswersInput, opts: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  if (opts.ageOnRecord === undefined) {
    if (a.age == null) issues.push({ path: "age", message: missingNumber });
  } else if (a.age != null && a.age !== opts.ageOnRecord)
    issues.push({
      path: "age",
      message: `does not match the birth date on record (${opts.ageOnRecord} years on the intake's date); leave it out to use the record`,
    });
  if (a.painDurationWeeks == null) issues.push({ path: "painDurationWeeks", message: missingNumber });
  for (const id of booleanAnswerIds) if (a[id] == null) issues.push({ path: id, message: missingYesNo });
  return issues;
}

/**
 * Checks raw intake answers and returns them complete: a bad-request error (400) naming each
 * malformed field, or, when every field is well-formed, an unprocessable error (422) naming each
 * missing answer (and an age that contradicts the record), in the questions' order.
 */
export function checkIntakeAnswers(raw: unknown, opts: CheckOptions = {}): IntakeAnswers {
  const at = (issues: Issue[]) => issues.map((i) => ({ ...i, path: `${opts.at ?? ""}${i.path}` }));
  const result = IntakeAnswersSchema.safeParse(raw);
  if (!result.success) throw badRequest(at(issuesFromZod(result.error, unknownIntakeField)));
  const missing = incompleteness(result.data, opts);
  if (missing.length > 0) throw unprocessable(at(missing));
  const answers = { ...result.data };
  if (opts.ageOnRecord !== undefined) answers.age = opts.ageOnRecord;
  return answers as IntakeAnswers;
}

/** Checks raw intake answers where no record gives the age (the CLI): age is required. */
export const parseIntakeAnswers = (raw: unknown): IntakeAnswers => checkIntakeAnswers(raw);
