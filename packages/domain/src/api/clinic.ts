import { z } from "zod";
import { isTimeZone } from "../time-zone";

export const TimeZoneName = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: "must be an IANA time zone name, e.g. America/New_York or Europe/Berlin" });

export const ClinicSettings = z.object({
  name: z.string(),
  /** IANA name: the diary reminder goes out in this zone's evening. */
  timeZone: z.string(),
  /** ISO 3166-1 alpha-2 country code: gives the default emergency number. */
  country: z.string(),
  /** The clinic's own emergency number, or null to use the country's default. */
  emergencyNumber: z.string().nullable(),
  /** The country's default emergency number, or null when Evident knows none. */
  defaultEmergencyNumber: z.string().nullable(),
  /** The number patients are told to call in an emergency: the clinic's own, else the default. */
  effectiveEmergencyNumber: z.string(),
  /**
   * The clinic agrees to be named to researchers on the benchmarking funnel; otherwise they see
   * only its label ("Clinic C").
   */
  benchmarkNamed: z.boolean(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const ClinicTimeZoneInput = z.object({ timeZone: TimeZoneName });
export type ClinicTimeZoneInput = z.infer<typeof ClinicTimeZoneInput>;

/**
 * The clinic's country and its own emergency number (null: the country's default). Checked in
 * full by the repository (db/repos/clinics `checkEmergencySetting`): an assigned country code,
 * 2 to 15 digits, and a number wherever the country has no known default.
 */
export const ClinicEmergencyInput = z
  .object({
    country: z.string({ error: "is required" }).regex(/^[A-Z]{2}$/, "must be two capital letters, e.g. US"),
    emergencyNumber: z.string().nullable().default(null),
  })
  .strict();
export type ClinicEmergencyInput = z.input<typeof ClinicEmergencyInput>;

/** A SMART backend-services client of the clinic (the FHIR API's system users). */
export const FhirClientView = z.object({
  clientId: z.string(),
  name: z.string(),
  jwksUrl: z.string().nullable(),
  /** How many public keys are registered (0 with a JWKS URL). */
  keys: z.number(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type FhirClientView = z.infer<typeof FhirClientView>;

/** Whether researchers may see the clinic's name on the benchmarking funnel (audited). */
export const ClinicBenchmarkNamingInput = z
  .object({ named: z.boolean({ error: "must be true or false" }) })
  .strict();
export type ClinicBenchmarkNamingInput = z.infer<typeof ClinicBenchmarkNamingInput>;
