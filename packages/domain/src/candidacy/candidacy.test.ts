import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { EvidentError } from "../errors";
import { candidacyCriteria, candidacyCriteriaVersion } from "./criteria";
import { assessCandidacy, evaluateCandidacy } from "./evaluate";
import { type CandidacyInput, contraindicationIds, parseCandidacyInput } from "./input";
import { metFacts } from "./met-facts.test-fixture";

/** A patient who meets every criterion; each test changes only what it is about. */
function candidate(patch: Partial<CandidacyInput> = {}): CandidacyInput {
  const base = metFacts;
  return {
    ...base,
    ...patch,
    conservativeCare: { ...base.conservativeCare, ...patch.conservativeCare },
    baseline: { ...base.baseline, ...patch.baseline },
    imaging: { ...base.imaging, ...patch.imaging },
    contraindications: { ...base.contraindications, ...patch.contraindications },
  };
}

describe("candidacy checklist", () => {
  it("finds a patient who meets every criterion eligible, showing every criterion as met", () => {
    const r = evaluateCandidacy(candidate());
    expect(r.outcome).toBe("eligible");
    expect(r.criteriaVersion).toBe(candidacyCriteriaVersion);
    expect(r.criteria).toHaveLength(candidacyCriteria.length);
    expect(r.criteria.every((c) => c.status === "met")).toBe(true);
    expect(r).toMatchObject({ unmet: [], unknown: [] });
  });

  // One change each; the only unmet criterion must be the one named.
  it.each([
    ["degenerative-disc", { condition: "facet_arthropathy" }],
    ["pain-at-least-6-months", { symptomDurationMonths: 5 }],
    ["pain-at-most-60-months", { symptomDurationMonths: 61 }],
    ["conservative-care-3-months", { conservativeCare: { tried: true, months: 2.5 } }],
    ["conservative-care-3-months", { conservativeCare: { tried: false, months: 12 } }],
    ["supervised-physiotherapy", { conservativeCare: { supervisedPhysiotherapy: false } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: 39 } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: 81 } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: null, backPainNrs: 3 } }],
    ["odi-30-90", { baseline: { odi: 29 } }],
    ["odi-30-90", { baseline: { odi: 91 } }],
    ["single-level", { imaging: { levels: ["L4-L5", "L5-S1"] } }],
    ["single-level", { imaging: { levels: [] } }],
    ["pfirrmann-3-7", { imaging: { pfirrmannGrade: 2 } }],
    ["pfirrmann-3-7", { imaging: { pfirrmannGrade: 8 } }],
    ["disc-height-50", { imaging: { discHeightRetainedPercent: 49 } }],
    ["leg-pain-not-radicular", { legPain: "radicular-or-predominant" }],
    ["facet-pain-excluded", { facetPainExcludedByBlock: false }],
    ["no-unreviewed-red-flag", { triageTier: "soon" }],
    ...contraindicationIds.map((id) => [`no-${id}`, { contraindications: { [id]: true } }] as const),
  ] as [
    string,
    Partial<CandidacyInput>,
  ][])("%s is unmet by %j, and the patient is not eligible", (id, patch) => {
    const r = evaluateCandidacy(candidate(patch));
    expect(r.outcome).toBe("not-eligible");
    expect(r.unmet).toEqual([id]);
    expect(r.criteria.find((c) => c.id === id)?.status).toBe("unmet");
  });

  it.each([
    ["pain-at-least-6-months", { symptomDurationMonths: 6 }],
    ["pain-at-most-60-months", { symptomDurationMonths: 60 }],
    ["conservative-care-3-months", { conservativeCare: { tried: true, months: 3 } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: 40 } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: 80 } }],
    ["odi-30-90", { baseline: { odi: 30 } }],
    ["odi-30-90", { baseline: { odi: 90 } }],
    ["pfirrmann-3-7", { imaging: { pfirrmannGrade: 3 } }],
    ["pfirrmann-3-7", { imaging: { pfirrmannGrade: 7 } }],
    ["disc-height-50", { imaging: { discHeightRetainedPercent: 50 } }],
    ["single-level", { imaging: { levels: ["L5-S1", "L5-S1"] } }],
    ["leg-pain-not-radicular", { legPain: "non-radicular-minor" }],
  ] as [string, Partial<CandidacyInput>][])("%s is met at its boundary %j", (id, patch) => {
    const r = evaluateCandidacy(candidate(patch));
    expect(r.criteria.find((c) => c.id === id)?.status).toBe("met");
    expect(r.outcome).toBe("eligible");
  });

  it("uses a 0–10 NRS in place of the VAS when no VAS was recorded, and says so", () => {
    const c = evaluateCandidacy(
      candidate({ baseline: { backPainVasMm: null, backPainNrs: 6 } }),
    ).criteria.find((x) => x.id === "back-pain-40-80");
    expect(c).toMatchObject({
      status: "met",
      detail: expect.stringMatching(/^NRS 6\/10, used in place of the VAS/),
    });
  });

  it.each([
    ["degenerative-disc", { condition: null }],
    ["pain-at-least-6-months", { symptomDurationMonths: null }],
    ["conservative-care-3-months", { conservativeCare: { tried: true, months: null } }],
    ["back-pain-40-80", { baseline: { backPainVasMm: null } }],
    ["pfirrmann-3-7", { imaging: { pfirrmannGrade: null } }],
    ["facet-pain-excluded", { facetPainExcludedByBlock: null }],
    ["no-unreviewed-red-flag", { triageTier: null }],
    ["no-pregnancyOrNursing", { contraindications: { pregnancyOrNursing: null } }],
  ] as [
    string,
    Partial<CandidacyInput>,
  ][])("%s is unknown when %j, and more information is needed", (id, patch) => {
    const r = evaluateCandidacy(candidate(patch));
    expect(r.outcome).toBe("needs-more-information");
    expect(r.unknown).toContain(id);
    expect(r.unmet).toEqual([]);
  });

  it("is not eligible when a criterion is unmet, even with others unknown", () => {
    const r = evaluateCandidacy(
      candidate({ symptomDurationMonths: null, contraindications: { caudaEquina: true } }),
    );
    expect(r.outcome).toBe("not-eligible");
    expect(r.unmet).toEqual(["no-caudaEquina"]);
    expect(r.unknown).toEqual(["pain-at-least-6-months", "pain-at-most-60-months"]);
  });

  it("shows every criterion as unknown when nothing is known yet", () => {
    const r = assessCandidacy({});
    expect(r.outcome).toBe("needs-more-information");
    expect(r.unknown).toEqual(candidacyCriteria.map((c) => c.id));
  });

  it("cites a trial for every trial criterion, and marks the safety rules with no trial source as derived", () => {
    expect(new Set(candidacyCriteria.map((c) => c.id)).size).toBe(candidacyCriteria.length);
    for (const c of candidacyCriteria) {
      if (c.basis === "trial") expect(c.source.length, c.id).toBeGreaterThan(0);
      else expect(c.source, c.id).toEqual([]);
      for (const key of c.source) expect(citations[key]).toBeDefined();
    }
    expect(candidacyCriteria.filter((c) => c.basis === "derived").map((c) => c.id)).toEqual([
      "no-unreviewed-red-flag",
      "no-activeInfection",
      "no-cancer",
      "no-anticoagulationOrBleedingDisorder",
    ]);
  });
});

describe("parseCandidacyInput", () => {
  const issuesOf = (raw: unknown) => {
    try {
      parseCandidacyInput(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(EvidentError);
      return (e as EvidentError).issues;
    }
    throw new Error("expected a refusal");
  };

  it("accepts a full record and an empty one", () => {
    expect(parseCandidacyInput(candidate())).toEqual(candidate());
    expect(parseCandidacyInput({})).toEqual({});
  });

  it("names each bad field by its path, nested fields included", () => {
    expect(
      issuesOf({
        condition: "sore back",
        symptomDurationMonths: -1,
        baseline: { odi: "44" },
        imaging: { pfirrmannGrade: 9, levels: ["L4-L5", "L6-L7"] },
        contraindications: { fever: true, cancer: "no" },
        surgeon: "x",
      }),
    ).toEqual([
      { path: "condition", message: expect.stringMatching(/^must be one of degenerative_disc_disease/) },
      { path: "symptomDurationMonths", message: "must be 0 to 1440" },
      { path: "baseline.odi", message: "must be an ODI score (or null if not known)" },
      { path: "imaging.pfirrmannGrade", message: "must be 1 to 8" },
      { path: "imaging.levels.1", message: expect.stringMatching(/^must be one of L1-L2/) },
      { path: "contraindications.cancer", message: "must be true or false (or null if not known)" },
      { path: "contraindications.fever", message: "is not a candidacy field" },
      { path: "surgeon", message: "is not a candidacy field" },
    ]);
  });
});
