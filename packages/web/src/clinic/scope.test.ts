import { describe, expect, it } from "vitest";
import { scopeLabel } from "./scope";

const clinic = { id: "c", name: "Demo Spine Clinic", emergencyNumber: "911" };

describe("header scope", () => {
  it("names the clinic for its staff, and says 'pooled' for a researcher instead of their account's clinic", () => {
    expect(scopeLabel({ role: "clinician", clinic })).toBe("Demo Spine Clinic");
    expect(scopeLabel({ role: "researcher", clinic })).toBe("All clinics, pooled and de-identified");
  });
});
