/** The pain diary: one entry a day per patient (back and leg pain, a note, medicines taken). */
import { z } from "zod";
import { opioidIds } from "../diary/mme";
import { isoDate, optionalText } from "./common";

const score = (what: string) =>
  z
    .number({
      error: (iss) =>
        iss.input === undefined ? "is required" : `must be a whole number from 0 to 10 (${what})`,
    })
    .int("must be a whole number from 0 to 10")
    .min(0, "must be from 0 to 10")
    .max(10, "must be from 0 to 10");

export const DiaryMedication = z.strictObject({
  /** An opioid from the conversion table, or "other" for any other medicine (not counted in MME). */
  drug: z.enum([...opioidIds, "other"], { error: `must be one of ${[...opioidIds, "other"].join(", ")}` }),
  /** The medicine's name when `drug` is "other". */
  name: optionalText(100),
  /** mg per dose (fentanyl patch: micrograms per hour). */
  dose: z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a number") })
    .positive("must be more than 0")
    .max(2000, "must be at most 2000"),
  dosesPerDay: z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a whole number") })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(12, "must be at most 12"),
});

export const DiaryEntryInput = z.strictObject({
  backPain: score("back pain"),
  legPain: score("leg pain"),
  note: optionalText(1000),
  medications: z
    .array(DiaryMedication, { error: "must be a list" })
    .max(10, "at most 10 medicines")
    .default([]),
});
export type DiaryEntryInput = z.input<typeof DiaryEntryInput>;

export const DiaryEntryView = z.object({
  date: z.string(),
  backPain: z.number(),
  legPain: z.number(),
  note: z.string().nullable(),
  medications: z.array(
    z.object({ drug: z.string(), name: z.string().optional(), dose: z.number(), dosesPerDay: z.number() }),
  ),
  /** Morphine milligram equivalents that day (CDC 2022 factors). */
  mme: z.number(),
  mmeTable: z.string(),
});
export type DiaryEntryView = z.infer<typeof DiaryEntryView>;

export const DiaryView = z.object({
  entries: z.array(DiaryEntryView),
  reminder: z.boolean(),
});
export type DiaryView = z.infer<typeof DiaryView>;

export const DiaryDateParam = z.object({ date: isoDate });
export const DiaryReminder = z.strictObject({ reminder: z.boolean({ error: "must be true or false" }) });
