/**
 * Every error leaves as application/problem+json (RFC 9457) with `issues: [{path, message}]`.
 * Domain errors keep their status; framework errors (malformed JSON, body too large) get theirs;
 * anything unexpected is logged with the request id (without the data it carried: ./logger.ts) and
 * answered as a 500 without internals.
 */
import { ErrorCode, EvidentError, type Issue, isEvidentError } from "@evident/domain";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";
import { logRequestError } from "./logger";

export function problemResponse(c: Context<AppEnv>, err: EvidentError): Response {
  const body = {
    type: `https://evident.invalid/problems/${err.code}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    instance: c.req.path,
    requestId: c.get("requestId"),
    issues: err.issues,
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (err.retryAfter !== undefined) headers["retry-after"] = String(err.retryAfter);
  return new Response(JSON.stringify(body), { status: err.status, headers });
}

export function toEvidentError(err: unknown): EvidentError | null {
  if (isEvidentError(err)) return err;
  if (err instanceof HTTPException) {
    const map: Record<number, ErrorCode> = {
      400: ErrorCode.badRequest,
      401: ErrorCode.unauthenticated,
      403: ErrorCode.forbidden,
      404: ErrorCode.notFound,
      413: ErrorCode.payloadTooLarge,
      415: ErrorCode.unsupportedMediaType,
    };
    const code = map[err.status];
    if (code) {
      const issues: Issue[] = code === ErrorCode.badRequest ? [{ path: "", message: err.message }] : [];
      return new EvidentError(code, err.message || "Bad request", issues);
    }
  }
  return null;
}

export function onError(err: unknown, c: Context<AppEnv>): Response {
  const known = toEvidentError(err);
  if (known) return problemResponse(c, known);
  logRequestError(c, err);
  return problemResponse(
    c,
    new EvidentError(ErrorCode.internal, "Something went wrong on our side. The error was logged."),
  );
}
