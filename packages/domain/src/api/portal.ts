import { z } from "zod";
import { FollowUpView, ResponseView } from "./patients";

export const PortalItem = z.object({
  id: z.string(),
  text: z.string(),
  type: z.enum(["integer", "choice", "boolean"]),
  min: z.number().optional(),
  max: z.number().optional(),
  anchors: z.object({ min: z.string(), max: z.string() }).optional(),
  options: z.array(z.object({ value: z.union([z.number(), z.boolean()]), label: z.string() })).optional(),
  optional: z.boolean().optional(),
  /** The group it belongs to (a PROMIS-29 domain) and the stem printed before it. */
  group: z.string().optional(),
  context: z.string().optional(),
});

export const InstrumentView = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  recallPeriod: z.string(),
  instructions: z.string(),
  items: z.array(PortalItem),
  groups: z.array(z.object({ id: z.string(), title: z.string(), recall: z.string() })).optional(),
  scoreRange: z.object({ min: z.number(), max: z.number() }),
  direction: z.enum(["higher-worse", "higher-better"]),
  licence: z.object({ holder: z.string(), terms: z.string(), agreementNeeded: z.boolean() }),
});
export type InstrumentView = z.infer<typeof InstrumentView>;

export const PortalHome = z.object({
  patient: z.object({ givenName: z.string(), familyName: z.string() }),
  clinic: z.object({ name: z.string() }),
  due: z.array(FollowUpView),
  upcoming: z.array(FollowUpView),
  completed: z.array(ResponseView),
});
export type PortalHome = z.infer<typeof PortalHome>;
