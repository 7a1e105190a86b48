import { TreatmentCreate } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import {
  emptyProcedure,
  likelyPathway,
  procedureBody,
  procedureUntouched,
  procedureValues,
  withKindTissue,
} from "./procedureForm";

describe("the procedure part of the treatment form", () => {
  it("sends no record while nothing is entered, so it stays optional", () => {
    expect(procedureBody("bone_marrow_concentrate", emptyProcedure)).toBeUndefined();
    expect(procedureBody("other", { ...emptyProcedure, operator: "Dr A" })).toBeUndefined();
  });

  it("preselects the tissue a kind fixes (blood for PRP), which leaves the form untouched", () => {
    const prp = withKindTissue("", "platelet_rich_plasma", emptyProcedure);
    expect(prp.tissue).toBe("blood");
    expect(procedureUntouched(prp, "platelet_rich_plasma")).toBe(true);
    expect(procedureBody("platelet_rich_plasma", prp)).toBeUndefined();
    // Another kind: the preselection follows it; none when the kind fixes no tissue.
    const bmc = withKindTissue("platelet_rich_plasma", "bone_marrow_concentrate", prp);
    expect(bmc.tissue).toBe("bone-marrow");
    expect(withKindTissue("bone_marrow_concentrate", "cultured_or_donor_cells", bmc).tissue).toBe("");
    // A tissue someone chose is theirs to change, and counts as entered under a kind it does not fit.
    const chosen = { ...emptyProcedure, tissue: "adipose" };
    expect(withKindTissue("", "platelet_rich_plasma", chosen)).toBe(chosen);
    expect(procedureUntouched(chosen, "platelet_rich_plasma")).toBe(false);
    expect(procedureUntouched({ ...prp, operator: "Dr A" }, "platelet_rich_plasma")).toBe(false);
  });

  it("turns the inputs into the API's record, numbers as numbers, and shows the pathway once complete", () => {
    const body = procedureBody("bone_marrow_concentrate", {
      ...emptyProcedure,
      operator: "Dr A",
      target: "disc",
      levels: ["L4-L5"],
      imageGuidance: "fluoroscopy",
      tissue: "bone-marrow",
      harvestSite: "posterior-iliac-crest",
      volumeHarvestedMl: "60",
      processing: ["centrifugation"],
      sameDay: "yes",
      intendedFunction: "repair-or-regenerate",
      tncMillions: "400",
      volumeInjectedMl: "2",
      consentVersion: "v3",
    });
    expect(body).toMatchObject({ category: "cell-therapy", volumeHarvestedMl: 60, sameDay: true });
    expect(body).not.toHaveProperty("cfuFPerMillion");
    expect(
      TreatmentCreate.safeParse({ kind: "bone_marrow_concentrate", date: "2026-01-01", procedure: body })
        .success,
    ).toBe(true);
    expect(likelyPathway(body)?.pathway).toBe("same-surgical-procedure-exception-claimed");
  });

  it("sends no harvest for donor cells and a platelet count only for PRP, whatever was typed before", () => {
    const base = {
      ...emptyProcedure,
      operator: "Dr A",
      target: "disc",
      levels: ["L4-L5"],
      imageGuidance: "fluoroscopy",
      harvestSite: "posterior-iliac-crest",
      volumeHarvestedMl: "60",
      plateletsThousandPerUl: "900",
      sameDay: "no",
      intendedFunction: "repair-or-regenerate",
      tncMillions: "50",
      volumeInjectedMl: "2",
      consentVersion: "v3",
    };
    const donor = procedureBody("cultured_or_donor_cells", {
      ...base,
      tissue: "perinatal",
      origin: "allogeneic",
      processing: ["culture-expansion"],
    });
    expect(donor).not.toHaveProperty("harvestSite");
    expect(donor).not.toHaveProperty("volumeHarvestedMl");
    expect(donor).not.toHaveProperty("plateletsThousandPerUl");
    expect(likelyPathway(donor)?.pathway).toBe("351-ind-required");
    const prp = procedureBody("platelet_rich_plasma", {
      ...base,
      tissue: "blood",
      harvestSite: "peripheral-vein",
      processing: ["centrifugation"],
    });
    expect(prp).toMatchObject({
      harvestSite: "peripheral-vein",
      volumeHarvestedMl: 60,
      plateletsThousandPerUl: 900,
    });
    expect(likelyPathway(prp)?.pathway).toBe("not-hctp");
  });

  it("keeps text that is not a number so the API's message names it", () => {
    const body = procedureBody("exercise_physiotherapy", { ...emptyProcedure, weeks: "six" });
    const parsed = TreatmentCreate.safeParse({
      kind: "exercise_physiotherapy",
      date: "2026-01-01",
      procedure: body,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("procedure.weeks");
  });

  it("prefills the form from a stored record, so correcting it sends the same record back", () => {
    const records = [
      {
        category: "cell-therapy",
        operator: "Dr A",
        target: "disc",
        levels: ["L4-L5", "L5-S1"],
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
        cfuFPerMillion: 35,
        volumeInjectedMl: 2,
        consentVersion: "v3",
      },
      { category: "surgery", operator: "Dr B", surgeryType: "fusion", levels: ["L4-L5"] },
      {
        category: "conservative",
        operator: "PT",
        programme: "graded activity",
        sessionsPerWeek: 2,
        weeks: 8,
      },
    ];
    const kinds = ["bone_marrow_concentrate", "fusion", "exercise_physiotherapy"];
    records.forEach((r, i) => {
      expect(procedureBody(kinds[i]!, procedureValues(r))).toEqual(r);
    });
    expect(procedureValues(undefined)).toEqual(emptyProcedure);
  });
});
