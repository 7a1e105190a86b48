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
  harvestSite: oneOf(harvestSites),
  volumeHarvestedMl: number("mL", 0.1, 1000),
  processing: z.array(oneOf(processingSteps), { error: "must be a list of processing steps" }),
  sameDay: z.boolean({ error: "must be true or false" }),
  additives: z.array(oneOf(additives), { error: "must be a list of additives (empty for none)" }),
  intendedFunction: oneOf(intendedFunctions),
  /** Total nucleated cells injected, in millions. */
  tncMillions: number("million cells", 0, 100_000),
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
 * sacroiliac joint names none; a cell therapy's tissue matches its harvest site.
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
  if (p.category === "cell-therapy") {
    const fatSites = ["abdomen", "flank", "thigh"];
    if (p.tissue === "bone-marrow" && fatSites.includes(p.harvestSite))
      issues.push({ path: "procedure.harvestSite", message: "is not a bone-marrow harvest site" });
    if (p.tissue === "adipose" && p.harvestSite.includes("iliac-crest"))
      issues.push({ path: "procedure.harvestSite", message: "is not a fat harvest site" });
  }
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
