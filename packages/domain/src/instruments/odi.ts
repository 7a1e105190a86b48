/**
 * Oswestry Disability Index v2.1a (Fairbank & Pynsent 2000). Ten sections scored 0–5;
 * score = 100 × sum / (5 × sections answered), reported 0–100, higher = more disability.
 * Missing-data rule: at most one section may be unanswered (the AO Foundation algorithm);
 * with two or more missing there is no score. `score` is the unrounded percentage; the band is
 * Fairbank's.
 *
 * The section statements below are our own paraphrase of the scale's content. The official
 * wording is licensed by Mapi Research Trust: a clinic must register with them before
 * administering the ODI, and may replace these texts with the licensed ones.
 */
import { codeSystems, type InstrumentDefinition, type Item } from "./types";

const sections: readonly [title: string, statements: readonly string[]][] = [
  [
    "Pain intensity",
    [
      "No pain right now",
      "Very mild pain right now",
      "Moderate pain right now",
      "Fairly severe pain right now",
      "Very severe pain right now",
      "The worst pain I can imagine right now",
    ],
  ],
  [
    "Personal care (washing, dressing)",
    [
      "I look after myself normally and it causes no extra pain",
      "I look after myself normally, but it is very painful",
      "Looking after myself is painful, so I am slow and careful",
      "I need some help, but manage most of my personal care",
      "I need help every day with most of my personal care",
      "I cannot get dressed, I wash with difficulty and I stay in bed",
    ],
  ],
  [
    "Lifting",
    [
      "I can lift heavy things with no extra pain",
      "I can lift heavy things, but it causes extra pain",
      "Pain stops me lifting heavy things from the floor, but I can if they are at a handy height, like a table",
      "Pain stops me lifting heavy things, but I can lift light or medium things at a handy height",
      "I can lift only very light things",
      "I cannot lift or carry anything",
    ],
  ],
  [
    "Walking",
    [
      "Pain does not stop me walking any distance",
      "Pain stops me walking more than about 1 mile (1.6 km)",
      "Pain stops me walking more than about half a mile (800 m)",
      "Pain stops me walking more than about 100 yards (100 m)",
      "I can walk only with a stick or crutches",
      "I am in bed most of the time",
    ],
  ],
  [
    "Sitting",
    [
      "I can sit in any chair for as long as I like",
      "I can sit in my favourite chair for as long as I like",
      "Pain stops me sitting for more than 1 hour",
      "Pain stops me sitting for more than 30 minutes",
      "Pain stops me sitting for more than 10 minutes",
      "Pain stops me sitting at all",
    ],
  ],
  [
    "Standing",
    [
      "I can stand for as long as I like with no extra pain",
      "I can stand for as long as I like, but it causes extra pain",
      "Pain stops me standing for more than 1 hour",
      "Pain stops me standing for more than 30 minutes",
      "Pain stops me standing for more than 10 minutes",
      "Pain stops me standing at all",
    ],
  ],
  [
    "Sleeping",
    [
      "Pain never wakes me",
      "Pain sometimes wakes me",
      "Because of pain I sleep less than 6 hours",
      "Because of pain I sleep less than 4 hours",
      "Because of pain I sleep less than 2 hours",
      "Pain stops me sleeping at all",
    ],
  ],
  [
    "Sex life (if it applies to you)",
    [
      "My sex life is normal and causes no extra pain",
      "My sex life is normal, but causes some extra pain",
      "My sex life is nearly normal, but very painful",
      "My sex life is severely limited by pain",
      "My sex life is nearly absent because of pain",
      "Pain prevents any sex life",
    ],
  ],
  [
    "Social life",
    [
      "My social life is normal and causes no extra pain",
      "My social life is normal, but increases my pain",
      "Pain has no big effect on my social life, apart from more energetic interests such as sport",
      "Pain has limited my social life and I go out less often",
      "Pain has limited my social life to my home",
      "I have no social life because of pain",
    ],
  ],
  [
    "Travelling",
    [
      "I can travel anywhere with no pain",
      "I can travel anywhere, but it causes extra pain",
      "Travel is painful, but I manage journeys over 2 hours",
      "Pain limits me to journeys under 1 hour",
      "Pain limits me to short necessary journeys under 30 minutes",
      "Pain prevents me from travelling except to receive treatment",
    ],
  ],
];

const items: Item[] = sections.map(([title, statements], i) => ({
  id: `odi_${i + 1}`,
  text: title,
  type: "choice",
  options: statements.map((label, score) => ({ value: score, label })),
  optional: i === 7,
}));

/** Fairbank's interpretation bands (upper bounds inclusive). */
export const odiBands = [
  { max: 20, label: "minimal disability" },
  { max: 40, label: "moderate disability" },
  { max: 60, label: "severe disability" },
  { max: 80, label: "crippled" },
  { max: 100, label: "bed-bound or exaggerating" },
] as const;

export function odiBand(score: number): string {
  return (odiBands.find((b) => score <= b.max) ?? odiBands[odiBands.length - 1]!).label;
}

export const odi: InstrumentDefinition = {
  id: "odi",
  version: "2.1a",
  title: "Oswestry Disability Index",
  shortTitle: "ODI",
  recallPeriod: "today",
  instructions:
    "These questions ask how your back or leg pain affects your everyday life today. In each section, choose the one statement that fits you best.",
  items,
  scoreMeaning:
    "Disability as a percentage of the maximum, 0–100, unrounded (e.g. 66.67 with one section missing).",
  scoringRule: "100 × sum of section scores / (5 × sections answered); each section 0–5.",
  missingDataRule:
    "At most one section may be unanswered (the denominator becomes 45); with two or more missing there is no score.",
  scoreRange: { min: 0, max: 100 },
  direction: "higher-worse",
  unit: "%",
  bands: odiBands,
  responderRules: [
    {
      outcome: "score",
      description: "Clinically important: ≥ 10 points or ≥ 30% improvement (LBP consensus)",
      absolute: 10,
      relative: 0.3,
      source: "ostelo2008",
    },
    {
      outcome: "score",
      description: "Good outcome 6 months after surgery: ≥ 18% reduction (about 8 points), German ODI 2.1",
      relative: 0.18,
      source: "mannionOdi",
    },
    {
      outcome: "score",
      description: "Success 12 months after disc herniation surgery: ≥ 22 points",
      absolute: 22,
      source: "norspine2024",
    },
  ],
  codes: {
    form: { system: codeSystems.loinc, code: "97908-8", display: "Oswestry Disability Index" },
    outputs: {
      score: { system: codeSystems.loinc, code: "97909-6", display: "Oswestry disability index score ODI" },
    },
    provenance: "loinc.org pages for 97908-8 (panel) and 97909-6 (score), LOINC 2.70.",
  },
  licence: {
    holder: "J. Fairbank; distributed by Mapi Research Trust (ePROVIDE)",
    terms:
      "Registration with Mapi is required before use; commercial and electronic use may be charged. The texts here are a paraphrase to be replaced by the licensed wording.",
    agreementNeeded: true,
  },
  sources: ["fairbank2000", "ostelo2008", "mannionOdi", "norspine2024"],
  score(answers) {
    const values = items.map((it) => answers[it.id]).filter((v): v is number => typeof v === "number");
    const missing = items.length - values.length;
    if (missing > 1)
      return { score: null, reason: `${missing} sections unanswered; at most 1 may be missing` };
    const score = (100 * values.reduce((a, b) => a + b, 0)) / (5 * values.length);
    return { score, extras: { band: odiBand(score), sectionsAnswered: values.length } };
  },
};
