import { z } from "zod";
import { treatmentKindIds } from "../catalogue/treatments";
import { ProcedureRecord } from "../pathway/procedure";
import { isoDate, optionalText, text, uuid } from "./common";
import { TreatmentView } from "./patients";
import { changeFields } from "./records";

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
    /**
     * Records an investigational treatment (cell therapy, PRP) that the candidacy gate refuses (no
     * current, eligible sign-off), with the clinician's reason: audited and shown on the record.
     * Only for a treatment the gate refuses, and only by a user who may sign off candidacy.
     */
    candidacyOverride: z
      .object({ reason: text(1000) })
      .strict()
      .optional(),
    /**
     * Records an investigational treatment without a signed procedure consent of the current
     * version (consent/gate.ts), with the clinician's reason: audited and shown on the record.
     * Only for a treatment the consent gate refuses, and only by a user who may sign off candidacy.
     */
    consentOverride: z
      .object({ reason: text(1000) })
      .strict()
      .optional(),
  })
  .strict();
export type TreatmentCreate = z.input<typeof TreatmentCreate>;

/**
 * The whole treatment as it should now read (PUT), with the version it was corrected from and
 * why. A new date moves its follow-up schedule; answers already given are kept.
 */
export const TreatmentCorrection = TreatmentCreate.omit({ episodeId: true }).extend(changeFields).strict();
export type TreatmentCorrection = z.input<typeof TreatmentCorrection>;

export const TreatmentCorrected = TreatmentView.extend({
  schedule: z.object({
    /** Follow-ups whose due date and window moved with the date. */
    moved: z.number(),
    /** Completed follow-ups (timepoints) whose answers now fall outside their moved window. */
    completedOutsideWindow: z.array(z.string()),
    /** Follow-ups of this episode cancelled, or brought back, because the order of its treatments changed. */
    cancelled: z.number(),
    reinstated: z.number(),
    /**
     * Open follow-ups whose window moved: their queued e-mails were withdrawn and their invitation
     * and reminders start again when the new window opens.
     */
    contactsRestarted: z.number(),
  }),
});
export type TreatmentCorrected = z.infer<typeof TreatmentCorrected>;
