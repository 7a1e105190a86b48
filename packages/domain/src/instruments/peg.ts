/**
 * PEG: Pain intensity, Enjoyment of life, General activity (Krebs et al. 2009), three 0–10
 * items from the Brief Pain Inventory, past week. score = mean of the three, 0–10, higher =
 * worse. The source defines no missing-data rule; we require all three, as a mean of two
 * would no longer be the PEG.
 *
 * The item texts are our own plain paraphrase of the published items.
 */
import { codeSystems, type InstrumentDefinition, type Item } from "./types";

const interferes = { min: "Does not interfere", max: "Completely interferes" };

const items: Item[] = [
  {
    id: "peg_1",
    text: "Over the past week, how bad has your pain been on average?",
    type: "integer",
    min: 0,
    max: 10,
    anchors: { min: "No pain", max: "Pain as bad as you can imagine" },
  },
  {
    id: "peg_2",
    text: "Over the past week, how much has pain got in the way of your enjoyment of life?",
    type: "integer",
    min: 0,
    max: 10,
    anchors: interferes,
  },
  {
    id: "peg_3",
    text: "Over the past week, how much has pain got in the way of your general activity?",
    type: "integer",
    min: 0,
    max: 10,
    anchors: interferes,
  },
];

export const peg: InstrumentDefinition = {
  id: "peg",
  version: "1.0",
  title: "PEG pain scale (pain, enjoyment of life, general activity)",
  shortTitle: "PEG",
  recallPeriod: "past week",
  instructions: "Choose the number that best describes your pain over the past week.",
  items,
  scoreMeaning: "The mean of the three 0–10 ratings, unrounded (a multiple of 1/3), 0–10.",
  scoringRule: "(pain + enjoyment + general activity) / 3.",
  missingDataRule: "All three items are required; with any unanswered there is no score.",
  scoreRange: { min: 0, max: 10 },
  direction: "higher-worse",
  // No PEG-specific responder threshold in our reference; a pain-NRS threshold would not transfer.
  responderRules: [],
  codes: {
    // Checked in secondary sources only (two independent third-party code files pair these
    // codes); confirm on loinc.org before relying on them.
    form: { system: codeSystems.loinc, code: "91148-7", display: "PEG 3 item pain scale" },
    outputs: {
      score: { system: codeSystems.loinc, code: "91147-9", display: "PEG 3 item pain scale score" },
    },
    provenance: "Secondary sources only (third-party code files); confirm on loinc.org.",
  },
  licence: {
    holder: "E. E. Krebs et al.",
    terms:
      "Generally treated as free to use (a public code repository labels it public domain); not confirmed with the authors. The texts here are a paraphrase.",
    agreementNeeded: false,
  },
  sources: ["krebs2009"],
  score(answers) {
    const values = items.map((it) => answers[it.id]).filter((v): v is number => typeof v === "number");
    if (values.length < items.length)
      return {
        score: null,
        reason: `${items.length - values.length} of 3 items unanswered; all 3 are needed`,
      };
    return { score: values.reduce((a, b) => a + b, 0) / values.length };
  },
};
