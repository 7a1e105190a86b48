/**
 * Client-side checks that mirror the API's zod schemas exactly, by running the same schema on
 * the payload the form would send and keying each issue by its dotted path (the server's paths).
 */
import type { z } from "zod";
import { sentence } from "../api/issues";

export function schemaErrors(schema: z.ZodType, payload: unknown): Record<string, string> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".");
    if (out[path] === undefined) out[path] = sentence(issue.message);
  }
  return out;
}
