import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { citations } from "../citations";
import { EvidentError } from "../errors";
import { assessProduct, classifyProduct, NOT_APPROVED, NOT_LEGAL_ADVICE } from "./classify";
import {
  additives,
  intendedFunctions,
  origins,
  type ProposedProduct,
  parseProposedProduct,
  processingSteps,
  targets,
  tissues,
} from "./product";
import { clinicianSummary, consentParagraph } from "./text";

/** Same-day autologous bone-marrow concentrate into a disc; each case changes what it is about. */
const product = (patch: Partial<ProposedProduct> = {}): ProposedProduct => ({
  tissue: "bone-marrow",
  origin: "autologous",
  processing: ["centrifugation"],
  sameSurgicalProcedure: true,
  additives: [],
  target: "disc",
  intendedFunction: "repair-or-regenerate",
  ...patch,
});

const sourcesOf = (p: ProposedProduct) => classifyProduct(p).reasons.flatMap((r) => r.sources);

describe("domain reference table 4.4: every row", () => {
  it.each([
    [
      "PRP (autologous, point-of-care centrifuge)",
      { tissue: "blood", processing: ["centrifugation"] },
      "not-hctp",
      "likely",
    ],
    ["PRP into the epidural space", { tissue: "blood", target: "epidural" }, "not-hctp", "likely"],
    [
      "BMAC (same-day, autologous, centrifuged, intradiscal)",
      {},
      "same-surgical-procedure-exception-claimed",
      "contested",
    ],
    [
      "SVF by enzymatic isolation",
      { tissue: "adipose", processing: ["enzymatic-digestion", "centrifugation"] },
      "351-ind-required",
      "established",
    ],
    [
      "SVF by mechanical isolation",
      { tissue: "adipose", processing: ["mechanical-fragmentation", "cell-isolation"] },
      "351-ind-required",
      "established",
    ],
    [
      "Micro-fragmented adipose for disc repair",
      { tissue: "adipose", processing: ["rinsing", "mechanical-fragmentation"] },
      "351-ind-required",
      "likely",
    ],
    [
      "Culture-expanded autologous MSC",
      { processing: ["centrifugation", "culture-expansion"], sameSurgicalProcedure: false },
      "351-ind-required",
      "established",
    ],
    [
      "Culture-expanded allogeneic MSC",
      {
        origin: "allogeneic",
        processing: ["culture-expansion", "cryopreservation"],
        sameSurgicalProcedure: false,
      },
      "351-ind-required",
      "established",
    ],
    [
      "Allogeneic MPC with hyaluronic acid (rexlemestrocel-L)",
      {
        origin: "allogeneic",
        processing: ["culture-expansion", "cryopreservation"],
        sameSurgicalProcedure: false,
        additives: ["hyaluronic-acid"],
      },
      "351-ind-required",
      "established",
    ],
    [
      "Perinatal product (Wharton's jelly, amniotic) into a facet joint",
      {
        tissue: "perinatal",
        origin: "allogeneic",
        processing: ["cryopreservation"],
        sameSurgicalProcedure: false,
        target: "facet",
        intendedFunction: "reduce-pain-or-inflammation",
      },
      "351-ind-required",
      "established",
    ],
    [
      "Exosomes",
      {
        tissue: "perinatal",
        origin: "allogeneic",
        processing: ["culture-expansion", "secreted-product-extraction"],
        sameSurgicalProcedure: false,
      },
      "351-ind-required",
      "established",
    ],
  ] as [
    string,
    Partial<ProposedProduct>,
    string,
    string,
  ][])("%s → %s (%s)", (_, patch, pathway, certainty) => {
    const a = classifyProduct(product(patch));
    expect(a.pathway).toBe(pathway);
    expect(a.certainty).toBe(certainty);
    expect(a.fdaApprovedForBackPain).toBe(false);
    expect(a.reasons.at(-1)).toEqual({ text: NOT_APPROVED, sources: ["fdaConsumer2021"] });
  });

  it("cites 1271.3(d) for PRP and says it is not an HCT/P", () => {
    const a = classifyProduct(product({ tissue: "blood" }));
    expect(a.checks).toMatchObject({ hctp: false, minimalManipulation: "not-applicable" });
    expect(sourcesOf(product({ tissue: "blood" }))).toContain("cfr1271_3d");
  });

  it("cites the SSP exception, FDA's 2017 guidance and the 9th Circuit for BMAC", () => {
    expect(sourcesOf(product())).toEqual(
      expect.arrayContaining([
        "cfr1271_3d",
        "cfr1271_10a",
        "cfr1271_15b",
        "fdaSspGuidance2017",
        "californiaStemCell2024",
      ]),
    );
  });

  it("cites the adipose guidance, the 2017 guidance and both appeals rulings for SVF", () => {
    const sources = sourcesOf(product({ tissue: "adipose", processing: ["enzymatic-digestion"] }));
    expect(sources).toEqual(
      expect.arrayContaining([
        "fdaAdiposeDraft2014",
        "fdaHctpGuidance2017",
        "usStemCellClinic2021",
        "californiaStemCell2024",
      ]),
    );
    expect(citations.californiaStemCell2024.text).toMatch(/Supreme Court declined review in October 2025/);
  });
});

describe("classifyProduct: the rules behind the table", () => {
  it("sends BMAC to 351 when it is not used the same day, is cryopreserved, or has hyaluronic acid added", () => {
    expect(classifyProduct(product({ sameSurgicalProcedure: false })).pathway).toBe("351-ind-required");
    expect(classifyProduct(product({ processing: ["centrifugation", "cryopreservation"] })).pathway).toBe(
      "351-ind-required",
    );
    expect(classifyProduct(product({ additives: ["hyaluronic-acid"] })).pathway).toBe("351-ind-required");
  });

  it("allows water and storage agents without failing 1271.10(a)(3)", () => {
    const a = classifyProduct(
      product({ additives: ["water-or-crystalloid", "sterilizing-preserving-or-storage-agent"] }),
    );
    expect(a.pathway).toBe("same-surgical-procedure-exception-claimed");
    expect(a.checks.combinedWithOtherArticle).toBe(false);
  });

  it("excludes minimally manipulated marrow used for its own function (1271.3(d))", () => {
    const a = classifyProduct(product({ intendedFunction: "same-function-as-source" }));
    expect(a.pathway).toBe("not-hctp");
  });

  it("finds a 361 HCT/P only when all four 1271.10(a) criteria hold", () => {
    const tissue = product({
      tissue: "other",
      processing: ["rinsing", "sizing"],
      sameSurgicalProcedure: false,
      intendedFunction: "same-function-as-source",
    });
    expect(classifyProduct(tissue)).toMatchObject({ pathway: "hctp-361", certainty: "likely" });
    const fat = product({
      tissue: "adipose",
      processing: ["rinsing"],
      intendedFunction: "structural-support",
    });
    expect(classifyProduct(fat)).toMatchObject({ pathway: "hctp-361", certainty: "contested" });
  });

  it("never says a product is FDA-approved for back pain, and always says it is not legal advice", () => {
    const arbitrary = fc.record({
      tissue: fc.constantFrom(...tissues),
      origin: fc.constantFrom(...origins),
      processing: fc.uniqueArray(fc.constantFrom(...processingSteps), { maxLength: 5 }),
      sameSurgicalProcedure: fc.boolean(),
      additives: fc.uniqueArray(fc.constantFrom(...additives), { maxLength: 3 }),
      target: fc.constantFrom(...targets),
      intendedFunction: fc.constantFrom(...intendedFunctions),
    });
    fc.assert(
      fc.property(arbitrary, (p) => {
        const a = classifyProduct(p);
        expect(a.fdaApprovedForBackPain).toBe(false);
        expect(a.notApproved).toBe(NOT_APPROVED);
        expect(a.notLegalAdvice).toBe(NOT_LEGAL_ADVICE);
        expect(consentParagraph(a)).toContain("not FDA-approved for back pain");
        expect(clinicianSummary(a)).toContain(NOT_LEGAL_ADVICE);
        // Culture expansion, an allogeneic source (other than blood) or cryopreservation never
        // leave a same-surgical-procedure claim standing.
        if (p.processing.includes("culture-expansion") || (p.origin === "allogeneic" && p.tissue !== "blood"))
          expect(a.pathway).toBe("351-ind-required");
        if (p.processing.includes("cryopreservation") || !p.sameSurgicalProcedure)
          expect(a.pathway).not.toBe("same-surgical-procedure-exception-claimed");
        for (const r of a.reasons) for (const k of r.sources) expect(citations[k]).toBeDefined();
      }),
    );
  });
});

describe("words for an assessment", () => {
  it("summarises the pathway, checks, cited reasons and the disclaimer for the clinician", () => {
    const s = clinicianSummary(classifyProduct(product()));
    expect(s).toMatch(
      /^Likely pathway: Same-surgical-procedure exception claimed \(21 CFR 1271\.15\(b\)\) \(contested/,
    );
    expect(s).toContain("homologous use: no");
    expect(s).toContain("[cfr1271_15b; fdaSspGuidance2017; californiaStemCell2024]");
    expect(s.split("\n").at(-1)).toBe(NOT_LEGAL_ADVICE);
  });

  it("tells the patient the same-day claim is not settled", () => {
    expect(consentParagraph(classifyProduct(product()))).toMatch(/That view is not settled/);
  });
});

describe("parseProposedProduct", () => {
  it("names missing, unknown and invalid fields", () => {
    try {
      parseProposedProduct({ tissue: "fat", processing: ["centrifugation", "spinning"], colour: "red" });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(EvidentError);
      expect((e as EvidentError).issues).toEqual([
        { path: "tissue", message: "must be one of bone-marrow, adipose, blood, perinatal, other" },
        { path: "origin", message: "is required" },
        { path: "processing.1", message: expect.stringMatching(/^must be one of rinsing/) },
        { path: "sameSurgicalProcedure", message: "is required" },
        { path: "additives", message: "is required" },
        { path: "target", message: "is required" },
        { path: "intendedFunction", message: "is required" },
        { path: "colour", message: "is not a product field" },
      ]);
    }
  });

  it("assessProduct validates and classifies in one step", () => {
    expect(assessProduct(product({ tissue: "blood" })).pathway).toBe("not-hctp");
  });
});
