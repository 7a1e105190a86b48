/**
 * Updating a record in place (an adverse event, a treatment): every change names the version it
 * was made against (a stale one is refused with 409, so two people cannot overwrite each other
 * unseen) and why it was made; the record's history lists each change.
 */
import { z } from "zod";
import { text } from "./common";

export const changeFields = {
  /** The record's version the change was made against (from the record as read). */
  version: z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : "must be a version number") })
    .int("must be a version number")
    .min(1, "must be a version number"),
  reason: text(500),
};

export const RecordChange = z.object({
  version: z.number(),
  changedAt: z.string(),
  changedBy: z.object({ id: z.string(), name: z.string() }),
  reason: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type RecordChange = z.infer<typeof RecordChange>;

export const RecordHistory = z.object({
  /** The version now current. */
  version: z.number(),
  /** Newest first. */
  items: z.array(RecordChange),
});
export type RecordHistory = z.infer<typeof RecordHistory>;
