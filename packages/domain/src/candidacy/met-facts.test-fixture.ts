/** A patient who meets every candidacy criterion, as the domain tests start from it. */
import { type CandidacyInput, contraindicationIds } from "./input";

export const metFacts: CandidacyInput = {
  condition: "degenerative_disc_disease",
  symptomDurationMonths: 18,
  conservativeCare: { tried: true, months: 6, supervisedPhysiotherapy: true },
  baseline: { backPainVasMm: 65, odi: 44 },
  legPain: "none",
  facetPainExcludedByBlock: true,
  imaging: { pfirrmannGrade: 5, discHeightRetainedPercent: 70, levels: ["L4-L5"] },
  contraindications: Object.fromEntries(
    contraindicationIds.map((id) => [id, false]),
  ) as CandidacyInput["contraindications"],
  triageTier: "none",
};
