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
