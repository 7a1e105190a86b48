/**
 * The candidacy form's values and what they become: every field may be left unknown (null), which
 * the checklist shows as "unknown" rather than guessing. The triage tier is not a form field: it
 * comes from the patient's intakes (the server takes it from there too).
 */
import type { PatientDetail, PatientTriage } from "@evident/domain/api";
import type { CandidacyInput, ContraindicationId } from "@evident/domain/candidacy";
import { contraindicationIds } from "@evident/domain/candidacy";
import type { TriageTier } from "@evident/domain/triage";
import { triageTiers } from "@evident/domain/triage";

export type TriState = "unknown" | "yes" | "no";
export type CandidacyValues = {
  condition: string | null;
  symptomDurationMonths: number | null;
  careTried: TriState;
  careMonths: number | null;
  supervisedPhysiotherapy: TriState;
  backPainVasMm: number | null;
  backPainNrs: number | null;
  odi: number | null;
  legPain: string | null;
  facetBlock: TriState;
  pfirrmannGrade: number | null;
  discHeightRetainedPercent: number | null;
  levels: string[];
  contraindications: Record<ContraindicationId, TriState>;
};

const bool = (t: TriState): boolean | null => (t === "unknown" ? null : t === "yes");
const tri = (b: unknown): TriState => (b === true ? "yes" : b === false ? "no" : "unknown");
const num = (x: unknown): number | null => (typeof x === "number" ? x : null);

export const contraindicationLabels: Record<ContraindicationId, string> = {
  activeInfection: "Active infection",
  cancer: "Active cancer",
  pregnancyOrNursing: "Pregnant or nursing",
  anticoagulationOrBleedingDisorder: "Anticoagulant or bleeding disorder",
  immunosuppression: "Immunosuppressant treatment",
  priorSurgeryAtLevel: "Prior surgery at or next to the level",
  priorBiologicDiscTherapy: "Prior cell or biologic disc therapy",
  severeDepressionOrAnxiety: "Severe depression or anxiety",
  fibromyalgia: "Fibromyalgia",
  symptomaticStenosis: "Symptomatic central stenosis",
  caudaEquina: "Cauda equina syndrome",
  osteoporosis: "Osteoporosis",
  substanceMisuse: "Substance misuse",
  spondyloarthropathy: "Spondyloarthropathy",
};

/** Starts from the last signed facts, else from what the record already says. */
export function initialValues(patient: PatientDetail, last: Record<string, unknown> | null): CandidacyValues {
  if (last) {
    const cc = (last.conservativeCare ?? {}) as Record<string, unknown>;
    const bl = (last.baseline ?? {}) as Record<string, unknown>;
    const im = (last.imaging ?? {}) as Record<string, unknown>;
    const ci = (last.contraindications ?? {}) as Record<string, unknown>;
    return {
      condition: typeof last.condition === "string" ? last.condition : null,
      symptomDurationMonths: num(last.symptomDurationMonths),
      careTried: tri(cc.tried),
      careMonths: num(cc.months),
      supervisedPhysiotherapy: tri(cc.supervisedPhysiotherapy),
      backPainVasMm: num(bl.backPainVasMm),
      backPainNrs: num(bl.backPainNrs),
      odi: num(bl.odi),
      legPain: typeof last.legPain === "string" ? last.legPain : null,
      facetBlock: tri(last.facetPainExcludedByBlock),
      pfirrmannGrade: num(im.pfirrmannGrade),
      discHeightRetainedPercent: num(im.discHeightRetainedPercent),
      levels: Array.isArray(im.levels) ? (im.levels as string[]) : [],
      contraindications: Object.fromEntries(contraindicationIds.map((id) => [id, tri(ci[id])])) as Record<
        ContraindicationId,
        TriState
      >,
    };
  }
  const episode = patient.episodes[0];
  const latest = (instrument: string) =>
    patient.responses.filter((r) => r.instrument === instrument && r.score !== null).at(-1)?.score ?? null;
  return {
    condition: episode?.condition ?? null,
    symptomDurationMonths: null,
    careTried: "unknown",
    careMonths: null,
    supervisedPhysiotherapy: "unknown",
    backPainVasMm: null,
    backPainNrs: latest("nrs_back"),
    odi: latest("odi"),
    legPain: null,
    facetBlock: "unknown",
    pfirrmannGrade: null,
    discHeightRetainedPercent: null,
    levels: episode?.spinalLevels ?? [],
    contraindications: Object.fromEntries(contraindicationIds.map((id) => [id, "unknown"])) as Record<
      ContraindicationId,
      TriState
    >,
  };
}

/** The request body's `input` (without the triage tier). */
export function toInput(v: CandidacyValues): Omit<CandidacyInput, "triageTier"> {
  return {
    condition: v.condition as CandidacyInput["condition"],
    symptomDurationMonths: v.symptomDurationMonths,
    conservativeCare: {
      tried: bool(v.careTried),
      months: v.careMonths,
      supervisedPhysiotherapy: bool(v.supervisedPhysiotherapy),
    },
    baseline: { backPainVasMm: v.backPainVasMm, backPainNrs: v.backPainNrs, odi: v.odi },
    legPain: v.legPain as CandidacyInput["legPain"],
    facetPainExcludedByBlock: bool(v.facetBlock),
    imaging: {
      pfirrmannGrade: v.pfirrmannGrade,
      discHeightRetainedPercent: v.discHeightRetainedPercent,
      levels:
        v.levels.length > 0
          ? (v.levels as NonNullable<NonNullable<CandidacyInput["imaging"]>["levels"]>)
          : null,
    },
    contraindications: Object.fromEntries(
      contraindicationIds.map((id) => [id, bool(v.contraindications[id])]),
    ) as CandidacyInput["contraindications"],
  };
}

/** The tier the checklist sees, as the server derives it (db/repos/intakes `pendingTriageTier`). */
export function pendingTier(triage: PatientTriage | undefined): TriageTier | null {
  if (!triage || triage.intakes.length === 0) return null;
  const waiting = triage.intakes.filter((i) => !i.review && i.tier !== "none").map((i) => i.tier);
  return triageTiers.find((t) => waiting.includes(t)) ?? "none";
}
