/**
 * Links decision-aid options to the treatment kinds the registry records (catalogue/treatments.ts),
 * so the clinic's own outcomes can be shown beside an option. `exact` means the kind records this
 * option and nothing else; `broader` means the kind also records other care (all medicines are
 * "medication"), and a screen must say so. Every option has a kind: doing nothing special is
 * recorded as the advice and self-management a clinician gives.
 */
import type { TreatmentKind } from "../catalogue/treatments";

export type OptionTreatmentLink = { kind: TreatmentKind; match: "exact" | "broader" };

const links: Readonly<Record<string, OptionTreatmentLink>> = {
  "natural-course": { kind: "advice_self_management", match: "exact" },
  "exercise-physiotherapy": { kind: "exercise_physiotherapy", match: "exact" },
  "pilates-yoga": { kind: "pilates_yoga", match: "exact" },
  "psychological-programme": { kind: "psychological_programme", match: "exact" },
  "spinal-manipulation": { kind: "spinal_manipulation", match: "exact" },
  massage: { kind: "massage", match: "exact" },
  acupuncture: { kind: "acupuncture", match: "exact" },
  heat: { kind: "heat_therapy", match: "exact" },
  nsaids: { kind: "medication", match: "broader" },
  opioids: { kind: "medication", match: "broader" },
  "epidural-steroid-injection": { kind: "epidural_steroid_injection", match: "exact" },
  "radiofrequency-denervation": { kind: "radiofrequency_denervation", match: "exact" },
  discectomy: { kind: "discectomy", match: "exact" },
  fusion: { kind: "fusion", match: "exact" },
  "bone-marrow-concentrate": { kind: "bone_marrow_concentrate", match: "exact" },
  "adipose-derived-cells": { kind: "adipose_derived_cells", match: "exact" },
  "cultured-or-donor-cells": { kind: "cultured_or_donor_cells", match: "exact" },
  "platelet-rich-plasma": { kind: "platelet_rich_plasma", match: "exact" },
};

/** The registry treatment kind for a decision-aid option, or undefined when none records it. */
export function treatmentKindForOption(optionId: string): OptionTreatmentLink | undefined {
  return links[optionId];
}

/** The decision-aid options a registry treatment kind's outcomes can be shown beside. */
export function optionsForTreatmentKind(
  kind: TreatmentKind,
): { optionId: string; match: "exact" | "broader" }[] {
  return Object.entries(links)
    .filter(([, link]) => link.kind === kind)
    .map(([optionId, link]) => ({ optionId, match: link.match }));
}
