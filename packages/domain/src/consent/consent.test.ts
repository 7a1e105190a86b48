import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import {
  CONSENT_TEMPLATE_VERSION,
  canonicalText,
  checkTeachBack,
  consentDocument,
  consentGate,
  consentKinds,
  consentLanguages,
  type SignedConsentFacts,
  teachBackIds,
  teachBackQuestions,
} from "./index";

const price = { amount: 8900, currency: "USD" };
const procedure = (kind: string, language: "en" | "es" = "en") =>
  consentDocument({ purpose: "procedure", treatmentKind: kind, language, clinicName: "Spine Clinic", price });

describe("consent documents", () => {
  it("has a procedure consent for every investigational kind of the catalogue, and only those", () => {
    expect([...consentKinds].sort()).toEqual([
      "adipose_derived_cells",
      "bone_marrow_concentrate",
      "cultured_or_donor_cells",
      "platelet_rich_plasma",
    ]);
    expect(() =>
      consentDocument({
        purpose: "procedure",
        treatmentKind: "fusion",
        language: "en",
        clinicName: "X",
        price,
      }),
    ).toThrow(/treatmentKind/);
  });

  it("states that the treatment is not FDA-approved for back pain, in both languages", () => {
    for (const kind of consentKinds) {
      expect(canonicalText(procedure(kind))).toMatch(/not FDA-approved for back pain/);
      expect(canonicalText(procedure(kind, "es"))).toMatch(
        /no está aprobad[oa] por la FDA para el dolor de espalda/,
      );
    }
  });

  it("gives every evidence section known citation keys and a certainty label", () => {
    for (const kind of consentKinds)
      for (const language of consentLanguages) {
        const doc = procedure(kind, language);
        for (const id of ["evidence", "sham"]) {
          const s = doc.sections.find((x) => x.id === id);
          expect(s?.sources.length, `${kind}/${language}/${id}`).toBeGreaterThan(0);
          expect(s?.certainty, `${kind}/${language}/${id}`).not.toBeNull();
        }
        for (const s of doc.sections) for (const key of s.sources) expect(citations).toHaveProperty(key);
      }
  });

  it("states the clinic's price in the reader's language", () => {
    expect(canonicalText(procedure("bone_marrow_concentrate"))).toContain("$8,900");
    expect(canonicalText(procedure("bone_marrow_concentrate", "es"))).toMatch(/8[.,]?900/);
  });

  it("refuses a procedure consent without a price", () => {
    expect(() =>
      consentDocument({
        purpose: "procedure",
        treatmentKind: "platelet_rich_plasma",
        language: "en",
        clinicName: "X",
        price: null,
      }),
    ).toThrow(/price/);
  });

  it("has research and story consents that say they can be withdrawn and that care continues", () => {
    const research = canonicalText(
      consentDocument({
        purpose: "research",
        treatmentKind: null,
        language: "en",
        clinicName: "X",
        price: null,
      }),
    );
    expect(research).toMatch(/take back this consent/);
    expect(research).toMatch(/care here will go on/);
    const story = canonicalText(
      consentDocument({
        purpose: "story",
        treatmentKind: null,
        language: "es",
        clinicName: "X",
        price: null,
      }),
    );
    expect(story).toMatch(/retirar este consentimiento/);
  });
});

describe("canonical text", () => {
  it("is the same for the same words, and differs when the price or clinic differs", () => {
    const a = canonicalText(procedure("adipose_derived_cells"));
    expect(canonicalText(procedure("adipose_derived_cells"))).toBe(a);
    const dearer = consentDocument({
      purpose: "procedure",
      treatmentKind: "adipose_derived_cells",
      language: "en",
      clinicName: "Spine Clinic",
      price: { amount: 9900, currency: "USD" },
    });
    expect(canonicalText(dearer)).not.toBe(a);
  });

  it("names the template version, purpose, kind and language, ends with one newline and is NFC", () => {
    const text = canonicalText(procedure("platelet_rich_plasma", "es"));
    expect(text.split("\n")[1]).toBe(
      `template ${CONSENT_TEMPLATE_VERSION} · procedure · platelet_rich_plasma · es`,
    );
    expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
    expect(text).toBe(text.normalize("NFC"));
  });

  it("carries each evidence section's certainty and sources", () => {
    const text = canonicalText(procedure("bone_marrow_concentrate"));
    expect(text).toContain("How sure we are: very low");
    expect(text).toContain("Sources: levi2025; pettine2016");
  });
});

describe("teach-back", () => {
  const right = { approval: "no", evidence: "unknown", choice: "care-continues" };

  it("asks three questions per kind and language, each with its right answer among the options", () => {
    for (const kind of consentKinds)
      for (const language of consentLanguages) {
        const qs = teachBackQuestions(kind, language);
        expect(qs.map((q) => q.id)).toEqual([...teachBackIds]);
        for (const q of qs) expect(q.options.map((o) => o.id)).toContain(q.correct);
      }
  });

  it("passes only when all three are right", () => {
    expect(checkTeachBack("bone_marrow_concentrate", "en", right)).toEqual({ allRight: true, wrong: [] });
  });

  it("explains a wrong answer and names the question to ask again", () => {
    const r = checkTeachBack("bone_marrow_concentrate", "en", { ...right, evidence: "works" });
    expect(r.allRight).toBe(false);
    expect(r.wrong).toEqual([expect.objectContaining({ id: "evidence", answered: true })]);
    expect(r.wrong[0]?.explanation).toMatch(/We do not know if it helps/);
  });

  it("counts an unanswered question as not right", () => {
    const r = checkTeachBack("platelet_rich_plasma", "es", { approval: "no", evidence: "unknown" });
    expect(r.wrong).toEqual([expect.objectContaining({ id: "choice", answered: false })]);
  });

  it("never passes for a kind with no consent", () => {
    expect(checkTeachBack("fusion", "en", right).allRight).toBe(false);
  });
});

describe("the consent gate", () => {
  const signed = (over: Partial<SignedConsentFacts> = {}): SignedConsentFacts => ({
    id: "c1",
    treatmentKind: "bone_marrow_concentrate",
    purpose: "procedure",
    version: 2,
    method: "portal",
    signedOn: "2026-11-01",
    withdrawn: false,
    ...over,
  });

  it("is not needed for a treatment that is not investigational", () => {
    expect(consentGate("exercise_physiotherapy", "2026-12-01", null, []).status).toBe("not-needed");
  });

  it("passes with a signed consent of the current version before the treatment", () => {
    expect(consentGate("bone_marrow_concentrate", "2026-12-01", 2, [signed()])).toMatchObject({
      status: "passed",
      consent: { id: "c1" },
    });
  });

  it.each([
    ["no-document", null, [signed()]],
    ["not-signed", 2, []],
    ["not-signed", 2, [signed({ treatmentKind: "platelet_rich_plasma" })]],
    ["old-version", 3, [signed()]],
    ["signed-after-treatment", 2, [signed({ signedOn: "2026-12-02" })]],
    ["not-signed", 2, [signed({ withdrawn: true })]],
  ] as const)("refuses with %s", (reason, version, list) => {
    expect(consentGate("bone_marrow_concentrate", "2026-12-01", version, list)).toMatchObject({
      status: "refused",
      reason,
    });
  });
});
