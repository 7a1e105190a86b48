/** Small helpers shared by route definitions: JSON responses and the problem responses. */
import { Problem } from "@evident/domain/api";
import type { z } from "zod";

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { "application/json": { schema } }, description };
}

const problemText: Record<number, string> = {
  400: "Invalid input: `issues` names each bad field",
  401: "Not signed in",
  403: "Not allowed for this user",
  404: "Not found (or not visible to this user)",
  409: "Conflicts with existing data",
  413: "Request body too large",
  422: "Well-formed, but incomplete (e.g. a required answer is missing) or not possible with the record as it is: `issues` names each field or what to settle first",
  429: "Too many attempts; see Retry-After",
};

export function problems<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        content: { "application/problem+json": { schema: Problem } },
        description: problemText[s] ?? "Error",
      },
    ]),
  ) as {
    [K in S[number]]: {
      content: { "application/problem+json": { schema: typeof Problem } };
      description: string;
    };
  };
}
