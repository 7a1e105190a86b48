/**
 * One colour and one short name per treatment kind, the same in every plot of the outcomes page.
 * Colours are from the Okabe–Ito colour-blind-safe set, darkened where needed so each line has at
 * least 3:1 contrast on white (WCAG 1.4.11); every plot also has a legend and a data table.
 */
import { treatmentKind } from "@evident/domain";

const colours: Record<string, string> = {
  exercise_physiotherapy: "#0072B2",
  medication: "#5F5F5F",
  epidural_steroid_injection: "#007A5A",
  bone_marrow_concentrate: "#D55E00",
  adipose_derived_cells: "#AA4499",
  discectomy: "#A86400",
  fusion: "#1A1A1A",
  other: "#8C564B",
};

const short: Record<string, string> = {
  exercise_physiotherapy: "Exercise / physio",
  medication: "Medication",
  epidural_steroid_injection: "Epidural steroid",
  bone_marrow_concentrate: "Bone-marrow cells",
  adipose_derived_cells: "Adipose cells",
  discectomy: "Discectomy",
  fusion: "Fusion",
  other: "Other",
};

export const kindColour = (kind: string): string => colours[kind] ?? "#5F5F5F";
export const kindLabel = (kind: string): string => treatmentKind(kind)?.label ?? kind;
/** A name short enough for a plot's axis or legend on a phone. */
export const kindShort = (kind: string): string => short[kind] ?? kindLabel(kind);
export const isInvestigational = (kind: string): boolean => Boolean(treatmentKind(kind)?.regulatoryNote);

/** Colour scale options for Observable Plot over these kinds, legend labelled with short names. */
export function kindColourScale(kinds: readonly string[]) {
  return {
    domain: kinds.map(kindShort),
    range: kinds.map(kindColour),
  };
}
