/**
 * Who comes to a spine clinic and what they are given: conditions with their typical ages and
 * levels, the treatment offered for each (conservative care is the commonest comparator; cell
 * injections are a minority, as at a clinic that offers them), treatment details, and adverse
 * events with CTCAE grades (mostly 1–2, rarely serious). Proportions are plausible rather than
 * sourced: this is demo data, and it must not suggest any treatment is better than it is.
 */
import type { Condition, SpinalLevel, TreatmentCategory, TreatmentKind } from "@evident/domain";
import type { Random } from "./random";

export const conditionWeights: Readonly<Record<Condition, number>> = {
  degenerative_disc_disease: 26,
  disc_herniation_sciatica: 24,
  facet_arthropathy: 15,
  spinal_stenosis: 15,
  nonspecific_low_back_pain: 18,
  other: 2,
};

type ConditionProfile = {
  age: number;
  /** Long-run improvement added to the patient's draw: the condition's natural history. */
  prognosis: number;
  levels: readonly SpinalLevel[];
  treatments: Partial<Record<TreatmentKind, number>>;
  /** Kind of operation offered later if the first treatment fails, if any. */
  laterSurgery: TreatmentKind | null;
};

export const conditionProfiles: Readonly<Record<Condition, ConditionProfile>> = {
  degenerative_disc_disease: {
    age: 48,
    prognosis: 0,
    levels: ["L3-L4", "L4-L5", "L4-L5", "L5-S1", "L5-S1"],
    treatments: {
      exercise_physiotherapy: 30,
      medication: 12,
      epidural_steroid_injection: 10,
      bone_marrow_concentrate: 18,
      adipose_derived_cells: 14,
      platelet_rich_plasma: 5,
      cultured_or_donor_cells: 4,
      advice_self_management: 4,
      pilates_yoga: 3,
      psychological_programme: 2,
      fusion: 14,
      other: 2,
    },
    laterSurgery: "fusion",
  },
  disc_herniation_sciatica: {
    age: 42,
    prognosis: 0.1,
    levels: ["L4-L5", "L5-S1", "L5-S1", "L3-L4"],
    treatments: {
      exercise_physiotherapy: 20,
      medication: 12,
      epidural_steroid_injection: 28,
      bone_marrow_concentrate: 7,
      adipose_derived_cells: 6,
      advice_self_management: 6,
      spinal_manipulation: 3,
      acupuncture: 2,
      psychological_programme: 2,
      discectomy: 25,
      other: 2,
    },
    laterSurgery: "discectomy",
  },
  facet_arthropathy: {
    age: 56,
    prognosis: 0,
    levels: ["L3-L4", "L4-L5", "L4-L5", "L5-S1"],
    treatments: {
      exercise_physiotherapy: 36,
      medication: 20,
      epidural_steroid_injection: 22,
      bone_marrow_concentrate: 10,
      adipose_derived_cells: 9,
      radiofrequency_denervation: 18,
      platelet_rich_plasma: 2,
      cultured_or_donor_cells: 2,
      heat_therapy: 2,
      spinal_manipulation: 4,
      massage: 3,
      psychological_programme: 2,
      other: 3,
    },
    laterSurgery: null,
  },
  spinal_stenosis: {
    age: 66,
    prognosis: -0.05,
    levels: ["L2-L3", "L3-L4", "L4-L5", "L4-L5"],
    treatments: {
      exercise_physiotherapy: 30,
      medication: 14,
      epidural_steroid_injection: 28,
      bone_marrow_concentrate: 5,
      adipose_derived_cells: 4,
      advice_self_management: 4,
      pilates_yoga: 2,
      psychological_programme: 2,
      fusion: 17,
      other: 2,
    },
    laterSurgery: "fusion",
  },
  nonspecific_low_back_pain: {
    age: 45,
    prognosis: 0,
    levels: [],
    treatments: {
      exercise_physiotherapy: 50,
      medication: 28,
      epidural_steroid_injection: 5,
      bone_marrow_concentrate: 7,
      adipose_derived_cells: 6,
      advice_self_management: 10,
      pilates_yoga: 6,
      psychological_programme: 5,
      spinal_manipulation: 6,
      massage: 4,
      acupuncture: 5,
      heat_therapy: 3,
      other: 4,
    },
    laterSurgery: null,
  },
  other: {
    age: 50,
    prognosis: 0,
    levels: ["L4-L5", "L5-S1"],
    treatments: { exercise_physiotherapy: 45, medication: 30, epidural_steroid_injection: 10, other: 15 },
    laterSurgery: null,
  },
};

/**
 * Leg pain as a share of back pain, by condition (the range each patient's share is drawn from):
 * in sciatica from a herniated disc the leg usually hurts as much as or more than the back, in
 * stenosis nearly as much (neurogenic claudication), in the axial conditions much less.
 */
export const legShareByCondition: Readonly<Record<Condition, readonly [number, number]>> = {
  disc_herniation_sciatica: [0.9, 1.3],
  spinal_stenosis: [0.7, 1.1],
  degenerative_disc_disease: [0.25, 0.6],
  facet_arthropathy: [0.15, 0.45],
  nonspecific_low_back_pain: [0.1, 0.4],
  other: [0.2, 0.6],
};

/**
 * Usual ODI level by kind of care. People offered surgery are more disabled; everyone else starts
 * alike, so that no non-surgical option looks better merely for treating worse-off patients (a
 * larger baseline leaves more room to improve).
 */
export const usualOdiByCategory: Readonly<Record<TreatmentCategory, number>> = {
  conservative: 36,
  injection: 36,
  "cell-therapy": 36,
  surgery: 42,
  other: 36,
};

/**
 * Days from enrolment to treatment. The same wait for every non-surgical option: a longer wait
 * would give the flare more time to fade before the follow-ups, and make that option look better.
 */
export function treatmentDelay(rng: Random, category: TreatmentCategory): number {
  return category === "surgery" ? rng.int(21, 90) : rng.int(7, 45);
}

export function spinalLevelsFor(rng: Random, condition: Condition): SpinalLevel[] {
  const options = conditionProfiles[condition].levels;
  if (options.length === 0) return [];
  const first = rng.pick(options);
  if (!rng.chance(0.25)) return [first];
  const second = rng.pick(options);
  return second === first ? [first] : [first, second].sort();
}

/** What a clinic would write in a treatment's details. */
export function treatmentDetails(
  rng: Random,
  kind: TreatmentKind,
  levels: readonly string[],
): Record<string, unknown> {
  const atLevels = levels.length > 0 ? { levels } : {};
  switch (kind) {
    case "exercise_physiotherapy":
      return {
        sessions: rng.int(6, 12),
        programme: rng.pick(["McKenzie", "motor control", "graded activity"]),
      };
    case "medication":
      return { class: rng.pick(["NSAID", "NSAID", "paracetamol", "neuropathic agent", "muscle relaxant"]) };
    case "epidural_steroid_injection":
      return { ...atLevels, approach: rng.pick(["transforaminal", "interlaminar", "caudal"]) };
    case "bone_marrow_concentrate":
      return {
        ...atLevels,
        harvestSite: "posterior iliac crest",
        volumeMl: rng.int(2, 4),
        route: "intradiscal",
      };
    case "adipose_derived_cells":
      return { ...atLevels, harvestSite: "abdominal fat", route: "intradiscal" };
    case "advice_self_management":
      return { topics: ["staying active", "pain explained", "when to seek help"] };
    case "pilates_yoga":
      return { sessions: rng.int(8, 16), programme: rng.pick(["clinical Pilates", "yoga for back pain"]) };
    case "psychological_programme":
      return {
        sessions: rng.int(6, 10),
        programme: rng.pick(["cognitive behavioural therapy", "mindfulness-based stress reduction"]),
      };
    case "spinal_manipulation":
      return { sessions: rng.int(4, 8), given: rng.pick(["chiropractor", "osteopath", "physiotherapist"]) };
    case "massage":
      return { sessions: rng.int(4, 10) };
    case "acupuncture":
      return { sessions: rng.int(6, 10) };
    case "heat_therapy":
      return { form: rng.pick(["heat wrap", "hot pack at home"]) };
    case "radiofrequency_denervation":
      return { ...atLevels, target: "medial branch", testBlocks: 2 };
    case "platelet_rich_plasma":
      return { ...atLevels, bloodDrawnMl: rng.int(20, 60), route: "intradiscal" };
    case "cultured_or_donor_cells":
      return {
        ...atLevels,
        source: "allogeneic (donor), culture-expanded",
        route: "intradiscal",
        trial: true,
      };
    case "discectomy":
      return { ...atLevels, technique: rng.pick(["microdiscectomy", "endoscopic"]) };
    case "fusion":
      return { ...atLevels, technique: rng.pick(["TLIF", "PLIF", "ALIF"]) };
    default:
      return { description: rng.pick(["TENS", "back school", "hydrotherapy"]) };
  }
}

export type AdverseEventDraw = {
  kind: "infection" | "nerve_injury" | "allergic_reaction" | "pain_flare" | "harvest_site_complication";
  daysAfter: number;
  severity: number;
  serious: boolean;
  description: string;
};

type AeRisk = { p: number; kinds: Partial<Record<AdverseEventDraw["kind"], number>> };

const aeRisks: Readonly<Record<TreatmentKind, AeRisk>> = {
  exercise_physiotherapy: { p: 0.01, kinds: { pain_flare: 1 } },
  medication: { p: 0.03, kinds: { allergic_reaction: 2, pain_flare: 1 } },
  epidural_steroid_injection: { p: 0.025, kinds: { pain_flare: 6, allergic_reaction: 2, infection: 1 } },
  bone_marrow_concentrate: {
    p: 0.05,
    kinds: { harvest_site_complication: 4, pain_flare: 4, infection: 1, nerve_injury: 0.3 },
  },
  adipose_derived_cells: {
    p: 0.05,
    kinds: { harvest_site_complication: 4, pain_flare: 4, infection: 1, nerve_injury: 0.3 },
  },
  discectomy: { p: 0.06, kinds: { infection: 3, nerve_injury: 2, pain_flare: 3 } },
  fusion: { p: 0.1, kinds: { infection: 4, nerve_injury: 2, pain_flare: 3 } },
  other: { p: 0.01, kinds: { pain_flare: 1 } },
  advice_self_management: { p: 0.005, kinds: { pain_flare: 1 } },
  pilates_yoga: { p: 0.01, kinds: { pain_flare: 1 } },
  psychological_programme: { p: 0.003, kinds: { pain_flare: 1 } },
  spinal_manipulation: { p: 0.02, kinds: { pain_flare: 5, nerve_injury: 0.2 } },
  massage: { p: 0.01, kinds: { pain_flare: 1 } },
  acupuncture: { p: 0.01, kinds: { pain_flare: 2, infection: 0.2 } },
  heat_therapy: { p: 0.005, kinds: { pain_flare: 1 } },
  radiofrequency_denervation: { p: 0.03, kinds: { pain_flare: 6, nerve_injury: 0.5, infection: 0.3 } },
  platelet_rich_plasma: { p: 0.04, kinds: { pain_flare: 5, infection: 0.5 } },
  cultured_or_donor_cells: { p: 0.05, kinds: { pain_flare: 4, infection: 1, allergic_reaction: 0.5 } },
};

const aeText: Readonly<Record<AdverseEventDraw["kind"], string>> = {
  infection: "Wound or injection-site infection",
  nerve_injury: "New numbness or weakness in the leg",
  allergic_reaction: "Rash and itching",
  pain_flare: "Pain flare after treatment",
  harvest_site_complication: "Bruising and pain at the harvest site",
};

export function drawAdverseEvent(rng: Random, kind: TreatmentKind): AdverseEventDraw | null {
  const risk = aeRisks[kind];
  if (!rng.chance(risk.p)) return null;
  const ae = rng.weighted(risk.kinds as Record<AdverseEventDraw["kind"], number>);
  // Grade 4 (life-threatening) only where it can be: sepsis, paralysis, anaphylaxis.
  const drawn = Number(rng.weighted({ "1": 58, "2": 31, "3": 10, "4": 1 }));
  const grade = drawn === 4 && (ae === "pain_flare" || ae === "harvest_site_complication") ? 3 : drawn;
  const daysAfter =
    ae === "infection" ? rng.int(3, 21) : ae === "nerve_injury" ? rng.int(0, 3) : rng.int(0, 7);
  return {
    kind: ae,
    daysAfter,
    severity: grade,
    // Serious: needs admission or surgery, which a grade 3 infection or nerve injury usually does.
    serious: grade >= 4 || (grade === 3 && (ae === "infection" || ae === "nerve_injury")),
    description: aeText[ae],
  };
}
