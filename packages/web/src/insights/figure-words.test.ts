import { describe, expect, it } from "vitest";
import { missingRangeText, operationsText, patientsText, survivalText } from "./figure-words";

describe("words for the outcomes figures", () => {
  it("counts operations in the singular, the plural, and none yet", () => {
    expect(operationsText(0)).toBe("no operations yet");
    expect(operationsText(1)).toBe("1 operation");
    expect(operationsText(3)).toBe("3 operations");
    expect([patientsText(1), patientsText(12)]).toEqual(["1 patient", "12 patients"]);
  });

  it("says 'no operations' instead of a collapsed interval, and gives the interval once there are some", () => {
    expect(survivalText({ survival: 1, lower: 1, upper: 1 })).toBe("100%, no operations by then");
    expect(survivalText({ survival: 0.857, lower: 0.71, upper: 0.95 })).toBe("86% (71% to 95%)");
    expect(survivalText({ survival: 0.9, lower: null, upper: null })).toBe("90% (—)");
    expect(survivalText(null)).toBe("—");
  });

  it("gives the range the missing patients could move a share over, in words", () => {
    expect(missingRangeText({ due: 20, missing: 9, lower: 0.2, upper: 0.65 })).toBe(
      "20% to 65% if the 9 missing all did not / all did respond",
    );
    expect(missingRangeText({ due: 20, missing: 9, lower: 0.2, upper: 0.65 }, "respond", true)).toBe(
      "9 missing: 20% to 65%",
    );
    expect(missingRangeText({ due: 20, missing: 0, lower: 0.5, upper: 0.5 })).toBe("none missing");
    expect(missingRangeText(null)).toBeNull();
  });
});
