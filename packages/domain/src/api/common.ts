/**
 * Building blocks for request and response schemas (zod 4), shared by the server (validation,
 * OpenAPI) and the web app (forms, types). Messages are written for the person filling the form:
 * the field name comes from the issue path, so a message reads after it ("birthDate: is required").
 */
import { z } from "zod";
import { isIsoDate } from "../dates";

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined || iss.input === null ? "is required" : `must be ${what}`;

/** Non-empty trimmed text up to `max` characters. */
export const text = (max: number) =>
  z
    .string({ error: required("text") })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

export const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

export const isoDate = z
  .string({ error: required("a date (YYYY-MM-DD)") })
  .refine(isIsoDate, "must be a real date (YYYY-MM-DD)");

export const uuid = z.uuid({ error: "must be an id (UUID)" });

export const email = z
  .email({ error: "must be an e-mail address" })
  .max(254, "must be at most 254 characters");

export const idParam = z.object({ id: uuid });

/** RFC 9457 problem details, as every error response. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type Problem = z.infer<typeof Problem>;
