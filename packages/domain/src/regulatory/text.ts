/**
 * Words for a regulatory assessment: a plain paragraph for the consent form (reading grade ≤ 8,
 * checked by a test) and a summary for the clinician. The consent paragraph always says that the
 * product is not FDA-approved for back pain and that it is still being studied, and never says or
 * implies that it works: the evidence for cell therapies in back pain is low or very low certainty.
 */
import { pathwayLabels, type RegulatoryAssessment, type RegulatoryPathway } from "./classify";

const ALWAYS =
  "Stem cell, cell and blood-based shots are not FDA-approved for back pain. The FDA is the US agency that " +
  "checks that medical products are safe and work. We do not yet know if this treatment helps back pain, and " +
  "it can cause harm. You can say no, and you can choose other care.";

const byPathway: Readonly<Record<RegulatoryPathway, string>> = {
  "not-hctp":
    "This treatment is made from blood, or from bone marrow used for its usual job, which the FDA does not " +
    "treat as a cell product. The clinic can give it as part of normal medical care. That does not mean the " +
    "FDA has checked that it works for back pain.",
  "hctp-361":
    "This product comes under the FDA's lighter rules for human tissue. The maker must sign up with the FDA " +
    "and follow its safety rules. The FDA does not check if it works.",
  "same-surgical-procedure-exception-claimed":
    "The clinic takes cells from your body and puts them back on the same day. Clinics say that a rule for " +
    "same-day care means the FDA does not need to review this. That view is not settled. A US court has " +
    "ruled against clinics that used the same rule for cells taken from fat. Please treat this as a test " +
    "treatment, and ask if it is part of a research study.",
  "351-ind-required":
    "The FDA treats a product like this as a drug. Before it can be tested in people, the FDA must allow a " +
    "study of it. Please ask the clinic if this treatment is part of such a study. If it is not, ask them " +
    "why they think the FDA's permission is not needed.",
};

/** The consent-form paragraph for this assessment, in plain words. */
export function consentParagraph(a: RegulatoryAssessment): string {
  return `${byPathway[a.pathway]} ${ALWAYS}`;
}

/** Every consent paragraph the module can produce (for readability and wording checks). */
export const consentParagraphs: readonly string[] = Object.values(byPathway).map((t) => `${t} ${ALWAYS}`);

/**
 * The clinician's summary: pathway, the 1271.10(a) checks, reasons with their citation keys (look
 * them up in `citations`), and the disclaimer.
 */
export function clinicianSummary(a: RegulatoryAssessment): string {
  const c = a.checks;
  const checks = c.hctp
    ? [
        `minimal manipulation: ${c.minimalManipulation}`,
        `homologous use: ${c.homologousUse}`,
        `combined with another article: ${c.combinedWithOtherArticle ? "yes" : "no"}`,
        `autologous: ${c.autologous ? "yes" : "no"}`,
        `same surgical procedure: ${c.sameSurgicalProcedure ? "yes" : "no"}`,
      ].join("; ")
    : "not an HCT/P, so the 1271.10(a) criteria do not apply";
  const reasons = a.reasons.map((r) => {
    const refs = r.sources.join("; ");
    return `- ${r.text}${refs ? ` [${refs}]` : ""}`;
  });
  return [
    `Likely pathway: ${pathwayLabels[a.pathway]} (${a.certainty}; rules ${a.rulesVersion}).`,
    `Checks: ${checks}.`,
    "Reasons:",
    ...reasons,
    a.notLegalAdvice,
  ].join("\n");
}
