/**
 * Numeric rating scales for back and leg pain: one item, 0 (no pain) to 10 (worst imaginable),
 * average over the past 7 days. Responder: ≥ 2 points or ≥ 30% improvement (Ostelo 2008).
 */
import type { InstrumentDefinition } from "./types";

function nrs(id: "nrs_back" | "nrs_leg", where: "back" | "leg"): InstrumentDefinition {
  return {
    id,
    version: "1.0",
    title: `Pain rating, ${where} (0–10)`,
    shortTitle: where === "back" ? "Back pain" : "Leg pain",
    recallPeriod: "past 7 days",
    instructions: `Think about your ${where} pain over the past 7 days.`,
    items: [
      {
        id,
        text: `On average, how bad was your ${where} pain over the past 7 days?`,
        type: "integer",
        min: 0,
        max: 10,
        anchors: { min: "No pain", max: "Worst pain imaginable" },
      },
    ],
    scoreRange: { min: 0, max: 10 },
    direction: "higher-worse",
    responder: { absolute: 2, relative: 0.3, source: "ostelo2008" },
    loinc: "72514-3",
    licence: { holder: "Public domain", terms: "Free to use.", agreementNeeded: false },
    sources: ["ostelo2008", "farrar2001"],
    score(answers) {
      const v = answers[id];
      if (typeof v !== "number") return { score: null, reason: "not answered" };
      return { score: v };
    },
  };
}

export const nrsBack = nrs("nrs_back", "back");
export const nrsLeg = nrs("nrs_leg", "leg");
