/**
 * The decision aid over HTTP: the clinic's own results beside the literature's (only where at
 * least 30 comparable patients were measured), and the patient's values and choice, stored with
 * the content and values versions they saw.
 */
import { z } from "zod";
import { decisionOptionIds } from "../evidence/catalogue";
import { criterionIds } from "../evidence/comparable";
import { contentLanguages } from "../evidence/types";
import { valueScale, valuesClarification } from "../evidence/values";
import { optionalText, uuid } from "./common";
import { dataAsOf, MissingRange } from "./outcomes";

/** IPDAS: registry numbers are shown only from this many patients up (domain reference §6.6). */
export const REGISTRY_MINIMUM = 30;

const criterion = z.enum(criterionIds);

/**
 * The clinic's figure for patients like this one, by the outcomes pages' rule: how many were
 * treated, how many were due at the time point, how many of those answered before and after (n),
 * the share who improved with its Wilson interval, and the range the missing could move it over.
 */
export const RegistryFigure = z.object({
  timepoint: z.string(),
  treated: z.number().int(),
  due: z.number().int(),
  n: z.number().int(),
  responders: z.number().int(),
  share: z.number(),
  shareCI: z.tuple([z.number(), z.number()]),
  range: MissingRange,
});
export type RegistryFigure = z.infer<typeof RegistryFigure>;

export const RegistryResult = z.object({
  optionId: z.string(),
  treatmentKind: z.string(),
  /** "exact": the kind records this option only; "broader": it records other care too. */
  match: z.enum(["exact", "broader"]),
  /** What the figure's patients matched besides the treatment kind (evidence/comparable). */
  criteria: z.array(criterion),
  /** Criteria left out, one at a time, to reach the minimum. */
  widened: z.array(criterion),
  /** Null: fewer than the minimum were like the patient, even widened; no count is given. */
  figure: RegistryFigure.nullable(),
});
export type RegistryResult = z.infer<typeof RegistryResult>;

export const RegistryResults = z.object({
  minimum: z.number().int(),
  asOf: z.string(),
  dataAsOf,
  /** "patient": people like this patient; "clinic": everyone treated here (no patient chosen). */
  basis: z.enum(["patient", "clinic"]),
  /** False when the patient has no Oswestry score yet, so nobody can be called "like" them. */
  usable: z.boolean(),
  instrument: z.string(),
  responderRule: z.string(),
  /** What "like you" means for this patient, in plain words with their own values. */
  criteria: z.array(z.object({ id: criterion, words: z.string() })),
  /** Criteria not applied because the patient's value is not known. */
  unknown: z.array(z.object({ id: criterion, words: z.string() })),
  items: z.array(RegistryResult),
});
export type RegistryResults = z.infer<typeof RegistryResults>;

/** Staff choose the patient the figures are for; a patient always sees their own. */
export const RegistryQuery = z.object({
  patientId: uuid.optional(),
  /** The language of the "like you" words and the responder rule; English if not given. */
  lang: z.enum(contentLanguages).optional(),
});

const valueIds = valuesClarification.values.map((v) => v.id) as [string, ...string[]];
const rating = z
  .int({ error: `must be a whole number from ${valueScale.min} to ${valueScale.max}` })
  .min(valueScale.min, `must be ${valueScale.min} to ${valueScale.max}`)
  .max(valueScale.max, `must be ${valueScale.min} to ${valueScale.max}`);

export const choiceIds = ["unsure", ...decisionOptionIds] as [string, ...string[]];

export const DecisionSave = z
  .object({
    values: z.strictObject(
      Object.fromEntries(valueIds.map((id) => [id, rating])) as Record<string, typeof rating>,
    ),
    /** An option id, or "unsure". */
    choice: z.enum(choiceIds, { error: "must be one of the options, or unsure" }),
    /** Questions to bring to the visit. */
    questions: optionalText(2000),
    /** The language the decision aid was shown in; English if not given. */
    language: z.enum(contentLanguages).optional(),
  })
  .strict();
export type DecisionSave = z.input<typeof DecisionSave>;

export const DecisionView = z.object({
  id: z.string(),
  contentVersion: z.string(),
  valuesVersion: z.string(),
  values: z.record(z.string(), z.number()),
  choice: z.string(),
  questions: z.string().nullable(),
  /** The language the decision aid was shown in (the content version is the same in each). */
  language: z.enum(contentLanguages),
  source: z.enum(["portal", "clinic"]),
  decidedAt: z.string(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const DecisionList = z.object({ items: z.array(DecisionView) });
export type DecisionList = z.infer<typeof DecisionList>;
