/**
 * A procedure record (./procedure.ts) as labelled lines of words, for what leaves the clinic on
 * paper (the MedWatch-style report's suspect product, the progress report's treatments): the
 * product (tissue, origin, processing), where it was harvested, the dose, the target and levels,
 * the image guidance. Codes become words with the record form's own labels where they exist.
 * A record that does not parse (older treatments have none) gives no lines.
 */
import { harvestSiteLabels, imageGuidanceLabels, ProcedureRecord, targetLabels } from "./procedure";

export type ProcedureFact = { label: string; value: string };

/** "bone-marrow" → "Bone marrow". */
const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replaceAll("-", " ");
const lower = (code: string) => code.replaceAll("-", " ");

export function procedureFacts(raw: unknown): ProcedureFact[] {
  const parsed = ProcedureRecord.safeParse(raw);
  if (!parsed.success) return [];
  const p = parsed.data;
  const facts: ProcedureFact[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) facts.push({ label, value });
  };
  if (p.category === "cell-therapy") {
    add(
      "Product",
      `${words(p.tissue)}, ${p.origin === "autologous" ? "the patient's own (autologous)" : "donor (allogeneic)"}${p.sameDay ? ", same day" : ""}`,
    );
    add("Processing", p.processing.map(lower).join(", ") || "none");
    add("Additives", p.additives.map(lower).join(", ") || "none");
    add("Harvest site", p.harvestSite ? harvestSiteLabels[p.harvestSite] : null);
    add("Volume harvested", p.volumeHarvestedMl !== undefined ? `${p.volumeHarvestedMl} mL` : null);
    add(
      "Dose",
      [
        p.tncMillions !== undefined ? `${p.tncMillions} million nucleated cells` : null,
        p.plateletsThousandPerUl !== undefined
          ? `platelets ${p.plateletsThousandPerUl} thousand per µL`
          : null,
        p.cfuFPerMillion !== undefined ? `CFU-F ${p.cfuFPerMillion} per million cells` : null,
        p.viabilityPercent !== undefined ? `viability ${p.viabilityPercent}%` : null,
        `${p.volumeInjectedMl} mL injected`,
      ]
        .filter(Boolean)
        .join("; "),
    );
    add("Intended function", lower(p.intendedFunction));
  }
  if (p.category === "injection") add("Medicine and dose", p.medication);
  if (p.category === "cell-therapy" || p.category === "injection") {
    add("Target", targetLabels[p.target]);
    add("Levels", p.levels.join(", ") || null);
    add("Image guidance", imageGuidanceLabels[p.imageGuidance]);
  }
  if (p.category === "surgery") {
    add("Operation", words(p.surgeryType));
    add("Levels", p.levels.join(", "));
  }
  if (p.category === "conservative")
    add("Programme", `${p.programme}, ${p.sessionsPerWeek} a week for ${p.weeks} weeks`);
  add("Operator", p.operator);
  if (p.category === "cell-therapy") add("Consent form version", p.consentVersion);
  return facts;
}
