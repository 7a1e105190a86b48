/**
 * Roland–Morris Disability Questionnaire, 24-item version (Roland & Morris 1983; Roland &
 * Fairbank 2000). Each statement the patient says applies to them today scores 1;
 * score = count of "yes", 0–24, higher = more disability.
 *
 * Missing data: on paper a blank counts as "no", so missingness is invisible there. An e-form
 * asks for a yes or no on every statement, so here every one of the 24 must be answered; a
 * blank would otherwise silently lower the score.
 *
 * The statements below are our own plain paraphrase of the scale's content, not the published
 * wording, which is copyright of M. Roland and R. Morris.
 */
import type { InstrumentDefinition, Item } from "./types";

const statements = [
  "My back keeps me at home most of the time.",
  "I keep shifting position to make my back comfortable.",
  "My back makes me walk more slowly than I normally do.",
  "My back stops me doing any of my usual jobs around the house.",
  "My back means I need the handrail to go up stairs.",
  "My back makes me lie down to rest more often.",
  "I have to hold on to something to get up from a soft chair because of my back.",
  "Because of my back, I ask other people to do things for me.",
  "My back makes me slower than usual at getting dressed.",
  "My back lets me stand only for short spells.",
  "I avoid bending or kneeling because of my back.",
  "Getting up from a chair is hard because of my back.",
  "My back hurts nearly all the time.",
  "Turning over in bed is hard because of my back.",
  "My back pain has taken away some of my appetite.",
  "Pain in my back makes it hard to put on socks or tights.",
  "My back limits me to walking short distances.",
  "My back disturbs my sleep.",
  "Because of back pain, someone helps me get dressed.",
  "My back makes me spend most of the day sitting.",
  "I avoid heavy jobs around the house because of my back.",
  "My back pain makes me more irritable and short-tempered than usual.",
  "My back makes me slower than usual going up stairs.",
  "My back keeps me in bed most of the time.",
] as const;

const items: Item[] = statements.map((text, i) => ({ id: `rmdq_${i + 1}`, text, type: "boolean" }));

export const rmdq: InstrumentDefinition = {
  id: "rmdq",
  version: "24-item",
  title: "Roland–Morris Disability Questionnaire",
  shortTitle: "RMDQ",
  recallPeriod: "today",
  instructions:
    "When your back hurts, you may find it hard to do some things you normally do. For each sentence, answer yes if it describes you today, or no if it does not.",
  items,
  scoreMeaning: "The number of statements answered yes, 0–24.",
  scoringRule: "Count of yes answers; each yes scores 1, each no 0.",
  missingDataRule: "All 24 statements must be answered yes or no; with any unanswered there is no score.",
  scoreRange: { min: 0, max: 24 },
  direction: "higher-worse",
  responderRules: [
    {
      outcome: "score",
      description: "Clinically important: ≥ 5 points or ≥ 30% improvement (LBP consensus)",
      absolute: 5,
      relative: 0.3,
      source: "ostelo2008",
    },
    {
      outcome: "score",
      description: "Recovered: RMDQ ≤ 2 (with pain NRS = 0) best matches self-rated recovery",
      source: "kamper2010",
    },
  ],
  codes: { provenance: "No LOINC code found for the RMDQ; coded locally." },
  licence: {
    holder: "M. Roland and R. Morris",
    terms:
      "Copyright of the authors. Roland & Fairbank (Spine 2000) published versions usable without permission; a commercial product probably needs a licence (current terms not verified). The texts here are a paraphrase: obtain the licensed wording and permission before use.",
    agreementNeeded: true,
  },
  sources: ["rolandMorris1983", "rolandFairbank2000", "ostelo2008", "kamper2010"],
  score(answers) {
    const values = items.map((it) => answers[it.id]).filter((v): v is boolean => typeof v === "boolean");
    const missing = items.length - values.length;
    if (missing > 0)
      return {
        score: null,
        reason: `${missing} of 24 statements unanswered; every statement needs a yes or no`,
      };
    return { score: values.filter(Boolean).length };
  },
};
