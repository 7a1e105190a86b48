/** zod validation failures become a 400 naming every bad field. */
import { badRequest, issuesFromZod } from "@evident/domain";
import type { z } from "zod";

type ParseFailure = { success: false; error: z.ZodError } | { success: true; data: unknown };

/** The `defaultHook` of OpenAPIHono: throw our error type, rendered by onError. */
export function validationHook(result: ParseFailure & { target?: string }): void {
  if (!result.success) {
    const issues = issuesFromZod(result.error);
    throw badRequest(issues.length ? issues : [{ path: "", message: "invalid request" }]);
  }
}
