/** The portal's recovery timeline: phases since the latest treatment, what is due, own scores against the registry's typical course. */
import { z } from "zod";
import { FollowUpView } from "./patients";

export const RecoveryView = z.object({
  treatment: z
    .object({ id: z.string(), kind: z.string(), label: z.string(), date: z.string(), category: z.string() })
    .nullable(),
  /** Days since the treatment (negative before it). */
  day: z.number().nullable(),
  phases: z.array(
    z.object({
      id: z.string(),
      fromDay: z.number(),
      toDay: z.number().nullable(),
      title: z.string(),
      text: z.string(),
      tasks: z.array(z.string()),
      /** When to call the clinic at once; null: nothing beyond the usual. */
      warning: z.string().nullable(),
      certainty: z.string(),
      sources: z.array(z.object({ key: z.string(), text: z.string() })),
    }),
  ),
  currentPhaseId: z.string().nullable(),
  due: z.array(FollowUpView),
  /** The patient's own back pain (0–10) at each answered timepoint of this treatment. */
  own: z.array(z.object({ timepoint: z.string(), score: z.number() })),
  /** Registry patients with the same treatment: back pain by timepoint (median, quartiles), only where n ≥ 5. */
  typical: z.array(
    z.object({ timepoint: z.string(), n: z.number(), median: z.number(), q1: z.number(), q3: z.number() }),
  ),
});
export type RecoveryView = z.infer<typeof RecoveryView>;
