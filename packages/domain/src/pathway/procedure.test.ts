import { describe, expect, it } from "vitest";
import { issuesFromZod } from "../errors";
import { checkProcedure, ProcedureRecord, procedureRegulatory } from "./procedure";

const bmcProcedure = {
  category: "cell-therapy",
  operator: "Dr R. Osler",
  target: "disc",
  levels: ["L4-L5"],
  imageGuidance: "fluoroscopy",
  tissue: "bone-marrow",
  origin: "autologous",
  harvestSite: "posterior-iliac-crest",
  volumeHarvestedMl: 60,
  processing: ["centrifugation"],
  sameDay: true,
  additives: [],
  intendedFunction: "repair-or-regenerate",
  tncMillions: 420,
  volumeInjectedMl: 2,
  consentVersion: "cell-consent-2026-1",
} as const;

const parse = (raw: unknown) => {
  const r = ProcedureRecord.safeParse(raw);
  return r.success ? { data: r.data, issues: [] } : { data: null, issues: issuesFromZod(r.error) };
};

describe("procedure record", () => {
  it("accepts a complete bone-marrow concentrate record", () => {
    const { data } = parse(bmcProcedure);
    expect(data).not.toBeNull();
    expect(checkProcedure("bone_marrow_concentrate", data!)).toEqual([]);
  });

  it("names each bad field of a cell-therapy record", () => {
    const { issues } = parse({
      ...bmcProcedure,
      tissue: "unicorn",
      volumeHarvestedMl: -1,
      viabilityPercent: 140,
      levels: ["L9-L10"],
      consentVersion: "",
      colour: "blue",
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      "colour",
      "consentVersion",
      "levels.0",
      "tissue",
      "viabilityPercent",
      "volumeHarvestedMl",
    ]);
  });

  it("says 'is required' for a missing field", () => {
    const { operator: _, ...rest } = bmcProcedure;
    expect(parse(rest).issues).toEqual([{ path: "operator", message: "is required" }]);
  });

  it("refuses a record whose category is not the treatment's", () => {
    const { data } = parse(bmcProcedure);
    expect(checkProcedure("fusion", data!)).toEqual([
      { path: "procedure.category", message: "must be surgery for this kind of treatment" },
    ]);
  });

  it("asks for levels except in the sacroiliac joint, and a harvest site that fits the tissue", () => {
    const none = parse({ ...bmcProcedure, levels: [] }).data!;
    expect(checkProcedure("bone_marrow_concentrate", none)).toEqual([
      { path: "procedure.levels", message: "needs at least one spinal level" },
    ]);
    const si = parse({ ...bmcProcedure, target: "sacroiliac-joint" }).data!;
    expect(checkProcedure("bone_marrow_concentrate", si)[0]?.path).toBe("procedure.levels");
    const fat = parse({ ...bmcProcedure, harvestSite: "abdomen" }).data!;
    expect(checkProcedure("bone_marrow_concentrate", fat)).toEqual([
      { path: "procedure.harvestSite", message: "is not a bone-marrow harvest site" },
    ]);
  });

  it("records PRP as a blood product: a blood draw, platelets instead of a cell count, no HCT/P", () => {
    const { tncMillions: _, ...noCount } = bmcProcedure;
    const prp = parse({
      ...noCount,
      tissue: "blood",
      harvestSite: "peripheral-vein",
      volumeHarvestedMl: 30,
      plateletsThousandPerUl: 1100,
      intendedFunction: "repair-or-regenerate",
    }).data!;
    expect(checkProcedure("platelet_rich_plasma", prp)).toEqual([]);
    if (prp.category !== "cell-therapy") throw new Error("narrowing");
    expect(procedureRegulatory(prp)).toMatchObject({ pathway: "not-hctp", fdaApprovedForBackPain: false });
    // The kind fixes the tissue; a bone-marrow record cannot be filed as PRP, nor PRP as marrow.
    expect(checkProcedure("platelet_rich_plasma", parse(bmcProcedure).data!)).toEqual([
      { path: "procedure.tissue", message: "must be blood for this kind of treatment" },
    ]);
    expect(checkProcedure("bone_marrow_concentrate", prp)).toEqual([
      { path: "procedure.tissue", message: "must be bone-marrow for this kind of treatment" },
    ]);
    // A platelet count belongs to a blood product; a vein is not where marrow is taken.
    expect(
      checkProcedure(
        "bone_marrow_concentrate",
        parse({ ...bmcProcedure, plateletsThousandPerUl: 900 }).data!,
      ),
    ).toEqual([
      { path: "procedure.plateletsThousandPerUl", message: "is recorded only for a blood product (PRP)" },
    ]);
    expect(
      checkProcedure(
        "bone_marrow_concentrate",
        parse({ ...bmcProcedure, harvestSite: "peripheral-vein" }).data!,
      ),
    ).toEqual([{ path: "procedure.harvestSite", message: "is not a bone-marrow harvest site" }]);
  });

  it("records donor cells without a harvest, and asks for one for the patient's own cells", () => {
    const { harvestSite: _s, volumeHarvestedMl: _v, ...noHarvest } = bmcProcedure;
    const donor = parse({
      ...noHarvest,
      tissue: "perinatal",
      origin: "allogeneic",
      processing: ["culture-expansion", "cryopreservation"],
      sameDay: false,
    }).data!;
    expect(checkProcedure("cultured_or_donor_cells", donor)).toEqual([]);
    if (donor.category !== "cell-therapy") throw new Error("narrowing");
    expect(procedureRegulatory(donor).pathway).toBe("351-ind-required");
    const withHarvest = parse({ ...bmcProcedure, tissue: "perinatal", origin: "allogeneic", sameDay: false })
      .data!;
    expect(checkProcedure("cultured_or_donor_cells", withHarvest).map((i) => i.path)).toEqual([
      "procedure.harvestSite",
      "procedure.volumeHarvestedMl",
    ]);
    const ownNoHarvest = parse({ ...noHarvest }).data!;
    expect(checkProcedure("bone_marrow_concentrate", ownNoHarvest)).toEqual([
      { path: "procedure.harvestSite", message: "is required for the patient's own tissue" },
      { path: "procedure.volumeHarvestedMl", message: "is required for the patient's own tissue" },
    ]);
    // The patient's own marrow, not grown in a laboratory, is not "cultured or donor cells".
    expect(checkProcedure("cultured_or_donor_cells", parse(bmcProcedure).data!)).toEqual([
      {
        path: "procedure.processing",
        message: "must include culture-expansion unless the cells are from a donor (allogeneic)",
      },
    ]);
    // Bone-marrow concentrate is the patient's own marrow; donor marrow is another kind.
    const donorMarrow = parse({ ...noHarvest, origin: "allogeneic" }).data!;
    expect(checkProcedure("bone_marrow_concentrate", donorMarrow).map((i) => i.path)).toEqual([
      "procedure.origin",
    ]);
    const { tncMillions: _t, ...noCount } = bmcProcedure;
    expect(checkProcedure("bone_marrow_concentrate", parse(noCount).data!)).toEqual([
      { path: "procedure.tncMillions", message: "is required for a cell product" },
    ]);
  });

  it("derives the regulatory pathway from the record and never calls it approved", () => {
    const same = parse(bmcProcedure).data!;
    if (same.category !== "cell-therapy") throw new Error("narrowing");
    expect(procedureRegulatory(same)).toMatchObject({
      pathway: "same-surgical-procedure-exception-claimed",
      fdaApprovedForBackPain: false,
    });
    const cultured = parse({ ...bmcProcedure, processing: ["culture-expansion"], sameDay: false }).data!;
    if (cultured.category !== "cell-therapy") throw new Error("narrowing");
    expect(procedureRegulatory(cultured).pathway).toBe("351-ind-required");
  });

  it("accepts surgery and conservative records with their own fields", () => {
    const surgery = parse({
      category: "surgery",
      operator: "Dr A",
      surgeryType: "fusion",
      levels: ["L5-S1"],
    });
    expect(checkProcedure("fusion", surgery.data!)).toEqual([]);
    const physio = parse({
      category: "conservative",
      operator: "J. Physio",
      programme: "graded activity",
      sessionsPerWeek: 2,
      weeks: 1.5,
    });
    expect(physio.issues).toEqual([{ path: "weeks", message: "must be a whole number" }]);
  });
});
