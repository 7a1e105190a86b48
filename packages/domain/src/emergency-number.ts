/**
 * The number a patient calls in an emergency, which depends on where the clinic is: 911 in the
 * United States, 112 across the EU, 999 in the United Kingdom, 000 in Australia. A clinic has a
 * country (ISO 3166-1 alpha-2) and may set its own number; without one, the country's default
 * below is used (source: `emergencyNumbers` in citations.ts). A country not in the table has no
 * default, so its clinic must set the number itself: better to ask than to print a wrong one.
 *
 * Patient text names the number through the {@link EMERGENCY_NUMBER} placeholder and is filled
 * in with {@link withEmergencyNumber} just before it is shown or sent, in any language; so no
 * text hard-codes one country's number.
 */

/** ISO 3166-1 alpha-2 codes, officially assigned (2024). */
const iso3166 =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
  "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
  "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
  "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
  "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
  "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
  "YT ZA ZM ZW";
export const countryCodes: readonly string[] = iso3166.split(" ");
const known = new Set(countryCodes);

/** True for an officially assigned ISO 3166-1 alpha-2 code in capitals ("US", "ES"; not "UK"). */
export const isCountryCode = (code: string): boolean => known.has(code);

const eu = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");

/** Each country's emergency number where we have a source for it (citations: emergencyNumbers). */
export const defaultEmergencyNumbers: Readonly<Record<string, string>> = {
  US: "911",
  CA: "911",
  MX: "911",
  GB: "999",
  AU: "000",
  NZ: "111",
  ...Object.fromEntries(eu.map((c) => [c, "112"])),
};

/** The country's default number, or null when we know none (the clinic must then set it). */
export const defaultEmergencyNumber = (country: string): string | null =>
  defaultEmergencyNumbers[country] ?? null;

/** 2 to 15 digits: short codes (112, 000) up to a full national number; no spaces or signs. */
export const isEmergencyNumber = (n: string): boolean => /^[0-9]{2,15}$/.test(n);

/**
 * The number patients are told to call: the clinic's own, else its country's default. A clinic
 * cannot be saved without one of the two (db/repos/clinics), so the last resort, 112 (which GSM
 * phones route to the local emergency service in most countries), is never expected to be used.
 */
export function effectiveEmergencyNumber(country: string, own: string | null): string {
  return own ?? defaultEmergencyNumber(country) ?? "112";
}

/** Where patient text names the emergency number; see {@link withEmergencyNumber}. */
export const EMERGENCY_NUMBER = "{emergencyNumber}";

/**
 * The value with every placeholder in its strings (deeply: objects and arrays too) replaced by
 * the number. Text without the placeholder comes back unchanged, so filling twice is harmless.
 */
export function withEmergencyNumber<T>(value: T, number: string): T {
  if (typeof value === "string") return value.replaceAll(EMERGENCY_NUMBER, number) as T;
  if (Array.isArray(value)) return value.map((v) => withEmergencyNumber(v, number)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, withEmergencyNumber(v, number)]),
    ) as T;
  return value;
}
