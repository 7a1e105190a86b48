import { z } from "zod";
import { treatmentKindIds } from "../catalogue/treatments";
import { ProcedureRecord } from "../pathway/procedure";
import { isoDate, optionalText, uuid } from "./common";

export const TreatmentCreate = z
  .object({
    kind: z.enum(treatmentKindIds, { error: `must be one of ${treatmentKindIds.join(", ")}` }),
    date: isoDate,
    /** The episode treated; defaults to the patient's most recent episode. */
    episodeId: uuid.optional(),
    notes: optionalText(2000),
    /**
     * What was done (pathway/procedure.ts): its `category` must be the kind's. Checks across
     * fields (levels for the target, harvest site for the tissue) run in `checkProcedure`.
     */
    procedure: ProcedureRecord.optional(),
  })
  .strict();
export type TreatmentCreate = z.input<typeof TreatmentCreate>;
