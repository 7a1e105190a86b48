/**
 * One error type for the whole system (after Medplum's OperationOutcomeError).
 *
 * The domain throws it; the database layer maps driver errors into it; the HTTP adapter renders it
 * as application/problem+json (RFC 9457) with `issues: [{path, message}]`; the web form puts each
 * issue under the field its path names. A path is the JSON path of the offending input, as a
 * dotted string ("birthDate", "answers.odi_3"), or "" for the request as a whole.
 */

export type Issue = { path: string; message: string };

export const ErrorCode = {
  badRequest: "bad-request",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  notFound: "not-found",
  conflict: "conflict",
  unprocessable: "unprocessable",
  payloadTooLarge: "payload-too-large",
  unsupportedMediaType: "unsupported-media-type",
  tooManyRequests: "too-many-requests",
  internal: "internal",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const statusByCode: Record<ErrorCode, number> = {
  "bad-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  unprocessable: 422,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "too-many-requests": 429,
  internal: 500,
};

const titleByCode: Record<ErrorCode, string> = {
  "bad-request": "The request has invalid fields",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  "not-found": "Not found",
  conflict: "Conflict",
  unprocessable: "Well-formed, but incomplete or not acceptable as the record stands",
  "payload-too-large": "Request body too large",
  "unsupported-media-type": "Unsupported media type",
  "too-many-requests": "Too many requests",
  internal: "Internal error",
};

export class EvidentError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  /** Seconds after which a client may retry (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, detail: string, issues: readonly Issue[] = [], retryAfter?: number) {
    super(detail);
    this.name = "EvidentError";
    this.code = code;
    this.issues = issues;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return statusByCode[this.code];
  }

  get title(): string {
    return titleByCode[this.code];
  }
}

export function badRequest(issues: readonly Issue[] | string, path = ""): EvidentError {
  const list = typeof issues === "string" ? [{ path, message: issues }] : issues;
  const detail =
    list.length === 1
      ? `${list[0]?.path || "request"}: ${list[0]?.message}`
      : `${list.length} fields are invalid`;
  return new EvidentError(ErrorCode.badRequest, detail, list);
}

/**
 * 422: every field is well-formed, but the request cannot be acted on as it stands (a required
 * answer is missing, a value contradicts the record, or an assessment is signed with criteria
 * still unknown); each issue names its field or what to settle first.
 */
export function unprocessable(issues: readonly Issue[], detail?: string): EvidentError {
  const summary =
    detail ??
    (issues.length === 1
      ? `${issues[0]?.path || "request"}: ${issues[0]?.message}`
      : `${issues.length} fields need attention`);
  return new EvidentError(ErrorCode.unprocessable, summary, issues);
}

export const notFound = (what = "resource"): EvidentError =>
  new EvidentError(ErrorCode.notFound, `No such ${what}`);
export const unauthenticated = (detail = "Please sign in"): EvidentError =>
  new EvidentError(ErrorCode.unauthenticated, detail);
export const forbidden = (detail = "You may not do this"): EvidentError =>
  new EvidentError(ErrorCode.forbidden, detail);
export const conflict = (detail: string, path = ""): EvidentError =>
  new EvidentError(ErrorCode.conflict, detail, path ? [{ path, message: detail }] : []);
export const tooManyRequests = (retryAfterSeconds: number, detail = "Too many attempts; try again later") =>
  new EvidentError(ErrorCode.tooManyRequests, detail, [], retryAfterSeconds);

export function isEvidentError(e: unknown): e is EvidentError {
  return e instanceof EvidentError;
}

type ZodLikeIssue = {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
};

/**
 * zod issues → ours, one per bad field (dotted paths). zod reports all unknown keys of an object
 * as one issue at the object's path; a form, the API's caller or the CLI's needs each unknown
 * field named, so those are split.
 */
export function issuesFromZod(
  error: { issues: readonly ZodLikeIssue[] },
  unknownFieldMessage = "is not a known field",
): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    const at = i.path.map(String);
    if (i.code === "unrecognized_keys" && i.keys) {
      return i.keys.map((key) => ({ path: [...at, key].join("."), message: unknownFieldMessage }));
    }
    return [{ path: at.join("."), message: i.message }];
  });
}
