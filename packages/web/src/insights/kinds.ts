/**
 * One colour and one short name per treatment kind, the same in every plot of the outcomes page.
 * Colours are from the Okabe–Ito colour-blind-safe set, darkened where needed so each line has at
 * least 3:1 contrast on white (WCAG 1.4.11); every plot also has a legend and a data table.
 */
import { type TreatmentKind, treatmentKind } from "@evident/domain";

const colours: Record<TreatmentKind, string> = {
  exercise_physiotherapy: "#0072B2",
  medication: "#5F5F5F",
  epidural_steroid_injection: "#007A5A",
  bone_marrow_concentrate: "#D55E00",
  adipose_derived_cells: "#AA4499",
  discectomy: "#A86400",
  fusion: "#1A1A1A",
  other: "#8C564B",
  advice_self_management: "#4D7A00",
  pilates_yoga: "#3C6E9E",
  psychological_programme: "#7A4FA0",
  spinal_manipulation: "#8A6D00",
  massage: "#B2476B",
  acupuncture: "#00758F",
  heat_therapy: "#B5462C",
  radiofrequency_denervation: "#5C5CA8",
  platelet_rich_plasma: "#C0392B",
  cultured_or_donor_cells: "#8E3B8E",
};

const short: Record<TreatmentKind, string> = {
  exercise_physiotherapy: "Exercise / physio",
  medication: "Medication",
  epidural_steroid_injection: "Epidural steroid",
  bone_marrow_concentrate: "Bone-marrow cells",
  adipose_derived_cells: "Adipose cells",
  discectomy: "Discectomy",
  fusion: "Fusion",
  other: "Other",
  advice_self_management: "Advice",
  pilates_yoga: "Pilates / yoga",
  psychological_programme: "Psychological",
  spinal_manipulation: "Manipulation",
  massage: "Massage",
  acupuncture: "Acupuncture",
  heat_therapy: "Heat",
  radiofrequency_denervation: "Radiofrequency",
  platelet_rich_plasma: "PRP",
  cultured_or_donor_cells: "Cultured / donor cells",
};

export const kindColour = (kind: string): string => (colours as Record<string, string>)[kind] ?? "#5F5F5F";
export const kindLabel = (kind: string): string => treatmentKind(kind)?.label ?? kind;
/** A name short enough for a plot's axis or legend on a phone. */
export const kindShort = (kind: string): string => (short as Record<string, string>)[kind] ?? kindLabel(kind);
export const isInvestigational = (kind: string): boolean => Boolean(treatmentKind(kind)?.regulatoryNote);

/** Colour scale options for Observable Plot over these kinds, legend labelled with short names. */
export function kindColourScale(kinds: readonly string[]) {
  return {
    domain: kinds.map(kindShort),
    range: kinds.map(kindColour),
  };
}
