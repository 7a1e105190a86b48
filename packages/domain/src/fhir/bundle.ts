/**
 * FHIR R4 search results and errors: a `searchset` Bundle of matches (a `self` link, and `next`
 * and `previous` when the result has more pages), and an OperationOutcome for a failure, its issues carrying our field paths as
 * `expression` and our message as `diagnostics`. Issue codes from the R4 IssueType value set.
 */
import type { ErrorCode, Issue } from "../errors";
import type { Bundle, FhirResource, OperationOutcome, OperationOutcomeIssue } from "./types";

export type PageLinks = { next?: string; previous?: string; total?: number };

/**
 * A page of matches: `total` when it is known without counting the whole registry (a page that
 * is the whole result), `next`/`previous` links when there is more either side.
 */
export function searchBundle(
  resources: readonly FhirResource[],
  self: string,
  base: string,
  page: PageLinks = { total: resources.length },
): Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    ...(page.total !== undefined ? { total: page.total } : {}),
    link: [
      { relation: "self", url: self },
      ...(page.next ? [{ relation: "next", url: page.next }] : []),
      ...(page.previous ? [{ relation: "previous", url: page.previous }] : []),
    ],
    entry: resources.map((resource) => ({
      ...("id" in resource && resource.id
        ? { fullUrl: `${base}/${resource.resourceType}/${resource.id}` }
        : {}),
      resource,
      search: { mode: "match" },
    })),
  };
}

/** IssueType codes (http://hl7.org/fhir/issue-type) for our error codes. */
const issueType: Record<ErrorCode, OperationOutcomeIssue["code"]> = {
  "bad-request": "invalid",
  unauthenticated: "login",
  forbidden: "forbidden",
  "not-found": "not-found",
  conflict: "conflict",
  unprocessable: "business-rule",
  "payload-too-large": "too-costly",
  "unsupported-media-type": "not-supported",
  "too-many-requests": "throttled",
  internal: "exception",
};

export function operationOutcome(
  code: ErrorCode,
  detail: string,
  issues: readonly Issue[],
): OperationOutcome {
  const type = issueType[code];
  const list: OperationOutcomeIssue[] =
    issues.length > 0
      ? issues.map((i) => ({
          severity: "error",
          code: type,
          diagnostics: i.path ? `${i.path}: ${i.message}` : i.message,
          ...(i.path ? { expression: [i.path] } : {}),
        }))
      : [{ severity: "error", code: type, diagnostics: detail }];
  return { resourceType: "OperationOutcome", issue: list };
}
