/** The portal's recovery timeline: phases since the latest treatment, what is due, own scores against the registry's typical course. */
import { z } from "zod";
import { criterionIds } from "../evidence/comparable";
import { FollowUpView } from "./patients";

/**
 * Back pain (0–10) of this clinic's patients who had the same treatment and were like this
 * patient before it (evidence/typical-course), at each time point where at least `minimum` answered.
 */
export const TypicalCourseView = z.object({
  /** False when the patient gave no Oswestry score before the treatment: nobody can be "like" them. */
  usable: z.boolean(),
  minimum: z.number().int(),
  criteria: z.array(z.object({ id: z.enum(criterionIds), words: z.string() })),
  widened: z.array(z.enum(criterionIds)),
  /** Patients like this one treated the same way; null while too few answered (no count is given). */
  treated: z.number().int().nullable(),
  points: z.array(
    z.object({
      timepoint: z.string(),
      /** Like this patient and due at this time point (at baseline: everyone treated). */
      due: z.number().int(),
      /** Of them, those who answered. */
      n: z.number().int(),
      median: z.number(),
      /** 95% interval of the median (order statistics). */
      medianCI: z.tuple([z.number(), z.number()]).nullable(),
      q1: z.number(),
      q3: z.number(),
    }),
  ),
});
export type TypicalCourseView = z.infer<typeof TypicalCourseView>;

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
  /** The typical course of patients like this one; null before any treatment. */
  typical: TypicalCourseView.nullable(),
  /** The programme of sessions in progress (or ended within 4 weeks), if any. */
  programme: ProgrammeView.nullable(),
});
export type RecoveryView = z.infer<typeof RecoveryView>;
