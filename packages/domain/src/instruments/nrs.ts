/**
 * Numeric rating scales for back and leg pain: one item, 0 (no pain) to 10 (worst imaginable),
 * average over the past 7 days. Responder: ≥ 2 points or ≥ 30% improvement (Ostelo 2008).
 * `score` is the rating itself. Public domain.
 */
import { type Coding, codeSystems, type InstrumentDefinition } from "./types";

const pain: Coding = {
  system: codeSystems.loinc,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};

/** SNOMED CT body structures: where each rating's pain is. */
const bodySites: Record<"back" | "leg", Coding> = {
  back: { system: codeSystems.snomed, code: "37822005", display: "Lower back structure (body structure)" },
  leg: { system: codeSystems.snomed, code: "61685007", display: "Lower limb structure (body structure)" },
};

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
    scoreMeaning: `The ${where} pain rating itself, 0 (no pain) to 10 (worst pain imaginable).`,
    scoringRule: "The rating as answered.",
    missingDataRule: "One item: unanswered means no score.",
    scoreRange: { min: 0, max: 10 },
    direction: "higher-worse",
    responderRules: [
      {
        outcome: "score",
        description: "Clinically important: ≥ 2 points or ≥ 30% improvement (LBP consensus)",
        absolute: 2,
        relative: 0.3,
        source: "ostelo2008",
      },
      {
        outcome: "score",
        description: "≥ 30% reduction ≈ 'much improved' on the PGIC (about 2 points)",
        relative: 0.3,
        source: "farrar2001",
      },
      {
        outcome: "score",
        description: "IMMPACT moderate improvement: ≥ 30% (10–20% is minimal)",
        relative: 0.3,
        source: "dworkin2008",
      },
      {
        outcome: "score",
        description: "IMMPACT substantial improvement: ≥ 50%",
        relative: 0.5,
        source: "dworkin2008",
      },
    ],
    codes: {
      form: pain,
      outputs: { score: pain },
      items: { [id]: pain },
      bodySite: bodySites[where],
      provenance:
        "LOINC 72514-3 as used by HL7 BE/EU FHIR guides; it codes a 0–10 pain rating, not the body site, so the SNOMED CT bodySite (37822005 lower back, 61685007 lower limb) tells back from leg, and so does the local code.",
    },
    licence: { holder: "Public domain", terms: "Free to use.", agreementNeeded: false },
    sources: ["ostelo2008", "farrar2001", "dworkin2008"],
    score(answers) {
      const v = answers[id];
      if (typeof v !== "number") return { score: null, reason: "not answered" };
      return { score: v };
    },
  };
}

export const nrsBack = nrs("nrs_back", "back");
export const nrsLeg = nrs("nrs_leg", "leg");
