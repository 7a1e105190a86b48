import { describe, expect, it } from "vitest";
import { nowIn } from "./SettingsPage";

describe("the time shown beside the chosen time zone", () => {
  const noonUtcWinter = new Date("2026-01-15T12:00:00Z");
  const noonUtcSummer = new Date("2026-07-15T12:00:00Z");

  it("is the local time and offset there, daylight saving time included", () => {
    expect(nowIn("Europe/Madrid", noonUtcWinter)).toBe("Thursday 13:00 (GMT+1)");
    expect(nowIn("Europe/Madrid", noonUtcSummer)).toBe("Wednesday 14:00 (GMT+2)");
    expect(nowIn("America/New_York", noonUtcWinter)).toBe("Thursday 07:00 (GMT-5)");
  });

  it("is empty for a name that is not a time zone", () => {
    expect(nowIn("Mars/Olympus_Mons", noonUtcWinter)).toBe("");
  });
});
