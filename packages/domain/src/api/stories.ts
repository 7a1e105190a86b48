/**
 * Patients' stories over HTTP (domain/stories): staff draft and edit a story, a clinician approves
 * and publishes it, and the decision aid reads every published one (the stated rule) with the
 * patient's own numbers beside it — computed from their answers, never typed.
 */
import { z } from "zod";
import { storyInstruments, storyLanguages } from "../stories/selection";
import { uuid } from "./common";

const storyText = z
  .string({ error: "is required" })
  .trim()
  .min(40, "must be at least 40 characters: tell what happened, in a few sentences")
  .max(2000, "must be at most 2,000 characters");

export const StoryDraft = z
  .object({
    treatmentId: uuid,
    language: z.enum(storyLanguages, { error: `must be one of ${storyLanguages.join(", ")}` }),
    text: storyText,
  })
  .strict();
export type StoryDraft = z.infer<typeof StoryDraft>;

export const StoryEdit = z.object({ text: storyText }).strict();
export type StoryEdit = z.infer<typeof StoryEdit>;

const Person = z.object({ id: z.string(), name: z.string() });

export const StoryScore = z.object({
  score: z.number(),
  timepoint: z.string(),
  /** yyyy-mm-dd, the day it was answered. */
  on: z.string(),
});

/** One instrument's numbers beside a story: the baseline and the latest answer after treatment. */
export const StoryOutcome = z.object({
  instrument: z.enum(storyInstruments),
  baseline: StoryScore.nullable(),
  latest: StoryScore.nullable(),
});
export type StoryOutcome = z.infer<typeof StoryOutcome>;

/** A story as staff see it, on the patient's page. */
export const StoryView = z.object({
  id: z.string(),
  patientId: z.string(),
  treatmentId: z.string(),
  treatmentKind: z.string(),
  language: z.enum(storyLanguages),
  text: z.string(),
  status: z.enum(["draft", "published", "withdrawn"]),
  draftedBy: Person.nullable(),
  draftedAt: z.string(),
  approvedBy: Person.nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  outcomes: z.array(StoryOutcome),
});
export type StoryView = z.infer<typeof StoryView>;

export const StoryList = z.object({
  items: z.array(StoryView),
  /** Whether the patient's story consent is signed and not withdrawn (needed to publish). */
  consented: z.boolean(),
});
export type StoryList = z.infer<typeof StoryList>;

/** A published story as the decision aid shows it: no patient id, no name, no dates but its own. */
export const PublishedStory = z.object({
  id: z.string(),
  treatmentKind: z.string(),
  /** The decision-aid options the story is shown beside (evidence/treatment-kinds.ts). */
  optionIds: z.array(z.string()),
  language: z.enum(storyLanguages),
  text: z.string(),
  publishedAt: z.string(),
  outcomes: z.array(StoryOutcome),
});
export type PublishedStory = z.infer<typeof PublishedStory>;

export const DecisionAidStories = z.object({
  /** The selection rule, in the language asked for: printed above the stories. */
  rule: z.string(),
  label: z.string(),
  /** Every published, consented story at the clinic, in the stated order (oldest publication first). */
  items: z.array(PublishedStory),
});
export type DecisionAidStories = z.infer<typeof DecisionAidStories>;
