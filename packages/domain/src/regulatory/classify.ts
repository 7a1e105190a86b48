/**
 * The likely US regulatory pathway of a proposed cell or tissue product (domain reference §4,
 * table 4.4), for record keeping and consent, NOT legal advice. It walks the rules in this order:
 *
 * 1. What is not an HCT/P (21 CFR 1271.3(d)): blood components such as PRP; secreted or extracted
 *    products (exosomes), which FDA nonetheless treats as unapproved drugs needing an IND.
 * 2. Products FDA has named as needing an IND for orthopaedic use (2021 consumer information):
 *    perinatal products, and anything allogeneic, culture-expanded, enzymatically digested,
 *    genetically modified or combined with another article.
 * 3. The four criteria of 21 CFR 1271.10(a) for regulation solely as a 361 HCT/P: minimal
 *    manipulation, homologous use, no other article, autologous (for living-cell products).
 * 4. For an autologous, minimally manipulated product used in the same surgical procedure but
 *    non-homologously (bone-marrow concentrate into a disc), the same-surgical-procedure exception
 *    (1271.15(b)) is what clinics claim. We report it as claimed, not as settled: FDA's 2017 SSP
 *    guidance reads the exception narrowly, and the 9th Circuit (2024; review denied 2025) held it
 *    does not cover a product different from the tissue removed.
 *
 * Whatever the pathway, no cell or orthobiologic product is FDA-approved for back pain (FDA 2021).
 * The exact list of processing FDA's SSP guidance permits was not checked by our reference ([R]);
 * we do not rely on it — any SSP claim is reported as a claim.
 */
import type { CitationKey } from "../citations";
import { type ProcessingStep, type ProposedProduct, parseProposedProduct } from "./product";

export const regulatoryRulesVersion = "2026-11-22.1";

export const regulatoryPathways = [
  "not-hctp",
  "hctp-361",
  "same-surgical-procedure-exception-claimed",
  "351-ind-required",
] as const;
export type RegulatoryPathway = (typeof regulatoryPathways)[number];

export const pathwayLabels: Readonly<Record<RegulatoryPathway, string>> = {
  "not-hctp": "Not an HCT/P (21 CFR 1271.3(d))",
  "hctp-361": "HCT/P regulated solely under PHS Act section 361 (21 CFR 1271.10(a))",
  "same-surgical-procedure-exception-claimed":
    "Same-surgical-procedure exception claimed (21 CFR 1271.15(b))",
  "351-ind-required": "Drug/biologic under PHS Act section 351: IND required for clinical use, BLA to market",
};

/** How firmly the sources support the pathway. */
export type PathwayCertainty = "established" | "likely" | "contested";

export type Reason = { text: string; sources: readonly CitationKey[] };

export type TriState = "yes" | "no" | "unclear";

export type RegulatoryAssessment = {
  rulesVersion: string;
  pathway: RegulatoryPathway;
  certainty: PathwayCertainty;
  /** The 1271.10(a) criteria and the SSP facts as judged; "not-applicable" when not an HCT/P. */
  checks: {
    hctp: boolean;
    minimalManipulation: TriState | "not-applicable";
    homologousUse: TriState | "not-applicable";
    combinedWithOtherArticle: boolean;
    autologous: boolean;
    sameSurgicalProcedure: boolean;
  };
  reasons: Reason[];
  /** Always false: no cell or orthobiologic product is FDA-approved for back pain. */
  fdaApprovedForBackPain: false;
  notApproved: string;
  notLegalAdvice: string;
};

export const NOT_APPROVED =
  "Stem-cell, cell and other orthobiologic products are not FDA-approved for back pain or any orthopaedic condition; FDA's consumer information says so explicitly (2021).";
export const NOT_LEGAL_ADVICE =
  "This is a record-keeping classification from the regulations, guidance and court rulings cited, not legal advice. Confirm the pathway with regulatory counsel, and with FDA where the answer is contested.";

const MORE_THAN_MINIMAL: readonly ProcessingStep[] = [
  "enzymatic-digestion",
  "cell-isolation",
  "culture-expansion",
  "genetic-modification",
];

const R = {
  notApproved: { text: NOT_APPROVED, sources: ["fdaConsumer2021"] },
  bloodComponent: {
    text: "Blood and blood components are not HCT/Ps; platelet-rich plasma is a blood component, prepared at the point of care with a device. Using it is the practice of medicine, not an FDA approval for back pain.",
    sources: ["cfr1271_3d"],
  },
  bloodCombined: {
    text: "Mixed with another article (e.g. hyaluronic acid): the mixture may be regulated as a drug or combination product, which this classification does not analyse.",
    sources: [],
  },
  secreted: {
    text: "Secreted or extracted products (exosomes, conditioned media) are not HCT/Ps, but FDA regards them as unapproved drugs/biologics needing an IND; no exosome product is approved.",
    sources: ["cfr1271_3d", "fdaConsumer2021"],
  },
  perinatal: {
    text: "FDA names umbilical cord blood and tissue, Wharton's jelly and amniotic products sold for orthopaedic or pain use as unapproved products that need an IND.",
    sources: ["fdaConsumer2021"],
  },
  allogeneic: {
    text: "An allogeneic living-cell product fails 1271.10(a)(4): its effect depends on living cells and it is not autologous (nor, as recorded, from a first- or second-degree relative). Industrial allogeneic products (e.g. rexlemestrocel-L) follow IND → BLA.",
    sources: ["cfr1271_10a", "fdaHctpGuidance2017"],
  },
  moreThanMinimal: (steps: readonly string[]) => ({
    text: `${steps.join(", ")} is more than minimal manipulation, so 1271.10(a)(1) fails; the product implanted is no longer the tissue removed, so the same-surgical-procedure exception cannot apply either.`,
    sources: ["cfr1271_10a", "fdaHctpGuidance2017", "fdaSspGuidance2017"] as const,
  }),
  svf: {
    text: "Stromal vascular fraction isolated from fat is a drug: FDA's adipose draft guidance (2014) and 2017 guidance; United States v. US Stem Cell Clinic (11th Cir. 2021); United States v. California Stem Cell Treatment Center (9th Cir. 2024, Supreme Court review denied 2025).",
    sources: ["fdaAdiposeDraft2014", "fdaHctpGuidance2017", "usStemCellClinic2021", "californiaStemCell2024"],
  },
  otherArticle: {
    text: "Combined with another article (beyond water, crystalloids or a sterilizing, preserving or storage agent), so 1271.10(a)(3) fails.",
    sources: ["cfr1271_10a"],
  },
  nonHomologous: (what: string) => ({
    text: `${what} is not a basic function of the source tissue, so the use is non-homologous and 1271.10(a)(2) fails.`,
    sources: ["cfr1271_10a", "fdaHctpGuidance2017"] as const,
  }),
  marrowExclusion: {
    text: "Minimally manipulated bone marrow for homologous use, not combined with another article, is excluded from the HCT/P definition.",
    sources: ["cfr1271_3d"],
  },
  marrowNonHomologous: {
    text: "The 1271.3(d) bone-marrow exclusion covers only homologous use; marrow injected to repair a disc or relieve pain falls back into the HCT/P analysis.",
    sources: ["cfr1271_3d"],
  },
  sspClaimed: {
    text: "Clinics rely on the same-surgical-procedure exception (1271.15(b)) for same-day autologous use. It is contested: FDA's 2017 SSP guidance reads it narrowly (the implanted HCT/P must be the one removed), and the 9th Circuit (2024; review denied 2025) held it does not cover a product different from the tissue removed. Treat the product as investigational; an IRB-approved protocol and an IND are strongly advisable.",
    sources: ["cfr1271_15b", "fdaSspGuidance2017", "californiaStemCell2024"],
  },
  notSameProcedure: {
    text: "Not implanted in the same surgical procedure (stored, shipped or cryopreserved), so the same-surgical-procedure exception cannot apply.",
    sources: ["cfr1271_15b", "fdaSspGuidance2017"],
  },
  structural: {
    text: "Fat is a structural tissue: processing must keep its cushioning and support characteristics, and use for another purpose is non-homologous.",
    sources: ["fdaAdiposeDraft2014", "fdaHctpGuidance2017"],
  },
  meets361: {
    text: "All four 1271.10(a) criteria appear met: the establishment must register and list with FDA and follow Part 1271 (donor eligibility, good tissue practice, adverse-reaction reporting). Regulation under 361 is not an FDA review of whether it works.",
    sources: ["cfr1271_10a"],
  },
} satisfies Record<string, Reason | ((...a: never[]) => Reason)>;

/** How the claimed purpose reads in a reason (worded as a claim, never as an effect). */
const FUNCTION_WORDS = {
  "repair-or-regenerate": "A claimed purpose of disc or joint repair",
  "reduce-pain-or-inflammation": "A claimed purpose of pain or inflammation relief",
  "structural-support": "Structural cushioning or support",
  "same-function-as-source": "The tissue's own function",
} as const;

/** Classifies a validated product description (see `parseProposedProduct`). */
export function classifyProduct(p: ProposedProduct): RegulatoryAssessment {
  const autologous = p.origin === "autologous";
  const combined = p.additives.some((a) => a === "hyaluronic-acid" || a === "other-article");
  const moreThanMinimal = p.processing.filter((s) => MORE_THAN_MINIMAL.includes(s));
  const minimal: TriState =
    moreThanMinimal.length > 0 ? "no" : p.processing.includes("mechanical-fragmentation") ? "unclear" : "yes";
  const homologous: TriState =
    p.intendedFunction === "same-function-as-source"
      ? "yes"
      : p.tissue === "adipose" && p.intendedFunction === "structural-support"
        ? "unclear"
        : "no";
  const cryopreserved = p.processing.includes("cryopreservation");
  const sameProcedure = p.sameSurgicalProcedure && !cryopreserved;
  const reasons: Reason[] = [];
  const done = (
    pathway: RegulatoryPathway,
    certainty: PathwayCertainty,
    hctp = true,
  ): RegulatoryAssessment => ({
    rulesVersion: regulatoryRulesVersion,
    pathway,
    certainty,
    checks: {
      hctp,
      minimalManipulation: hctp ? minimal : "not-applicable",
      homologousUse: hctp ? homologous : "not-applicable",
      combinedWithOtherArticle: combined,
      autologous,
      sameSurgicalProcedure: sameProcedure,
    },
    reasons: [...reasons, R.notApproved],
    fdaApprovedForBackPain: false,
    notApproved: NOT_APPROVED,
    notLegalAdvice: NOT_LEGAL_ADVICE,
  });

  // 1. Not HCT/Ps.
  if (p.processing.includes("secreted-product-extraction")) {
    reasons.push(R.secreted);
    return done("351-ind-required", "established", false);
  }
  if (p.tissue === "blood" && minimal !== "no") {
    reasons.push(R.bloodComponent);
    if (combined) reasons.push(R.bloodCombined);
    return done("not-hctp", "likely", false);
  }

  // 2. Named by FDA as needing an IND, or failing 1271.10(a) whatever else is true.
  const isSvf =
    p.tissue === "adipose" &&
    (p.processing.includes("enzymatic-digestion") || p.processing.includes("cell-isolation"));
  if (p.tissue === "perinatal") reasons.push(R.perinatal);
  if (!autologous) reasons.push(R.allogeneic);
  if (isSvf) reasons.push(R.svf);
  else if (moreThanMinimal.length > 0) reasons.push(R.moreThanMinimal(moreThanMinimal));
  if (combined) reasons.push(R.otherArticle);
  if (reasons.length > 0) return done("351-ind-required", "established");

  // 3. Autologous, minimally manipulated (or arguably so), nothing added: homologous use?
  if (p.tissue === "bone-marrow" && homologous === "yes") {
    reasons.push(R.marrowExclusion);
    return done("not-hctp", "likely", false);
  }
  if (p.tissue === "bone-marrow") reasons.push(R.marrowNonHomologous);
  if (p.tissue === "adipose") reasons.push(R.structural);

  if (homologous === "no") {
    reasons.push(R.nonHomologous(FUNCTION_WORDS[p.intendedFunction]));
    // 4. The same-surgical-procedure claim: only for a same-day, unstored, unfragmented product.
    if (sameProcedure && minimal === "yes") {
      reasons.push(R.sspClaimed);
      return done("same-surgical-procedure-exception-claimed", "contested");
    }
    reasons.push(sameProcedure ? R.sspClaimed : R.notSameProcedure);
    return done("351-ind-required", minimal === "yes" ? "established" : "likely");
  }

  reasons.push(R.meets361);
  return done("hctp-361", homologous === "yes" && minimal === "yes" ? "likely" : "contested");
}

/** Validates a raw product description (throwing a bad-request error naming each bad field) and classifies it. */
export const assessProduct = (raw: unknown): RegulatoryAssessment =>
  classifyProduct(parseProposedProduct(raw));
