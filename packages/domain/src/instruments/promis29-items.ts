/**
 * The 29 PROMIS-29 Profile v2.1 items in form order, with their stems and the score of each
 * response as the HealthMeasures scoring manual counts it. The stored answer is that score, so
 * the reverse-scored items carry their reversal in their options: Sleep109 (very poor = 5 … very
 * good = 1), Sleep116 (not at all = 5 … very much = 1); Physical Function (without any
 * difficulty = 5) and Ability to Participate (never = 5) run so that higher = better.
 *
 * Provenance: `tables/source/promis29_v2.1_items.csv` (texts, stems, options and scores; the
 * test compares every item with it). Form order and the 0–10 pain anchors have medium
 * confidence: check them against the licensed form. The Ability to Participate stem ("In the past
 * 7 days") follows the HealthMeasures Adult Profile guide; one bank file shows no stem.
 *
 * PROMIS item texts are © PROMIS Health Organization and HealthMeasures, free for clinical and
 * research use with attribution; electronic administration needs HealthMeasures' permission.
 */
import type { Item, ItemOption } from "./types";

const scale = (...labels: readonly (readonly [string, number])[]): readonly ItemOption[] =>
  labels.map(([label, value]) => ({ label, value }));

const ability = scale(
  ["Without any difficulty", 5],
  ["With a little difficulty", 4],
  ["With some difficulty", 3],
  ["With much difficulty", 2],
  ["Unable to do", 1],
);
const frequency = scale(["Never", 1], ["Rarely", 2], ["Sometimes", 3], ["Often", 4], ["Always", 5]);
const intensity = scale(
  ["Not at all", 1],
  ["A little bit", 2],
  ["Somewhat", 3],
  ["Quite a bit", 4],
  ["Very much", 5],
);
// Reverse-scored: a good night scores low, because the domain measures sleep *disturbance*.
const sleepQuality = scale(["Very poor", 5], ["Poor", 4], ["Fair", 3], ["Good", 2], ["Very good", 1]);
const intensityReversed = scale(
  ["Not at all", 5],
  ["A little bit", 4],
  ["Somewhat", 3],
  ["Quite a bit", 2],
  ["Very much", 1],
);
// "Trouble doing…" items: never having trouble is the best participation, so it scores 5.
const participation = scale(["Never", 5], ["Rarely", 4], ["Sometimes", 3], ["Usually", 2], ["Always", 1]);

const rows: readonly (readonly [
  id: string,
  group: string,
  context: string,
  text: string,
  options: readonly ItemOption[],
])[] = [
  [
    "PFA11",
    "physical_function",
    "Are you able to...",
    "Are you able to do chores such as vacuuming or yard work?",
    ability,
  ],
  [
    "PFA21",
    "physical_function",
    "Are you able to...",
    "Are you able to go up and down stairs at a normal pace?",
    ability,
  ],
  [
    "PFA23",
    "physical_function",
    "Are you able to...",
    "Are you able to go for a walk of at least 15 minutes?",
    ability,
  ],
  ["PFA53", "physical_function", "Are you able to...", "Are you able to run errands and shop?", ability],
  ["EDANX01", "anxiety", "In the past 7 days", "I felt fearful", frequency],
  [
    "EDANX40",
    "anxiety",
    "In the past 7 days",
    "I found it hard to focus on anything other than my anxiety",
    frequency,
  ],
  ["EDANX41", "anxiety", "In the past 7 days", "My worries overwhelmed me", frequency],
  ["EDANX53", "anxiety", "In the past 7 days", "I felt uneasy", frequency],
  ["EDDEP04", "depression", "In the past 7 days", "I felt worthless", frequency],
  ["EDDEP06", "depression", "In the past 7 days", "I felt helpless", frequency],
  ["EDDEP29", "depression", "In the past 7 days", "I felt depressed", frequency],
  ["EDDEP41", "depression", "In the past 7 days", "I felt hopeless", frequency],
  ["HI7", "fatigue", "During the past 7 days:", "I feel fatigued", intensity],
  [
    "AN3",
    "fatigue",
    "During the past 7 days:",
    "I have trouble starting things because I am tired",
    intensity,
  ],
  ["FATEXP41", "fatigue", "In the past 7 days", "How run-down did you feel on average?", intensity],
  ["FATEXP40", "fatigue", "In the past 7 days", "How fatigued were you on average?", intensity],
  ["Sleep109", "sleep_disturbance", "In the past 7 days", "My sleep quality was...", sleepQuality],
  ["Sleep116", "sleep_disturbance", "In the past 7 days", "My sleep was refreshing.", intensityReversed],
  ["Sleep20", "sleep_disturbance", "In the past 7 days", "I had a problem with my sleep.", intensity],
  ["Sleep44", "sleep_disturbance", "In the past 7 days", "I had difficulty falling asleep.", intensity],
  [
    "SRPPER11_CaPS",
    "social_roles",
    "In the past 7 days",
    "I have trouble doing all of my regular leisure activities with others",
    participation,
  ],
  [
    "SRPPER18_CaPS",
    "social_roles",
    "In the past 7 days",
    "I have trouble doing all of the family activities that I want to do",
    participation,
  ],
  [
    "SRPPER23_CaPS",
    "social_roles",
    "In the past 7 days",
    "I have trouble doing all of my usual work (include work at home)",
    participation,
  ],
  [
    "SRPPER46_CaPS",
    "social_roles",
    "In the past 7 days",
    "I have trouble doing all of the activities with friends that I want to do",
    participation,
  ],
  [
    "PAININ9",
    "pain_interference",
    "In the past 7 days",
    "How much did pain interfere with your day to day activities?",
    intensity,
  ],
  [
    "PAININ22",
    "pain_interference",
    "In the past 7 days",
    "how much did pain interfere with work around the home?",
    intensity,
  ],
  [
    "PAININ31",
    "pain_interference",
    "In the past 7 days",
    "How much did pain interfere with your ability to participate in social activities?",
    intensity,
  ],
  [
    "PAININ34",
    "pain_interference",
    "In the past 7 days",
    "How much did pain interfere with your household chores?",
    intensity,
  ],
];

/** The pain intensity rating, scored raw (no T-score table exists for it). */
export const painIntensityItem: Item = {
  id: "Global07",
  group: "pain_intensity",
  context: "In the past 7 days",
  text: "How would you rate your pain on average?",
  type: "integer",
  min: 0,
  max: 10,
  anchors: { min: "No pain", max: "Worst imaginable pain" },
};

export const promis29Items: readonly Item[] = [
  ...rows.map(
    ([id, group, context, text, options]): Item => ({ id, group, context, text, type: "choice", options }),
  ),
  painIntensityItem,
];
