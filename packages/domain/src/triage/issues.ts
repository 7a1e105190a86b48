/**
 * zod issues → our issues, one per bad field. zod reports all unknown keys of an object as one
 * issue at the object's path; a form (and the CLI's caller) needs each unknown field named, so
 * those are split. Shared by the triage, candidacy and regulatory input schemas.
 */
import type { z } from "zod";
import type { Issue } from "../errors";

export function issuesFromZod(error: z.ZodError, unknownFieldMessage: string): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    const at = i.path.map(String);
    if (i.code === "unrecognized_keys")
      return i.keys.map((key) => ({ path: [...at, key].join("."), message: unknownFieldMessage }));
    return [{ path: at.join("."), message: i.message }];
  });
}
