/**
 * The one rule for the language a portal page is in (it was decided in several places before):
 *
 * 1. the language chosen with the switch in this browser, when there is one;
 * 2. else the signed-in patient's own language, kept with the patient (staff set it at
 *    registration, and the switch saves it), which their e-mails are written in too;
 * 3. else the first of the browser's languages that the portal speaks;
 * 4. else English.
 *
 * A choice made with the switch wins because it is the latest thing the reader said; when it
 * differs from the patient's own, the portal saves it to the patient, so the two agree again.
 */
import type { PatientLanguage } from "@evident/domain/language";

// The domain's `patientLanguages`, repeated here so the portal's first download stays small.
const spoken = (v: unknown): v is PatientLanguage => v === "en" || v === "es";

export function resolveLanguage(s: {
  chosen?: string | null;
  patient?: PatientLanguage | null;
  browser?: readonly string[];
}): PatientLanguage {
  if (spoken(s.chosen)) return s.chosen;
  if (s.patient) return s.patient;
  for (const tag of s.browser ?? []) {
    const base = tag.toLowerCase().split("-")[0];
    if (spoken(base)) return base;
  }
  return "en";
}
