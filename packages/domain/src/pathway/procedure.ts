/**
 * What was done at a treatment: the procedure record, one shape per treatment category
 * (discriminated by `category`, which must match the category of the treatment kind).
 *
 * A cell therapy records the facts that decide its likely US regulatory pathway (tissue, origin,
 * processing, same day or not, additives, target, intended function: regulatory/product.ts) and
 * the pathway is derived from them by `classifyProduct`, never typed in, so a record cannot claim
 * a lighter pathway than its own facts support. Cell counts follow what point-of-care
 * bone-marrow-concentrate studies report (total nucleated cells; CFU-F when a laboratory measures
 * it; viability), so records from different clinics can be compared.
 *
 * Values are a public contract (API, exports): add, never rename.
 */
import { z } from "zod";
import { spinalLevels } from "../catalogue/conditions";
import { type TreatmentCategory, treatmentKind } from "../catalogue/treatments";
import type { Issue } from "../errors";
import {
  additives,
  classifyProduct,
  intendedFunctions,
  origins,
  processingSteps,
  type RegulatoryAssessment,
  targets,
  tissues,
} from "../regulatory";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (iss) => (iss.input === undefined ? "is required" : `must be one of ${values.join(", ")}`),
  });

const number = (what: string, min: number, max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : `must be a number (${what})`) })
    .min(min, `must be at least ${min} ${what}`)
    .max(max, `must be at most ${max} ${what}`);

const whole = (what: string, min: number, max: number) =>
  number(what, min, max).int("must be a whole number");

const name = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

export const harvestSites = [
  "posterior-iliac-crest",
  "anterior-iliac-crest",
  "abdomen",
  "flank",
  "thigh",
  "other",
  "peripheral-vein",
] as const;
export const imageGuidance = ["fluoroscopy", "ct", "ultrasound", "none"] as const;
export const surgeryTypes = [
  "discectomy",
  "microdiscectomy",
  "decompression",
  "fusion",
  "disc-replacement",
  "other",
] as const;

export const harvestSiteLabels: Record<(typeof harvestSites)[number], string> = {
  "posterior-iliac-crest": "Posterior iliac crest",
  "anterior-iliac-crest": "Anterior iliac crest",
  abdomen: "Abdomen",
  flank: "Flank",
  thigh: "Thigh",
  other: "Other",
  "peripheral-vein": "Vein (blood draw)",
};
export const imageGuidanceLabels: Record<(typeof imageGuidance)[number], string> = {
  fluoroscopy: "Fluoroscopy",
  ct: "CT",
  ultrasound: "Ultrasound",
  none: "None",
};
export const targetLabels: Record<(typeof targets)[number], string> = {
  disc: "Disc (intradiscal)",
  facet: "Facet joint",
  epidural: "Epidural",
  "sacroiliac-joint": "Sacroiliac joint",
};

const levels = z
  .array(oneOf(spinalLevels), { error: "must be a list of spinal levels" })
  .max(spinalLevels.length, "lists a level twice")
  .refine((l) => new Set(l).size === l.length, "lists a level twice");

const common = {
  /** Who did it (name as written in the clinical record). */
  operator: name(200),
};

const injected = {
  target: oneOf(targets),
  levels,
  imageGuidance: oneOf(imageGuidance),
};

export const CellTherapyProcedure = z.strictObject({
  category: z.literal("cell-therapy"),
  ...common,
  ...injected,
  tissue: oneOf(tissues),
  origin: oneOf(origins),
  /** Where the patient's own tissue was taken; absent for donor (allogeneic) cells. */
  harvestSite: oneOf(harvestSites).optional(),
  volumeHarvestedMl: number("mL", 0.1, 1000).optional(),
  processing: z.array(oneOf(processingSteps), { error: "must be a list of processing steps" }),
  sameDay: z.boolean({ error: "must be true or false" }),
  additives: z.array(oneOf(additives), { error: "must be a list of additives (empty for none)" }),
  intendedFunction: oneOf(intendedFunctions),
  /** Total nucleated cells injected, in millions (required unless the tissue is blood, i.e. PRP). */
  tncMillions: number("million cells", 0, 100_000).optional(),
  /** Platelets in the product, thousands per µL (PRP; whole blood is about 150–400). */
  plateletsThousandPerUl: number("thousand per µL", 0, 20_000).optional(),
  /** Colony-forming units (fibroblast) per million nucleated cells, when a laboratory measured it. */
  cfuFPerMillion: number("CFU-F per million cells", 0, 1_000_000).optional(),
  viabilityPercent: number("%", 0, 100).optional(),
  volumeInjectedMl: number("mL", 0.1, 100),
  /** The version of the consent form the patient signed. */
  consentVersion: name(60),
});

export const InjectionProcedure = z.strictObject({
  category: z.literal("injection"),
  ...common,
  ...injected,
  /** Drug and dose as given, e.g. "triamcinolone 40 mg". */
  medication: name(200).optional(),
});

export const SurgeryProcedure = z.strictObject({
  category: z.literal("surgery"),
  ...common,
  surgeryType: oneOf(surgeryTypes),
  levels,
});

export const ConservativeProcedure = z.strictObject({
  category: z.literal("conservative"),
  ...common,
  /** The programme (e.g. "graded activity", "McKenzie") or the medicine. */
  programme: name(200),
  sessionsPerWeek: whole("sessions per week", 1, 21),
  weeks: whole("weeks", 1, 104),
});

export const ProcedureRecord = z.discriminatedUnion(
  "category",
  [CellTherapyProcedure, InjectionProcedure, SurgeryProcedure, ConservativeProcedure],
  { error: "must be one of cell-therapy, injection, surgery, conservative" },
);
export type ProcedureRecord = z.output<typeof ProcedureRecord>;
export type ProcedureCategory = ProcedureRecord["category"];

/**
 * Checks that need the treatment kind or more than one field: the record's category is the
 * kind's; an injection into a disc, facet or the epidural space names its levels, one into the
 * sacroiliac joint names none; a cell therapy's tissue fits its kind and its harvest site, the
 * patient's own tissue names where it was taken and donor cells name nothing, and a cell count
 * is given for every product but PRP.
 */
export function checkProcedure(kind: string, p: ProcedureRecord): Issue[] {
  const issues: Issue[] = [];
  const category: TreatmentCategory | undefined = treatmentKind(kind)?.category;
  if (category !== p.category) {
    issues.push({
      path: "procedure.category",
      message:
        category === "other" || category === undefined
          ? `a procedure record cannot be given for this kind of treatment`
          : `must be ${category} for this kind of treatment`,
    });
    return issues;
  }
  if (p.category === "cell-therapy" || p.category === "injection") {
    if (p.target === "sacroiliac-joint" && p.levels.length > 0)
      issues.push({ path: "procedure.levels", message: "must be empty for a sacroiliac joint injection" });
    if (p.target !== "sacroiliac-joint" && p.levels.length === 0)
      issues.push({ path: "procedure.levels", message: "needs at least one spinal level" });
  }
  if (p.category === "surgery" && p.levels.length === 0)
    issues.push({ path: "procedure.levels", message: "needs at least one spinal level" });
  if (p.category === "cell-therapy") issues.push(...checkCellProduct(kind, p));
  return issues;
}

/** The tissue each cell-therapy kind is made from (cultured or donor cells may come from any). */
const tissueOfKind: Readonly<Record<string, string>> = {
  bone_marrow_concentrate: "bone-marrow",
  adipose_derived_cells: "adipose",
  platelet_rich_plasma: "blood",
};

const sitesOfTissue: Readonly<Record<string, { sites: readonly string[]; words: string }>> = {
  "bone-marrow": {
    sites: ["posterior-iliac-crest", "anterior-iliac-crest", "other"],
    words: "a bone-marrow",
  },
  adipose: { sites: ["abdomen", "flank", "thigh", "other"], words: "a fat" },
  blood: { sites: ["peripheral-vein", "other"], words: "a blood-draw" },
};

/** The tissue a cell-therapy kind is made from, or undefined when any may be (cultured or donor cells). */
export const tissueForKind = (kind: string): string | undefined => tissueOfKind[kind];

function checkCellProduct(kind: string, p: z.output<typeof CellTherapyProcedure>): Issue[] {
  const issues: Issue[] = [];
  const tissue = tissueForKind(kind);
  if (tissue && p.tissue !== tissue)
    issues.push({ path: "procedure.tissue", message: `must be ${tissue} for this kind of treatment` });
  if (tissue && p.origin !== "autologous")
    issues.push({
      path: "procedure.origin",
      message:
        "must be autologous for this kind of treatment (donor cells are recorded as cultured or donor cells)",
    });
  if (
    kind === "cultured_or_donor_cells" &&
    p.origin !== "allogeneic" &&
    !p.processing.includes("culture-expansion")
  )
    issues.push({
      path: "procedure.processing",
      message: "must include culture-expansion unless the cells are from a donor (allogeneic)",
    });
  // The patient's own tissue says where and how much was taken; donor cells say nothing of it.
  const own = p.origin === "autologous";
  for (const field of ["harvestSite", "volumeHarvestedMl"] as const) {
    const given = p[field] !== undefined;
    if (own && !given)
      issues.push({ path: `procedure.${field}`, message: "is required for the patient's own tissue" });
    if (!own && given)
      issues.push({
        path: `procedure.${field}`,
        message: "must be left out for donor cells: nothing was taken from the patient",
      });
  }
  const fit = sitesOfTissue[p.tissue];
  if (own && p.harvestSite !== undefined && fit && !fit.sites.includes(p.harvestSite))
    issues.push({ path: "procedure.harvestSite", message: `is not ${fit.words} harvest site` });
  if (p.tissue !== "blood" && p.tncMillions === undefined)
    issues.push({ path: "procedure.tncMillions", message: "is required for a cell product" });
  if (p.tissue !== "blood" && p.plateletsThousandPerUl !== undefined)
    issues.push({
      path: "procedure.plateletsThousandPerUl",
      message: "is recorded only for a blood product (PRP)",
    });
  return issues;
}

/** The regulatory assessment a cell-therapy record's own facts lead to (regulatory/classify.ts). */
export function procedureRegulatory(
  p: z.output<typeof CellTherapyProcedure>,
): Pick<RegulatoryAssessment, "pathway" | "certainty" | "rulesVersion" | "fdaApprovedForBackPain"> {
  const a = classifyProduct({
    tissue: p.tissue,
    origin: p.origin,
    processing: p.processing,
    sameSurgicalProcedure: p.sameDay,
    additives: p.additives,
    target: p.target,
    intendedFunction: p.intendedFunction,
  });
  return {
    pathway: a.pathway,
    certainty: a.certainty,
    rulesVersion: a.rulesVersion,
    fdaApprovedForBackPain: a.fdaApprovedForBackPain,
  };
}
