import { describe, expect, it } from "vitest";
import { treatmentKinds } from "../catalogue/treatments";
import { assertSignable, assessCandidacy } from "./evaluate";
import { CANDIDACY_CURRENT_DAYS, candidacyGate, correctionRunsGate, type SignOffFacts } from "./gate";
import { metFacts } from "./met-facts.test-fixture";

const V = "criteria-now";
const signOff = (patch: Partial<SignOffFacts> = {}): SignOffFacts => ({
  id: "a1",
  outcome: "eligible",
  criteriaVersion: V,
  signedOn: "2026-03-01",
  ...patch,
});
const gate = (kind: string, signOffs: SignOffFacts[], date = "2026-03-10") =>
  candidacyGate(kind, date, signOffs, V);

describe("the candidacy gate", () => {
  it("applies to every cell therapy and PRP, and to nothing else", () => {
    const gated = treatmentKinds.filter((k) => gate(k.id, []).status === "refused").map((k) => k.id);
    expect(gated).toEqual([
      "bone_marrow_concentrate",
      "adipose_derived_cells",
      "platelet_rich_plasma",
      "cultured_or_donor_cells",
    ]);
    expect(treatmentKinds.filter((k) => k.category === "cell-therapy").map((k) => k.id)).toEqual(gated);
  });

  it.each([
    "bone_marrow_concentrate",
    "platelet_rich_plasma",
  ])("refuses %s with no assessment, saying what to do", (kind) => {
    const v = gate(kind, []);
    expect(v).toMatchObject({ status: "refused", reason: "no-assessment", signOff: null });
    expect(v.status === "refused" && v.message).toMatch(/is investigational: .*Assess candidacy .*override/);
  });

  it("passes with an eligible sign-off made before the treatment, or on its day", () => {
    expect(gate("bone_marrow_concentrate", [signOff()])).toEqual({ status: "passed", signOff: signOff() });
    const sameDay = signOff({ signedOn: "2026-03-10" });
    expect(gate("platelet_rich_plasma", [sameDay])).toEqual({ status: "passed", signOff: sameDay });
  });

  it("goes by the latest sign-off: a later 'not eligible' replaces an earlier 'eligible'", () => {
    const later = signOff({ id: "a2", outcome: "not-eligible", signedOn: "2026-03-05" });
    expect(gate("bone_marrow_concentrate", [later, signOff()])).toMatchObject({
      status: "refused",
      reason: "not-eligible",
      signOff: later,
    });
    // …and a later eligible one replaces an earlier refusal.
    const again = signOff({ id: "a3", signedOn: "2026-03-08" });
    expect(gate("bone_marrow_concentrate", [later, again, signOff()])).toMatchObject({
      status: "passed",
      signOff: again,
    });
  });

  it("ignores sign-offs made after the treatment date", () => {
    const after = signOff({ signedOn: "2026-03-11" });
    expect(gate("bone_marrow_concentrate", [after])).toMatchObject({ reason: "signed-after-treatment" });
    expect(gate("bone_marrow_concentrate", [signOff({ outcome: "not-eligible" }), after])).toMatchObject({
      reason: "not-eligible",
    });
  });

  it(`is current for ${CANDIDACY_CURRENT_DAYS} days before the treatment, and no longer`, () => {
    expect(gate("bone_marrow_concentrate", [signOff({ signedOn: "2026-01-01" })], "2026-04-01").status).toBe(
      "passed",
    );
    expect(
      gate("bone_marrow_concentrate", [signOff({ signedOn: "2025-12-31" })], "2026-04-01"),
    ).toMatchObject({
      reason: "out-of-date",
    });
  });

  it("refuses a sign-off that needed more information, or was made with criteria since changed", () => {
    expect(gate("adipose_derived_cells", [signOff({ outcome: "needs-more-information" })])).toMatchObject({
      reason: "needs-more-information",
    });
    const old = gate("adipose_derived_cells", [signOff({ criteriaVersion: "criteria-then" })]);
    expect(old).toMatchObject({ reason: "old-criteria" });
    expect(old.status === "refused" && old.message).toMatch(/criteria-then.*now criteria-now/);
  });

  it("does not apply to conventional care, whatever the sign-offs say", () => {
    expect(gate("epidural_steroid_injection", [])).toEqual({ status: "not-needed" });
    expect(gate("fusion", [signOff({ outcome: "not-eligible" })])).toEqual({ status: "not-needed" });
  });
});

describe("a correction", () => {
  const bmc = { kind: "bone_marrow_concentrate", date: "2026-03-10" };
  it("runs the gate again when the kind becomes investigational, or an investigational date moves", () => {
    expect(correctionRunsGate({ kind: "medication", date: bmc.date, basis: null }, bmc, false)).toBe(true);
    expect(
      correctionRunsGate({ ...bmc, kind: "platelet_rich_plasma", basis: "assessment" }, bmc, false),
    ).toBe(true);
    expect(correctionRunsGate({ ...bmc, date: "2026-03-12", basis: "assessment" }, bmc, false)).toBe(true);
  });
  it("keeps what the treatment rested on when kind and date stay, or when an override's date moves", () => {
    expect(correctionRunsGate({ ...bmc, basis: "assessment" }, bmc, false)).toBe(false);
    expect(correctionRunsGate({ ...bmc, date: "2026-03-12", basis: "override" }, bmc, false)).toBe(false);
    // …unless it brings a new override.
    expect(correctionRunsGate({ ...bmc, basis: "assessment" }, bmc, true)).toBe(true);
  });
});

describe("signing off an assessment", () => {
  it("is refused while more information is needed, naming each unknown criterion", () => {
    const result = assessCandidacy({ condition: "degenerative_disc_disease" });
    let issues: { path: string; message: string }[] = [];
    try {
      assertSignable(result);
    } catch (e) {
      expect(e).toMatchObject({ status: 422 });
      issues = (e as { issues: typeof issues }).issues;
    }
    expect(issues.map((i) => i.path)).toEqual(result.unknown.map((id) => `criteria.${id}`));
    expect(issues[0]?.message).toBe(
      "needs more information: symptom duration not recorded (Back pain for at least 6 months)",
    );
  });

  it("is refused for a not-eligible result while other criteria are unknown", () => {
    const partial = assessCandidacy({ condition: "spinal_stenosis" });
    expect(partial.outcome).toBe("not-eligible");
    expect(partial.unknown.length).toBeGreaterThan(0);
    expect(() => assertSignable(partial)).toThrow(/more information before the assessment can be signed off/);
  });

  it("accepts a settled result: not eligible with every criterion known", () => {
    const settled = assessCandidacy({ ...metFacts, condition: "spinal_stenosis" });
    expect(settled.outcome).toBe("not-eligible");
    expect(settled.unknown).toEqual([]);
    expect(() => assertSignable(settled)).not.toThrow();
  });
});
