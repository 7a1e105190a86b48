import { describe, expect, it } from "vitest";
import { tierBadgeLabel } from "./tierLook";

describe("triage badge", () => {
  it("drops 'Review before decision aid' once the flags are reviewed, and keeps the other tiers' names", () => {
    expect(tierBadgeLabel("soon", false)).toBe("Review before decision aid");
    expect(tierBadgeLabel("soon", true)).toBe("Flags reviewed");
    expect(tierBadgeLabel("emergency", true)).toBe("Emergency");
    expect(tierBadgeLabel("none", false)).toBe("No red flags");
  });
});
