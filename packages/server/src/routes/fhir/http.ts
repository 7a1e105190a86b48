/**
 * What every FHIR route shares: application/fhir+json bodies, the base URL, a search's parameters
 * (domain/fhir/search.ts: an unknown one is a 400 naming it, unless `Prefer: handling=lenient`),
 * and a search's Bundle with its paging links. Small static lists (Questionnaires, Groups) are
 * filtered and paged in memory by the same cursors the database searches use.
 */
import { badRequest } from "@evident/domain";
import {
  type FhirResource,
  parseSearch,
  type SearchQuery,
  type SearchType,
  searchBundle,
  searchLink,
} from "@evident/domain/fhir";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
export type Status = 200 | 202 | 400 | 401 | 403 | 404 | 406 | 409 | 429 | 500;

export function fhirJson(
  c: Context<AppEnv>,
  body: unknown,
  status: Status = 200,
  headers: Record<string, string> = {},
) {
  return c.body(JSON.stringify(body), status, { "content-type": FHIR_JSON, ...headers });
}

export const fhirBaseOf = (c: Context<AppEnv>) => `${c.get("deps").config.publicUrl}/api/fhir`;

/** Whether the request says `Prefer: handling=lenient` (unknown parameters are dropped). */
export const isLenient = (c: Context<AppEnv>) =>
  /(^|[\s,;])handling\s*=\s*lenient\b/i.test(c.req.header("prefer") ?? "");

export function parse(c: Context<AppEnv>, type: SearchType): SearchQuery {
  const result = parseSearch(type, new URL(c.req.url).searchParams, { lenient: isLenient(c) });
  if ("issues" in result) throw badRequest(result.issues);
  return result.query;
}

export type ResultPage = { resources: FhirResource[]; next?: string; previous?: string; total?: number };

/** A page of a short list already filtered by everything but `_id` and the cursors. */
export function pageInMemory(list: readonly FhirResource[], q: SearchQuery): ResultPage {
  const all = list.filter((r) => !q.ids || q.ids.includes(r.id ?? ""));
  const start = q.after ? all.findIndex((r) => r.id === q.after) + 1 : 0;
  const end = q.before
    ? Math.max(
        0,
        all.findIndex((r) => r.id === q.before),
      )
    : all.length;
  const from = q.before ? Math.max(0, end - q.count) : start;
  const page = all.slice(from, Math.min(end, from + q.count));
  return {
    resources: page,
    total: all.length,
    ...(from + page.length < all.length && page.length > 0 ? { next: page.at(-1)!.id } : {}),
    ...(from > 0 && page.length > 0 ? { previous: page[0]!.id } : {}),
  };
}

/** A search's Bundle, with self, next and previous links. */
export function searchResult(c: Context<AppEnv>, q: SearchQuery, page: ResultPage) {
  const base = fhirBaseOf(c);
  return fhirJson(
    c,
    searchBundle(page.resources, searchLink(base, q, { after: q.after, before: q.before }), base, {
      ...(page.next ? { next: searchLink(base, q, { after: page.next }) } : {}),
      ...(page.previous ? { previous: searchLink(base, q, { before: page.previous }) } : {}),
      // The total is known without counting when this page is the whole result.
      ...(page.total !== undefined
        ? { total: page.total }
        : !page.next && !page.previous && !q.after && !q.before
          ? { total: page.resources.length }
          : {}),
    }),
  );
}
