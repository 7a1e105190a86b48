/**
 * A patient who meets every candidacy criterion (domain/candidacy), as a clinician enters it:
 * for tests that sign off an eligible assessment before recording a cell therapy or PRP.
 */
import { isInvestigational } from "@evident/domain";
import { contraindicationIds } from "@evident/domain/candidacy";

export const eligibleFacts = {
  condition: "degenerative_disc_disease",
  symptomDurationMonths: 14,
  conservativeCare: { tried: true, months: 6, supervisedPhysiotherapy: true },
  baseline: { backPainVasMm: 62, odi: 44 },
  legPain: "none",
  facetPainExcludedByBlock: true,
  imaging: { pfirrmannGrade: 4, discHeightRetainedPercent: 70, levels: ["L4-L5"] },
  contraindications: Object.fromEntries(contraindicationIds.map((id) => [id, false])),
};

/**
 * For tests about something else that record a cell therapy or PRP (often dated before the test
 * clock's today, so no sign-off could precede it): the clinician's overrides the candidacy gate
 * and the consent gate ask for.
 */
export const overrideFor = (kind: string) =>
  isInvestigational(kind)
    ? {
        candidacyOverride: { reason: "Assessed outside Evident before the treatment" },
        ...consentOverrideFor(kind),
      }
    : {};

/** For tests of the candidacy gate: the consent gate's override (consent is tested in consent.test.ts). */
export const consentOverrideFor = (kind: string) =>
  isInvestigational(kind) ? { consentOverride: { reason: "Consent taken on paper before Evident" } } : {};
