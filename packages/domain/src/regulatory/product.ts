/**
 * The facts about a proposed cell or tissue product that decide its likely US regulatory pathway
 * (domain reference §4.9: tissue, autologous or allogeneic, same-day or not, processing steps,
 * additives, target, claimed purpose), and the schema that checks them. Values are a public
 * contract (procedure records, API): add, never rename.
 */
import { z } from "zod";
import { badRequest, issuesFromZod } from "../errors";

export const tissues = ["bone-marrow", "adipose", "blood", "perinatal", "other"] as const;
export type Tissue = (typeof tissues)[number];

export const origins = ["autologous", "allogeneic"] as const;
export type Origin = (typeof origins)[number];

/**
 * Processing steps. `cell-isolation` separates a cell fraction from a structural tissue (as SVF is
 * separated from fat, by enzyme or by machine); `secreted-product-extraction` makes a cell-free
 * product such as exosomes or conditioned media.
 */
export const processingSteps = [
  "rinsing",
  "sizing",
  "centrifugation",
  "filtration",
  "mechanical-fragmentation",
  "enzymatic-digestion",
  "cell-isolation",
  "culture-expansion",
  "genetic-modification",
  "cryopreservation",
  "secreted-product-extraction",
] as const;
export type ProcessingStep = (typeof processingSteps)[number];

/** 21 CFR 1271.10(a)(3) allows water, crystalloids and sterilizing, preserving or storage agents. */
export const additives = [
  "water-or-crystalloid",
  "sterilizing-preserving-or-storage-agent",
  "hyaluronic-acid",
  "other-article",
] as const;
export type Additive = (typeof additives)[number];

export const targets = ["disc", "facet", "epidural", "sacroiliac-joint"] as const;
export type Target = (typeof targets)[number];

/**
 * What the product is meant to do in the recipient. `same-function-as-source` is the homologous
 * case (marrow rebuilding blood; fat cushioning is `structural-support`); repairing a disc or
 * easing pain is not a basic function of marrow, fat or birth tissue.
 */
export const intendedFunctions = [
  "repair-or-regenerate",
  "reduce-pain-or-inflammation",
  "structural-support",
  "same-function-as-source",
] as const;
export type IntendedFunction = (typeof intendedFunctions)[number];

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });

export const ProposedProductSchema = z.strictObject({
  tissue: oneOf(tissues),
  origin: oneOf(origins),
  processing: z.array(oneOf(processingSteps), { error: "must be a list of processing steps" }),
  sameSurgicalProcedure: z.boolean({ error: "must be true or false" }),
  additives: z.array(oneOf(additives), { error: "must be a list of additives (empty for none)" }),
  target: oneOf(targets),
  intendedFunction: oneOf(intendedFunctions),
});

export type ProposedProduct = z.output<typeof ProposedProductSchema>;

export const unknownProductField = "is not a product field";

/** Checks a raw product description; throws a bad-request error naming each bad field. */
export function parseProposedProduct(raw: unknown): ProposedProduct {
  const result = ProposedProductSchema.safeParse(raw);
  if (!result.success) {
    // A missing required field reads "is required", not "must be one of …".
    const input = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const issues = issuesFromZod(result.error, unknownProductField).map((i) =>
      i.path !== "" && !i.path.includes(".") && input[i.path] === undefined
        ? { ...i, message: "is required" }
        : i,
    );
    throw badRequest(issues);
  }
  return result.data;
}
