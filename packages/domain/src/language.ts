/**
 * The languages a patient can read Evident in. It is kept with the patient (patients.language):
 * the portal opens in it and every e-mail to the patient is written in it.
 */
export const patientLanguages = ["en", "es"] as const;
export type PatientLanguage = (typeof patientLanguages)[number];

export const isPatientLanguage = (v: unknown): v is PatientLanguage =>
  typeof v === "string" && (patientLanguages as readonly string[]).includes(v);
