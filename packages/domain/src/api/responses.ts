import { z } from "zod";
import { timepointIds } from "../pathway/schedule";
import { text, uuid } from "./common";

const answerValue = z.union([z.number(), z.boolean(), z.null()], {
  error: "must be a number, true/false or null",
});

/** One completed questionnaire. Answers are keyed by item id (the instrument library's contract). */
export const ResponseSubmit = z
  .object({
    instrument: z.string({ error: "is required" }).min(1, "is required").max(40),
    answers: z.record(z.string(), answerValue, { error: "must be an object keyed by item id" }),
    /** The follow-up being answered; without it the answer counts for the open follow-up, if any. */
    followUpId: uuid.optional(),
  })
  .strict();
export type ResponseSubmit = z.input<typeof ResponseSubmit>;

/** Several instruments answered in one sitting (e.g. NRS back pain and ODI at baseline). */
export const ResponseBatch = z
  .object({
    followUpId: uuid.optional(),
    timepoint: z.enum(timepointIds).optional(),
    responses: z
      .array(
        z
          .object({
            instrument: z.string({ error: "is required" }).min(1).max(40),
            answers: z.record(z.string(), answerValue),
          })
          .strict(),
      )
      .min(1, "needs at least one questionnaire")
      .max(20),
  })
  .strict();
export type ResponseBatch = z.input<typeof ResponseBatch>;

/** Staff correct a stored answer set: a new version with the reason; the earlier one is kept. */
export const ResponseCorrection = z
  .object({
    answers: z.record(z.string(), answerValue, { error: "must be an object keyed by item id" }),
    reason: text(500),
  })
  .strict();
export type ResponseCorrection = z.input<typeof ResponseCorrection>;

/** A questionnaire in progress: answers so far per questionnaire, and the step the patient is on. */
export const DraftSave = z
  .object({
    answers: z.record(
      z.string().max(40),
      z.record(z.string().max(40), answerValue, { error: "must be an object keyed by item id" }),
      { error: "must be an object keyed by questionnaire" },
    ),
    step: z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(1000, "must be at most 1000"),
  })
  .strict();
export type DraftSave = z.input<typeof DraftSave>;

export const DraftView = z.object({
  followUpId: z.string(),
  answers: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.boolean(), z.null()]))),
  step: z.number().int(),
  savedAt: z.string(),
});
export type DraftView = z.infer<typeof DraftView>;
