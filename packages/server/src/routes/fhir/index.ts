/**
 * A read-only FHIR R4 API (mounted at /api/fhir) that standard clients can use:
 *
 *   GET metadata                          the CapabilityStatement (public)
 *   GET .well-known/smart-configuration   SMART discovery (public); POST token issues tokens
 *   GET Questionnaire[?url=|name=|_id=]   every instrument (public)
 *   GET Questionnaire/{id}                one instrument ("odi", or its FHIR id "nrs-back")
 *   GET {type}?…  and  GET {type}/{id}    Patient, Condition, Procedure, QuestionnaireResponse,
 *                                         Observation, AdverseEvent: search (paged) and read
 *
 * Patient data needs a SMART Backend Services token (./smart.ts) or a staff session with
 * patients:read; without either, 401 OperationOutcome. Either way the repository is bound to one
 * clinic and audits every read. Search parameters are parsed by the domain (fhir/search.ts): an
 * unknown one is a 400 naming it, unless `Prefer: handling=lenient`. Bodies are
 * application/fhir+json; errors are OperationOutcomes with the status of our error type.
 */

import { fhirRecordTypes, fhirRepository, scopedDb } from "@evident/db";
import { badRequest, ErrorCode, EvidentError, notFound } from "@evident/domain";
import {
  capabilityStatement,
  type FhirResource,
  fhirId,
  operationOutcome,
  parseSearch,
  type SearchQuery,
  type SearchType,
  searchBundle,
  searchLink,
  toQuestionnaire,
} from "@evident/domain/fhir";
import { findInstrument, instruments } from "@evident/domain/instruments";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/env";
import { logRequestError } from "../../http/logger";
import { toEvidentError } from "../../http/problem";
import { fhirAccess } from "./access";
import { smartRoutes } from "./smart";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
type Status = 200 | 400 | 401 | 403 | 404 | 406 | 409 | 429 | 500;

export function fhirJson(c: Context<AppEnv>, body: unknown, status: Status = 200) {
  return c.body(JSON.stringify(body), status, { "content-type": FHIR_JSON });
}

export const fhirBaseOf = (c: Context<AppEnv>) => `${c.get("deps").config.publicUrl}/api/fhir`;

function parse(c: Context<AppEnv>, type: SearchType): SearchQuery {
  const lenient = /(^|[\s,;])handling\s*=\s*lenient\b/i.test(c.req.header("prefer") ?? "");
  const result = parseSearch(type, new URL(c.req.url).searchParams, { lenient });
  if ("issues" in result) throw badRequest(result.issues);
  return result.query;
}

/** The Questionnaires matching a search: a small static list, filtered and paged in memory. */
function questionnaires(q: SearchQuery) {
  const [url, version] = (q.url ?? "").split("|");
  const all = instruments
    .map(toQuestionnaire)
    .filter(
      (r) =>
        (!q.url || (r.url === url && (!version || r.version === version))) &&
        (!q.name || r.name.toLowerCase().startsWith(q.name.toLowerCase())) &&
        (!q.ids || q.ids.includes(r.id)),
    );
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
    resources: page as FhirResource[],
    total: all.length,
    ...(from + page.length < all.length && page.length > 0 ? { next: page.at(-1)!.id } : {}),
    ...(from > 0 && page.length > 0 ? { previous: page[0]!.id } : {}),
  };
}

export function fhirRoutes(): Hono<AppEnv> {
  const fhir = new Hono<AppEnv>();

  fhir.onError((err, c) => {
    const known = toEvidentError(err);
    if (!known) logRequestError(c, err);
    const e =
      known ??
      new EvidentError(ErrorCode.internal, "Something went wrong on our side. The error was logged.");
    if (e.status === 401) c.header("www-authenticate", 'Bearer realm="evident-fhir"');
    return fhirJson(c, operationOutcome(e.code, e.message, e.issues), e.status as Status);
  });

  fhir.get("/metadata", (c) =>
    fhirJson(
      c,
      capabilityStatement({
        base: fhirBaseOf(c),
        version: c.get("deps").config.version,
        date: c.get("deps").clock.now().toISOString(),
        tokenUrl: `${fhirBaseOf(c)}/token`,
      }),
    ),
  );

  fhir.route("/", smartRoutes());

  const bundle = (
    c: Context<AppEnv>,
    q: SearchQuery,
    page: { resources: FhirResource[]; next?: string; previous?: string; total?: number },
  ) =>
    fhirJson(
      c,
      searchBundle(
        page.resources,
        searchLink(fhirBaseOf(c), q, { after: q.after, before: q.before }),
        fhirBaseOf(c),
        {
          ...(page.next ? { next: searchLink(fhirBaseOf(c), q, { after: page.next }) } : {}),
          ...(page.previous ? { previous: searchLink(fhirBaseOf(c), q, { before: page.previous }) } : {}),
          // The total is known without counting when this page is the whole result.
          ...(page.total !== undefined
            ? { total: page.total }
            : !page.next && !page.previous && !q.after && !q.before
              ? { total: page.resources.length }
              : {}),
        },
      ),
    );

  fhir.get("/Questionnaire", (c) => {
    const q = parse(c, "Questionnaire");
    return bundle(c, q, questionnaires(q));
  });

  fhir.get("/Questionnaire/:id", (c) => {
    const id = c.req.param("id");
    const def = findInstrument(id) ?? instruments.find((i) => fhirId(i.id) === id);
    if (!def) throw notFound("Questionnaire");
    return fhirJson(c, toQuestionnaire(def));
  });

  for (const type of fhirRecordTypes) {
    fhir.get(`/${type}`, async (c) => {
      const { scope } = await fhirAccess(c, type, "s");
      const q = parse(c, type);
      const { database } = c.get("deps");
      // Searches may run on a replica (db/replica.ts); reads by id stay on the primary.
      const { data } = await database.reads.run((on) =>
        fhirRepository(
          scopedDb(database.pool, scope.clinicId),
          scope,
          scopedDb(on.pool, scope.clinicId),
        ).search({
          ...q,
          type,
        }),
      );
      return bundle(c, q, data);
    });
    fhir.get(`/${type}/:id`, async (c) => {
      const { scope } = await fhirAccess(c, type, "r");
      const resource = await fhirRepository(
        scopedDb(c.get("deps").database.pool, scope.clinicId),
        scope,
      ).read(type, c.req.param("id"));
      // FHIR's version-aware read headers (http.html#versioning): the weak ETag is the versionId.
      if (resource.meta?.versionId) c.header("etag", `W/"${resource.meta.versionId}"`);
      if (resource.meta?.lastUpdated)
        c.header("last-modified", new Date(resource.meta.lastUpdated).toUTCString());
      return fhirJson(c, resource);
    });
  }

  // Anything else (another resource type, a write): not here, said the FHIR way.
  fhir.all("*", () => {
    throw notFound("FHIR resource type or operation");
  });

  return fhir;
}
