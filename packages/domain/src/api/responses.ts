import { z } from "zod";
import { timepointIds } from "../pathway/schedule";
import { uuid } from "./common";

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
