/**
 * Candidacy checklist for a regenerative (cell or biologic) disc injection, as versioned data. The
 * criteria are the eligibility criteria of the regenerative disc trials in the domain reference
 * §3.4 — Mesoblast MSB-DR004 (NCT06325566) and an intradiscal biologic trial (NCT04042844) —
 * because outside a trial these are the only patients in whom the procedures have been studied.
 * Four safety criteria come from no trial list in our reference (active infection, active cancer,
 * anticoagulation or a bleeding disorder, an unreviewed red flag); they are marked `derived`.
 *
 * Thresholds, and where the sources differ:
 * - pain for 6 to 60 months (MSB-DR004 excludes under 6 and over 60; checked on its registry page);
 * - conservative care for at least 3 months (MSB-DR004's registry page; the reference gives 3–6
 *   months across the two trials, so a clinic may want more);
 * - back pain 40–80 mm VAS; an NRS of 4–8 is accepted in its place when no VAS was recorded, an
 *   approximation the detail text states; ODI 30–90;
 * - a single disc, L1–S1, modified Pfirrmann 3–7 with at least 50% of disc height retained (the
 *   reference writes "~2/3–7"; we use 3, the stricter lower bound).
 *
 * Change a criterion → bump `candidacyCriteriaVersion`; a stored review names its version.
 */
import type { CitationKey } from "../citations";
import type { CandidacyInput, ContraindicationId } from "./input";

export const candidacyCriteriaVersion = "2026-11-22.1";

export const candidacyThresholds = {
  painDurationMonths: { min: 6, max: 60 },
  conservativeCareMonths: { min: 3 },
  backPainVasMm: { min: 40, max: 80 },
  backPainNrs: { min: 4, max: 8 },
  odi: { min: 30, max: 90 },
  pfirrmann: { min: 3, max: 7 },
  discHeightRetainedPercent: { min: 50 },
} as const;

export type CriterionStatus = "met" | "unmet" | "unknown";

export type CandidacyCriterion = {
  id: string;
  kind: "inclusion" | "exclusion";
  /** For the clinician: the criterion as it reads on the checklist. */
  label: string;
  /** "trial": from the trial criteria; "derived": a safety rule of ours, with no trial source. */
  basis: "trial" | "derived";
  source: readonly CitationKey[];
  check: (input: CandidacyInput) => { status: CriterionStatus; detail: string };
};

const T = candidacyThresholds;
const BOTH = ["nct06325566", "nct04042844"] as const;
const MESOBLAST = ["nct06325566"] as const;

const unknown = (what: string) => ({ status: "unknown" as const, detail: `${what} not recorded` });
const verdict = (ok: boolean, detail: string) => ({
  status: ok ? ("met" as const) : ("unmet" as const),
  detail,
});
const inRange = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;

function exclusion(
  id: ContraindicationId,
  label: string,
  basis: "trial" | "derived",
  source: readonly CitationKey[],
): CandidacyCriterion {
  return {
    id: `no-${id}`,
    kind: "exclusion",
    label,
    basis,
    source,
    check: (input) => {
      const value = input.contraindications?.[id];
      if (value === undefined || value === null) return unknown(id);
      return verdict(!value, value ? "present" : "absent");
    },
  };
}

export const candidacyCriteria: readonly CandidacyCriterion[] = [
  {
    id: "degenerative-disc",
    kind: "inclusion",
    label: "Chronic low back pain attributed to degenerative disc disease",
    basis: "trial",
    source: BOTH,
    check: ({ condition }) =>
      condition == null
        ? unknown("condition")
        : verdict(condition === "degenerative_disc_disease", `condition: ${condition}`),
  },
  {
    id: "pain-at-least-6-months",
    kind: "inclusion",
    label: `Back pain for at least ${T.painDurationMonths.min} months`,
    basis: "trial",
    source: BOTH,
    check: ({ symptomDurationMonths: m }) =>
      m == null ? unknown("symptom duration") : verdict(m >= T.painDurationMonths.min, `${m} months`),
  },
  {
    id: "pain-at-most-60-months",
    kind: "inclusion",
    label: `Back pain for no more than ${T.painDurationMonths.max} months`,
    basis: "trial",
    source: MESOBLAST,
    check: ({ symptomDurationMonths: m }) =>
      m == null ? unknown("symptom duration") : verdict(m <= T.painDurationMonths.max, `${m} months`),
  },
  {
    id: "conservative-care-3-months",
    kind: "inclusion",
    label: `Conservative care tried for at least ${T.conservativeCareMonths.min} months without adequate relief`,
    basis: "trial",
    source: BOTH,
    check: ({ conservativeCare: c }) => {
      if (c?.tried == null) return unknown("conservative care");
      if (!c.tried) return verdict(false, "not tried");
      if (c.months == null) return unknown("duration of conservative care");
      return verdict(c.months >= T.conservativeCareMonths.min, `${c.months} months`);
    },
  },
  {
    id: "supervised-physiotherapy",
    kind: "inclusion",
    label: "Conservative care included supervised physiotherapy",
    basis: "trial",
    source: ["nct04042844"],
    check: ({ conservativeCare: c }) =>
      c?.supervisedPhysiotherapy == null
        ? unknown("supervised physiotherapy")
        : verdict(c.supervisedPhysiotherapy, c.supervisedPhysiotherapy ? "yes" : "no"),
  },
  {
    id: "back-pain-40-80",
    kind: "inclusion",
    label: `Back pain ${T.backPainVasMm.min}–${T.backPainVasMm.max} mm on a 100 mm VAS`,
    basis: "trial",
    source: BOTH,
    check: ({ baseline: b }) => {
      if (b?.backPainVasMm != null)
        return verdict(inRange(b.backPainVasMm, T.backPainVasMm), `VAS ${b.backPainVasMm} mm`);
      if (b?.backPainNrs != null)
        return verdict(
          inRange(b.backPainNrs, T.backPainNrs),
          `NRS ${b.backPainNrs}/10, used in place of the VAS (NRS ${T.backPainNrs.min}–${T.backPainNrs.max} taken as ${T.backPainVasMm.min}–${T.backPainVasMm.max} mm; an approximation)`,
        );
      return unknown("baseline back pain");
    },
  },
  {
    id: "odi-30-90",
    kind: "inclusion",
    label: `Oswestry Disability Index ${T.odi.min}–${T.odi.max}`,
    basis: "trial",
    source: BOTH,
    check: ({ baseline: b }) =>
      b?.odi == null ? unknown("baseline ODI") : verdict(inRange(b.odi, T.odi), `ODI ${b.odi}`),
  },
  {
    id: "single-level",
    kind: "inclusion",
    label: "A single symptomatic degenerated disc between L1 and S1",
    basis: "trial",
    source: BOTH,
    check: ({ imaging: i }) => {
      if (i?.levels == null) return unknown("disc levels");
      const levels = [...new Set(i.levels)];
      if (levels.length === 0) return verdict(false, "no level identified");
      return verdict(levels.length === 1, levels.join(", "));
    },
  },
  {
    id: "pfirrmann-3-7",
    kind: "inclusion",
    label: `Moderate degeneration: modified Pfirrmann grade ${T.pfirrmann.min}–${T.pfirrmann.max}`,
    basis: "trial",
    source: BOTH,
    check: ({ imaging: i }) =>
      i?.pfirrmannGrade == null
        ? unknown("Pfirrmann grade")
        : verdict(inRange(i.pfirrmannGrade, T.pfirrmann), `grade ${i.pfirrmannGrade}`),
  },
  {
    id: "disc-height-50",
    kind: "inclusion",
    label: `At least ${T.discHeightRetainedPercent.min}% of disc height retained`,
    basis: "trial",
    source: BOTH,
    check: ({ imaging: i }) =>
      i?.discHeightRetainedPercent == null
        ? unknown("disc height")
        : verdict(
            i.discHeightRetainedPercent >= T.discHeightRetainedPercent.min,
            `${i.discHeightRetainedPercent}% retained`,
          ),
  },
  {
    id: "leg-pain-not-radicular",
    kind: "inclusion",
    label: "Leg pain, if any, is not radicular and not predominant",
    basis: "trial",
    source: BOTH,
    check: ({ legPain }) =>
      legPain == null ? unknown("leg pain") : verdict(legPain !== "radicular-or-predominant", legPain),
  },
  {
    id: "facet-pain-excluded",
    kind: "inclusion",
    label: "Facet joint pain excluded by a medial branch block",
    basis: "trial",
    source: ["nct04042844"],
    check: ({ facetPainExcludedByBlock: f }) =>
      f == null ? unknown("medial branch block") : verdict(f, f ? "excluded" : "not excluded"),
  },
  {
    id: "no-unreviewed-red-flag",
    kind: "exclusion",
    label: "No red flag from the intake triage awaiting review",
    basis: "derived",
    source: [],
    check: ({ triageTier }) =>
      triageTier == null
        ? unknown("triage tier")
        : verdict(triageTier === "none", `triage tier: ${triageTier}`),
  },
  exclusion("activeInfection", "No active infection, systemic or at the injection site", "derived", []),
  exclusion("cancer", "No active cancer or cancer under treatment", "derived", []),
  exclusion("pregnancyOrNursing", "Not pregnant or nursing", "trial", BOTH),
  exclusion(
    "anticoagulationOrBleedingDisorder",
    "No anticoagulant treatment and no bleeding disorder",
    "derived",
    [],
  ),
  exclusion("immunosuppression", "No systemic immunosuppressant treatment", "trial", MESOBLAST),
  exclusion(
    "priorSurgeryAtLevel",
    "No prior surgery or intradiscal procedure at the index or an adjacent level",
    "trial",
    MESOBLAST,
  ),
  exclusion(
    "priorBiologicDiscTherapy",
    "No prior stem-cell or other biologic disc therapy",
    "trial",
    MESOBLAST,
  ),
  exclusion("severeDepressionOrAnxiety", "No severe depression or anxiety", "trial", MESOBLAST),
  exclusion("fibromyalgia", "No fibromyalgia", "trial", MESOBLAST),
  exclusion("symptomaticStenosis", "No symptomatic central canal stenosis", "trial", MESOBLAST),
  exclusion("caudaEquina", "No cauda equina syndrome", "trial", MESOBLAST),
  exclusion("osteoporosis", "No osteoporosis", "trial", MESOBLAST),
  exclusion("substanceMisuse", "No alcohol or substance misuse", "trial", MESOBLAST),
  exclusion("spondyloarthropathy", "No spondyloarthropathy affecting the index disc", "trial", MESOBLAST),
];
