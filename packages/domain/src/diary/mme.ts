/**
 * Opioid doses as morphine milligram equivalents (MME) per day: dose × doses per day × the
 * drug's conversion factor. Factors are those of the CDC 2022 guideline's conversion table
 * (Dowell et al. 2022), kept here as data with their source. They estimate exposure for
 * monitoring, not doses to switch between drugs (the guideline says so: conversion between
 * opioids needs clinical judgement, and methadone's and fentanyl's are least certain).
 *
 * Checked against the guideline's table ("Morphine milligram equivalent doses for commonly
 * prescribed opioids for pain management"), which the CDC adapted from Von Korff et al. 2008 and
 * Nielsen et al. 2016: every factor below matches it except dihydrocodeine, which the 2022 table
 * does not list; its 0.25 is Von Korff 2008's factor, marked by its note.
 */
import type { CitationKey } from "../citations";

export type OpioidFactor = {
  id: string;
  label: string;
  /** The unit a dose is entered in. */
  unit: "mg" | "mcg/hr";
  factor: number;
  note?: string;
};

export const mmeSource: CitationKey = "cdcOpioids2022";
export const mmeTableVersion = "cdc-2022";

export const opioids = [
  { id: "codeine", label: "Codeine", unit: "mg", factor: 0.15 },
  {
    id: "dihydrocodeine",
    label: "Dihydrocodeine",
    unit: "mg",
    factor: 0.25,
    note: "Not in the CDC 2022 table; factor from Von Korff et al. 2008 (Clin J Pain 24:521–7).",
  },
  {
    id: "fentanyl_patch",
    label: "Fentanyl patch",
    unit: "mcg/hr",
    factor: 2.4,
    note: "Patch strength in micrograms per hour; one patch counts as one dose a day.",
  },
  { id: "hydrocodone", label: "Hydrocodone", unit: "mg", factor: 1 },
  { id: "hydromorphone", label: "Hydromorphone", unit: "mg", factor: 5 },
  {
    id: "methadone",
    label: "Methadone",
    unit: "mg",
    factor: 4.7,
    note: "Least certain: methadone's equivalence rises with dose.",
  },
  { id: "morphine", label: "Morphine", unit: "mg", factor: 1 },
  { id: "oxycodone", label: "Oxycodone", unit: "mg", factor: 1.5 },
  { id: "oxymorphone", label: "Oxymorphone", unit: "mg", factor: 3 },
  { id: "tapentadol", label: "Tapentadol", unit: "mg", factor: 0.4 },
  { id: "tramadol", label: "Tramadol", unit: "mg", factor: 0.2 },
] as const satisfies readonly OpioidFactor[];

export type OpioidId = (typeof opioids)[number]["id"];
export const opioidIds = opioids.map((o) => o.id) as [OpioidId, ...OpioidId[]];

export const opioid = (id: string): OpioidFactor | undefined => opioids.find((o) => o.id === id);

/** MME of one medication line for a day; 0 for a medicine that is not an opioid in the table. */
export function mmePerDay(m: { drug: string; dose: number; dosesPerDay: number }): number {
  const o = opioid(m.drug);
  if (!o) return 0;
  return Math.round(m.dose * m.dosesPerDay * o.factor * 10) / 10;
}

/** A day's total MME (rounded to 0.1). */
export const totalMme = (meds: readonly { drug: string; dose: number; dosesPerDay: number }[]): number =>
  Math.round(meds.reduce((sum, m) => sum + mmePerDay(m), 0) * 10) / 10;
