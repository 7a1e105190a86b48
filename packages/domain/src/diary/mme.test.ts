import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { mmePerDay, mmeSource, opioids, totalMme } from "./mme";

describe("morphine milligram equivalents", () => {
  it("multiplies dose, doses a day and the CDC 2022 factor", () => {
    expect(mmePerDay({ drug: "oxycodone", dose: 10, dosesPerDay: 3 })).toBe(45);
    expect(mmePerDay({ drug: "tramadol", dose: 50, dosesPerDay: 4 })).toBe(40);
    expect(mmePerDay({ drug: "fentanyl_patch", dose: 25, dosesPerDay: 1 })).toBe(60);
    expect(mmePerDay({ drug: "hydromorphone", dose: 2, dosesPerDay: 4 })).toBe(40);
  });

  it("counts a medicine that is not an opioid in the table as 0 and adds a day's lines", () => {
    expect(mmePerDay({ drug: "ibuprofen", dose: 400, dosesPerDay: 3 })).toBe(0);
    expect(
      totalMme([
        { drug: "codeine", dose: 30, dosesPerDay: 4 },
        { drug: "morphine", dose: 15, dosesPerDay: 2 },
      ]),
    ).toBe(48);
  });

  it("cites its source and keeps every factor positive", () => {
    expect((citations[mmeSource] as { doi?: string }).doi).toBe("10.15585/mmwr.rr7103a1");
    for (const o of opioids) expect(o.factor).toBeGreaterThan(0);
  });
});
