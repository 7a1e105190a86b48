/**
 * Structured logs (pino: one JSON object a line, on stdout) that never hold patient data or
 * secrets: no request bodies, query strings or headers are logged at all; a request is its id,
 * method, route pattern (`/api/v1/patients/:id`, never the path with its values), status and
 * duration. An error is logged by what it is, not by what it carried: a database error by its
 * SQLSTATE code, routine and constraint (its message and detail quote the values: "Key
 * (email)=(…) already exists"), a failed query by its SQL text without the parameters (drizzle
 * puts the parameters in its message: names, birth dates, e-mails), and other errors by a message
 * with e-mail addresses, dates and token-like strings masked. Redaction paths back this up for
 * fields someone may log later.
 */
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import pino from "pino";
import type { AppEnv } from "./env";

export type Logger = pino.Logger;

export const REDACTED_FIELDS = [
  "password",
  "token",
  "email",
  "givenName",
  "familyName",
  "name",
  "birthDate",
  "params",
  "cookie",
  "authorization",
];

export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
        censor: "[redacted]",
      },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** E-mail addresses, dates (birth dates among them) and long token-like strings, masked. */
export function maskText(text: string): string {
  return text
    .replace(/[^\s@"'()<>]+@[^\s@"'()<>]+/g, "[email]")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, "[date]")
    .replace(/\b[A-Za-z0-9_-]{24,}\b/g, "[token]")
    .slice(0, 500);
}

const stackFrames = (e: Error) =>
  (e.stack ?? "")
    .split("\n")
    .filter((l) => l.trimStart().startsWith("at "))
    .slice(0, 12)
    .map((l) => l.trim());

type DbError = Error & {
  code: string;
  routine?: string;
  constraint?: string;
  table?: string;
  column?: string;
};
const isDbError = (e: unknown): e is DbError =>
  e instanceof Error && typeof (e as DbError).code === "string" && /^[0-9A-Z]{5}$/.test((e as DbError).code);

/** What can be logged of an error: see the module comment. */
export function describeError(e: unknown, depth = 0): Record<string, unknown> {
  if (!(e instanceof Error)) return { type: typeof e };
  if (isDbError(e))
    return {
      type: "DatabaseError",
      code: e.code,
      routine: e.routine,
      constraint: e.constraint,
      table: e.table,
      column: e.column,
    };
  const cause = (e as { cause?: unknown }).cause;
  if (typeof (e as { query?: unknown }).query === "string" && "params" in e)
    return {
      type: "QueryFailed",
      sql: maskText((e as unknown as { query: string }).query),
      cause: depth < 3 && cause ? describeError(cause, depth + 1) : undefined,
      stack: stackFrames(e),
    };
  return {
    type: e.name,
    message: maskText(e.message),
    stack: stackFrames(e),
    ...(depth < 3 && cause ? { cause: describeError(cause, depth + 1) } : {}),
  };
}

/** A message fit to store or show (e.g. a failed job's): the same masking, one line. */
export function safeMessage(e: unknown): string {
  const d = describeError(e);
  if (d.type === "DatabaseError") return `database error ${d.code}`;
  if (d.type === "QueryFailed") {
    const cause = d.cause as { code?: string } | undefined;
    return `database query failed${cause?.code ? ` (${cause.code})` : ""}`;
  }
  return String(d.message ?? d.type);
}

export function loggerOf(c: Context<AppEnv>): Logger {
  return c.get("deps").logger ?? fallbackLogger();
}

let fallback: Logger | null = null;
/** For an app built without a logger (tests): errors only. */
export function fallbackLogger(): Logger {
  fallback ??= createLogger({ level: "error" });
  return fallback;
}

/** Logs an unexpected error of a request (a 500). */
export function logRequestError(c: Context<AppEnv>, err: unknown): void {
  loggerOf(c).error(
    { requestId: c.get("requestId"), method: c.req.method, route: routePath(c), err: describeError(err) },
    "request failed",
  );
}

/**
 * One line per request: id, method, route pattern, status, duration. A healthy answer to a health
 * check (polled every few seconds by load balancers) only at debug level.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    const route = routePath(c);
    const quiet = route === "/api/health" && c.res.status === 200;
    loggerOf(c)[quiet ? "debug" : "info"](
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  }
};
