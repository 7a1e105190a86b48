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
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const ClinicTimeZoneInput = z.object({ timeZone: TimeZoneName });
export type ClinicTimeZoneInput = z.infer<typeof ClinicTimeZoneInput>;
