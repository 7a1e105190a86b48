/**
 * Text PostgreSQL cannot store is refused at the door, once for every route: a NUL character
 * (text and jsonb cannot hold U+0000) or a lone UTF-16 surrogate (half of a character, which
 * would be stored silently changed to U+FFFD) anywhere in the JSON body — values and keys — the
 * query string or the path is a 400 naming the field, before any handler or SQL runs. (Without
 * this, a NUL in a patient's name reached PostgreSQL and came back as a 500.)
 */
import { badRequest, type Issue } from "@evident/domain";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character being refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MESSAGE = "contains a character that cannot be stored (a NUL character or half of a character)";
const MAX_DEPTH = 64;

export function hasUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

/** A field name fit to show back: the offending characters replaced. */
const printable = (s: string) => s.replace(new RegExp(UNSTORABLE.source, "g"), "\uFFFD");

/** Every string (and object key) in a parsed JSON value that cannot be stored, by its path. */
export function unstorableIssues(value: unknown, at: string[] = [], depth = 0): Issue[] {
  if (typeof value === "string")
    return hasUnstorableText(value) ? [{ path: at.join("."), message: MESSAGE }] : [];
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) => unstorableIssues(v, [...at, String(i)], depth + 1));
  return Object.entries(value).flatMap(([k, v]) => {
    const here = [...at, printable(k)];
    const key: Issue[] = hasUnstorableText(k)
      ? [{ path: here.join("."), message: `its name ${MESSAGE}` }]
      : [];
    return [...key, ...unstorableIssues(v, here, depth + 1)];
  });
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // not valid percent-encoding: left for the route to refuse
  }
}

export const rejectUnstorableText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const issues: Issue[] = [];
  const url = new URL(c.req.url);
  if (url.pathname.split("/").some((segment) => hasUnstorableText(decode(segment))))
    issues.push({ path: "url", message: `the address ${MESSAGE}` });
  for (const [key, values] of Object.entries(c.req.queries())) {
    const name = printable(key);
    if (hasUnstorableText(key)) issues.push({ path: name, message: `the query parameter's name ${MESSAGE}` });
    if (values.some(hasUnstorableText)) issues.push({ path: name, message: MESSAGE });
  }
  if (/^application\/([\w.+-]+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
    const body = await c.req.json().catch(() => undefined);
    issues.push(...unstorableIssues(body));
  }
  if (issues.length > 0) throw badRequest(issues);
  await next();
};
