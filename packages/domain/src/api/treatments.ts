import { z } from "zod";
import { treatmentKindIds } from "../catalogue/treatments";
import { isoDate, optionalText, uuid } from "./common";

export const TreatmentCreate = z
  .object({
    kind: z.enum(treatmentKindIds, { error: `must be one of ${treatmentKindIds.join(", ")}` }),
    date: isoDate,
    /** The episode treated; defaults to the patient's most recent episode. */
    episodeId: uuid.optional(),
    notes: optionalText(2000),
  })
  .strict();
export type TreatmentCreate = z.input<typeof TreatmentCreate>;
