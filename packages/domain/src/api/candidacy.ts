/** Candidacy sign-off over HTTP: the facts (the candidacy contract) and the clinician's note. */
import { z } from "zod";
import { candidacyOutcomes } from "../candidacy/evaluate";
import { CandidacyInputSchema } from "../candidacy/input";
import { optionalText } from "./common";

/** The triage tier is not sent: the server takes it from the patient's intakes. */
export const CandidacySignOff = z
  .object({ input: CandidacyInputSchema.omit({ triageTier: true }), note: optionalText(2000) })
  .strict();
export type CandidacySignOff = z.input<typeof CandidacySignOff>;

export const CriterionView = z.object({
  id: z.string(),
  kind: z.enum(["inclusion", "exclusion"]),
  label: z.string(),
  status: z.enum(["met", "unmet", "unknown"]),
  detail: z.string(),
  basis: z.enum(["trial", "derived"]),
  source: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const CandidacyView = z.object({
  id: z.string(),
  criteriaVersion: z.string(),
  outcome: z.enum(candidacyOutcomes),
  criteria: z.array(CriterionView),
  input: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  signedBy: z.object({ id: z.string(), name: z.string() }),
  signedAt: z.string(),
  /** The sign-off's date in the clinic's time zone, as the candidacy gate reads it. */
  signedOn: z.string(),
});
export type CandidacyView = z.infer<typeof CandidacyView>;

export const CandidacyList = z.object({ items: z.array(CandidacyView) });
export type CandidacyList = z.infer<typeof CandidacyList>;
