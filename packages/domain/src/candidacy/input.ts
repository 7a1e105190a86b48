/**
 * What the candidacy checklist for a regenerative disc procedure needs to know, and the schema
 * that checks it. Every field may be absent or null, meaning "not known yet": the checklist then
 * shows that criterion as `unknown` and the result as `needs-more-information`, instead of
 * guessing. Field names are a public contract (API, stored reviews): add, never rename.
 */
import { z } from "zod";
import { conditionIds, spinalLevels } from "../catalogue/conditions";
import { badRequest, issuesFromZod } from "../errors";
import { triageTiers } from "../triage/tiers";

export const contraindicationIds = [
  "activeInfection",
  "cancer",
  "pregnancyOrNursing",
  "anticoagulationOrBleedingDisorder",
  "immunosuppression",
  "priorSurgeryAtLevel",
  "priorBiologicDiscTherapy",
  "severeDepressionOrAnxiety",
  "fibromyalgia",
  "symptomaticStenosis",
  "caudaEquina",
  "osteoporosis",
  "substanceMisuse",
  "spondyloarthropathy",
] as const;
export type ContraindicationId = (typeof contraindicationIds)[number];

export const legPainKinds = ["none", "non-radicular-minor", "radicular-or-predominant"] as const;
export type LegPainKind = (typeof legPainKinds)[number];

const known = <T extends z.ZodType>(schema: T) => schema.nullish();
const yesNo = known(z.boolean({ error: "must be true or false (or null if not known)" }));
const number = (what: string, min: number, max: number) =>
  known(
    z
      .number({ error: `must be ${what} (or null if not known)` })
      .min(min, `must be ${min} to ${max}`)
      .max(max, `must be ${min} to ${max}`),
  );
const whole = (what: string, min: number, max: number) =>
  known(
    z
      .int({ error: `must be ${what} (or null if not known)` })
      .min(min, `must be ${min} to ${max}`)
      .max(max, `must be ${min} to ${max}`),
  );

export const CandidacyInputSchema = z.strictObject({
  condition: known(z.enum(conditionIds, { error: `must be one of ${conditionIds.join(", ")}` })),
  symptomDurationMonths: whole("a whole number of months", 0, 1440),
  conservativeCare: known(
    z.strictObject({
      tried: yesNo,
      months: number("a number of months", 0, 1440),
      supervisedPhysiotherapy: yesNo,
    }),
  ),
  baseline: known(
    z.strictObject({
      /** Back pain on a 100 mm visual analogue scale. */
      backPainVasMm: number("millimetres on a 100 mm scale", 0, 100),
      /** Back pain on a 0–10 numeric rating scale, used when no VAS was recorded. */
      backPainNrs: whole("a whole number", 0, 10),
      /** Oswestry Disability Index, 0–100. */
      odi: number("an ODI score", 0, 100),
    }),
  ),
  legPain: known(z.enum(legPainKinds, { error: `must be one of ${legPainKinds.join(", ")}` })),
  facetPainExcludedByBlock: yesNo,
  imaging: known(
    z.strictObject({
      /** Modified Pfirrmann grade (1–8) of the index disc. */
      pfirrmannGrade: whole("a whole number", 1, 8),
      discHeightRetainedPercent: number("a percentage", 0, 100),
      /** The symptomatic degenerated disc levels the procedure would treat. */
      levels: known(
        z.array(z.enum(spinalLevels, { error: `must be one of ${spinalLevels.join(", ")}` }), {
          error: "must be a list of disc levels",
        }),
      ),
    }),
  ),
  contraindications: known(
    z.strictObject(
      Object.fromEntries(contraindicationIds.map((id) => [id, yesNo])) as Record<
        ContraindicationId,
        typeof yesNo
      >,
    ),
  ),
  /** The latest intake triage tier; any red flag must be reviewed before an elective procedure. */
  triageTier: known(z.enum(triageTiers, { error: `must be one of ${triageTiers.join(", ")}` })),
});

export type CandidacyInput = z.output<typeof CandidacyInputSchema>;

export const unknownCandidacyField = "is not a candidacy field";

/** Checks raw candidacy input; throws a bad-request error naming each bad field by its path. */
export function parseCandidacyInput(raw: unknown): CandidacyInput {
  const result = CandidacyInputSchema.safeParse(raw);
  if (!result.success) throw badRequest(issuesFromZod(result.error, unknownCandidacyField));
  return result.data;
}
