/** The measurement plan, the instrument catalogue with each licence, and confirming a licence. */
import { z } from "zod";
import { type TimepointId, timepointIds } from "../pathway/schedule";
import { text } from "./common";

const instrumentList = z
  .array(z.string({ error: "must be a questionnaire id" }).max(40, "must be at most 40 characters"), {
    error: "must be a list of questionnaire ids",
  })
  .max(20, "must list at most 20 questionnaires");

/** Timepoint → questionnaire ids, in the order they are asked. A timepoint left out is not scheduled. */
export const PlanUpdate = z
  .object({
    timepoints: z
      .object(
        Object.fromEntries(timepointIds.map((t) => [t, instrumentList.optional()])) as Record<
          TimepointId,
          z.ZodOptional<typeof instrumentList>
        >,
        { error: "must be an object keyed by timepoint" },
      )
      .strict(),
  })
  .strict();
export type PlanUpdate = z.input<typeof PlanUpdate>;

export const PlanView = z.object({
  timepoints: z.array(
    z.object({ timepoint: z.string(), label: z.string(), instruments: z.array(z.string()) }),
  ),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

export const LicenceView = z.object({
  reference: z.string(),
  confirmedAt: z.string(),
  /** The administrator's name; null when the system confirmed it (the demo clinics). */
  confirmedBy: z.string().nullable(),
});
export type LicenceView = z.infer<typeof LicenceView>;

export const CatalogueEntry = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  version: z.string(),
  items: z.number().int(),
  recallPeriod: z.string(),
  licence: z.object({ holder: z.string(), terms: z.string(), agreementNeeded: z.boolean() }),
  /** This clinic's confirmation of the licence, if any (the latest one). */
  confirmation: LicenceView.nullable(),
  /** The timepoints of this clinic's plan that ask it. */
  timepoints: z.array(z.string()),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const Catalogue = z.object({ items: z.array(CatalogueEntry) });
export type Catalogue = z.infer<typeof Catalogue>;

export const LicenceConfirm = z
  .object({
    /** The licence or agreement reference (e.g. the licensor's agreement number). */
    reference: text(200),
  })
  .strict();
export type LicenceConfirm = z.input<typeof LicenceConfirm>;
