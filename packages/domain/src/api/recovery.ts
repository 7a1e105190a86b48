/** The portal's recovery timeline: phases since the latest treatment, what is due, own scores against the registry's typical course. */
import { z } from "zod";
import { FollowUpView } from "./patients";

/**
 * An exercise or therapy programme (the latest treatment with sessions a week in its procedure
 * record) and the sessions the patient logged against it.
 */
export const ProgrammeView = z.object({
  treatmentId: z.string(),
  kind: z.string(),
  /** As the clinic wrote it, e.g. "graded activity". */
  programme: z.string(),
  sessionsPerWeek: z.number().int(),
  weeks: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(["upcoming", "running", "ended"]),
  week: z.number().int().nullable(),
  thisWeek: z
    .object({ from: z.string(), to: z.string(), done: z.number().int(), planned: z.number().int() })
    .nullable(),
  total: z.object({ done: z.number().int(), planned: z.number().int() }),
  weeksOnPlan: z.number().int(),
  weeksPast: z.number().int(),
  doneToday: z.boolean(),
  /** The logged days, newest first. */
  sessions: z.array(z.string()),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

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
  /** The programme of sessions in progress (or ended within 4 weeks), if any. */
  programme: ProgrammeView.nullable(),
});
export type RecoveryView = z.infer<typeof RecoveryView>;
