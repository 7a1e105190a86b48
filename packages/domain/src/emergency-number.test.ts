import { describe, expect, it } from "vitest";
import { citations } from "./citations";
import {
  defaultEmergencyNumber,
  defaultEmergencyNumbers,
  EMERGENCY_NUMBER,
  effectiveEmergencyNumber,
  isCountryCode,
  isEmergencyNumber,
  withEmergencyNumber,
} from "./emergency-number";

describe("emergency numbers", () => {
  it("defaults from the country: 911 in North America, 999 in the UK, 112 in the EU, 000 and 111 down under", () => {
    expect(["US", "CA", "MX"].map(defaultEmergencyNumber)).toEqual(["911", "911", "911"]);
    expect(defaultEmergencyNumber("GB")).toBe("999");
    expect(["ES", "DE", "FR", "IE", "PL"].map(defaultEmergencyNumber)).toEqual([
      "112",
      "112",
      "112",
      "112",
      "112",
    ]);
    expect(defaultEmergencyNumber("AU")).toBe("000");
    expect(defaultEmergencyNumber("NZ")).toBe("111");
    expect(Object.keys(defaultEmergencyNumbers)).toHaveLength(6 + 27);
    expect(citations.emergencyNumbers.text).toMatch(/112 .*EU/);
  });

  it("has no default for a country without a source, and the clinic's own number wins over any default", () => {
    expect(defaultEmergencyNumber("JP")).toBeNull();
    expect(effectiveEmergencyNumber("ES", null)).toBe("112");
    expect(effectiveEmergencyNumber("GB", "112")).toBe("112");
    expect(effectiveEmergencyNumber("JP", "119")).toBe("119");
  });

  it("knows the assigned ISO 3166 alpha-2 codes only, in capitals", () => {
    expect(["US", "GB", "ES", "JP", "NZ"].every(isCountryCode)).toBe(true);
    expect(["UK", "EU", "us", "XX", "USA", ""].some(isCountryCode)).toBe(false);
    for (const c of Object.keys(defaultEmergencyNumbers)) expect(isCountryCode(c), c).toBe(true);
  });

  it("takes 2 to 15 digits as a number, nothing else", () => {
    expect(["112", "000", "911", "0800123456"].every(isEmergencyNumber)).toBe(true);
    expect(["1", "9 1 1", "+34112", "911a", "1234567890123456"].some(isEmergencyNumber)).toBe(false);
  });

  it("fills the placeholder in strings, deep in objects and arrays, and leaves the rest alone", () => {
    const text = {
      title: "Help",
      body: `Call ${EMERGENCY_NUMBER} now`,
      list: [`or ${EMERGENCY_NUMBER}`],
      n: 3,
    };
    expect(withEmergencyNumber(text, "112")).toEqual({
      title: "Help",
      body: "Call 112 now",
      list: ["or 112"],
      n: 3,
    });
    expect(withEmergencyNumber(withEmergencyNumber(text, "112"), "999")).toEqual(
      withEmergencyNumber(text, "112"),
    );
    expect(withEmergencyNumber(null, "112")).toBeNull();
  });
});
