/**
 * Imaging findings per spinal level, before and after treatment: Pfirrmann grade of disc
 * degeneration on MRI (1–5; Pfirrmann et al., Spine 2001), disc height as % of a normal
 * reference level, and Modic endplate change type (0 none, 1–3; Modic et al., Radiology 1988).
 */
import { z } from "zod";
import { spinalLevels } from "../catalogue/conditions";
import { isoDate, optionalText } from "./common";

const int = (min: number, max: number, what: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? "is required" : `must be ${what}`) })
    .int(`must be ${what}`)
    .min(min, `must be ${what}`)
    .max(max, `must be ${what}`);

export const ImagingLevelFinding = z
  .strictObject({
    level: z.enum(spinalLevels, { error: `must be one of ${spinalLevels.join(", ")}` }),
    pfirrmann: int(1, 5, "a Pfirrmann grade from 1 to 5").optional(),
    discHeightPercent: z
      .number({ error: "must be a number" })
      .min(0, "must be from 0 to 150")
      .max(150, "must be from 0 to 150")
      .optional(),
    modic: int(0, 3, "a Modic type from 0 (none) to 3").optional(),
  })
  .refine((f) => f.pfirrmann !== undefined || f.discHeightPercent !== undefined || f.modic !== undefined, {
    message: "needs at least one finding (Pfirrmann, disc height or Modic)",
  });

export const ImagingCreate = z.strictObject({
  date: isoDate,
  modality: z.enum(["mri", "ct", "xray"], { error: "must be one of mri, ct, xray" }),
  findings: z
    .array(ImagingLevelFinding, { error: "must be a list of findings per level" })
    .min(1, "needs at least one level")
    .refine((l) => new Set(l.map((f) => f.level)).size === l.length, "lists a level twice"),
  notes: optionalText(2000),
});
export type ImagingCreate = z.input<typeof ImagingCreate>;

export const ImagingView = z.object({
  id: z.string(),
  date: z.string(),
  modality: z.string(),
  findings: z.array(
    z.object({
      level: z.string(),
      pfirrmann: z.number().optional(),
      discHeightPercent: z.number().optional(),
      modic: z.number().optional(),
    }),
  ),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type ImagingView = z.infer<typeof ImagingView>;
