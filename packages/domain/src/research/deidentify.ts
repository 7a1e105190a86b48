/**
 * De-identification of a research export to HIPAA Safe Harbor (45 CFR 164.514(b)(2)), and the
 * k-anonymity check on top of it.
 *
 * - Dates: no element of a date leaves, not even the year. Every date becomes whole days from the
 *   patient's index treatment (their first recorded treatment: day 0), so intervals are kept
 *   exactly and nothing needs a secret offset. A patient with no treatment has no index: their
 *   dated values are left blank.
 * - Ages: completed years at the index treatment (at registration without one); 90 and over are
 *   one group, "90+", as Safe Harbor's (C) requires.
 * - Study ids are random per export (made by the caller from a CSPRNG), never derived from an
 *   identifier, so two exports of the same cohort cannot be linked by id.
 * - k-anonymity: patients are grouped by the quasi-identifiers (age band, sex, condition, clinic);
 *   every group of fewer than K_ANONYMITY (11, the CMS cell-size rule the rest of Evident uses) is
 *   left out whole, and the number left out is reported.
 */
import { ageOn, daysBetween, type IsoDate } from "../dates";

export const K_ANONYMITY = 11;

/** Ten-year bands (Safe Harbor's 90+ as the last); ids are a public contract of the exports. */
export const ageBands = [
  { id: "0-17", min: 0, max: 17 },
  { id: "18-29", min: 18, max: 29 },
  { id: "30-39", min: 30, max: 39 },
  { id: "40-49", min: 40, max: 49 },
  { id: "50-59", min: 50, max: 59 },
  { id: "60-69", min: 60, max: 69 },
  { id: "70-79", min: 70, max: 79 },
  { id: "80-89", min: 80, max: 89 },
  { id: "90+", min: 90, max: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof ageBands)[number]["id"];
export const ageBandIds = ageBands.map((b) => b.id) as [AgeBand, ...AgeBand[]];

export function ageBandOf(age: number): AgeBand {
  return (ageBands.find((b) => age <= b.max) ?? ageBands[ageBands.length - 1]!).id;
}

/** The age as Safe Harbor lets it leave: years up to 89, then "90+". */
export function safeHarborAge(age: number): string {
  return age > 89 ? "90+" : String(Math.max(0, age));
}

/** Age in completed years on the reference day (the index treatment, else registration). */
export function ageAt(birthDate: IsoDate, referenceDay: IsoDate): number {
  return ageOn(birthDate, referenceDay);
}

/** Days from the index treatment to `day`, or null when either is unknown. */
export function dayFromIndex(indexDay: IsoDate | null, day: IsoDate | null): number | null {
  return indexDay && day ? daysBetween(indexDay, day) : null;
}

export type QuasiIdentifiers = { ageBand: string; sex: string; condition: string; clinic: string };

export const classKey = (q: QuasiIdentifiers): string =>
  JSON.stringify([q.ageBand, q.sex, q.condition, q.clinic]);

/**
 * The equivalence classes to suppress (fewer than k members) and how many patients they hold.
 */
export function smallClasses(
  classes: readonly (QuasiIdentifiers & { n: number })[],
  k = K_ANONYMITY,
): { keys: Set<string>; patients: number } {
  const keys = new Set<string>();
  let patients = 0;
  for (const c of classes)
    if (c.n < k) {
      keys.add(classKey(c));
      patients += c.n;
    }
  return { keys, patients };
}
