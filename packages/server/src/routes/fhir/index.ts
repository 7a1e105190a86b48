/**
 * A read-only FHIR R4 API (mounted at /api/fhir) that standard clients can use:
 *
 *   GET metadata                          the CapabilityStatement (public)
 *   GET .well-known/smart-configuration   SMART discovery (public); POST token issues tokens
 *   GET Questionnaire[?url=|name=|_id=]   every instrument (public)
 *   GET Questionnaire/{id}                one instrument ("odi", or its FHIR id "nrs-back")
 *   GET {type}?…  and  GET {type}/{id}    Patient, Condition, Procedure, QuestionnaireResponse,
 *                                         Observation, AdverseEvent: search (paged) and read
 *   $export, bulk-status, bulk-files, Group  Bulk Data export (./bulk.ts)
 *
 * Patient data needs a SMART Backend Services token (./smart.ts) or a staff session with
 * patients:read; without either, 401 OperationOutcome. Either way the repository is bound to one
 * clinic and audits every read. Search parameters are parsed by the domain (fhir/search.ts): an
 * unknown one is a 400 naming it, unless `Prefer: handling=lenient`. Bodies are
 * application/fhir+json; errors are OperationOutcomes with the status of our error type.
 */

import { fhirRecordTypes, fhirRepository, scopedDb } from "@evident/db";
import { ErrorCode, EvidentError, notFound } from "@evident/domain";
import {
  capabilityStatement,
  type FhirResource,
  fhirId,
  operationOutcome,
  toQuestionnaire,
} from "@evident/domain/fhir";
import { findInstrument, instruments } from "@evident/domain/instruments";
import { Hono } from "hono";
import type { AppEnv } from "../../http/env";
import { logRequestError } from "../../http/logger";
import { toEvidentError } from "../../http/problem";
import { fhirAccess } from "./access";
import { bulkRoutes } from "./bulk";
import { fhirBaseOf, fhirJson, pageInMemory, parse, type Status, searchResult } from "./http";
import { smartRoutes } from "./smart";

export function fhirRoutes(): Hono<AppEnv> {
  const fhir = new Hono<AppEnv>();

  fhir.onError((err, c) => {
    const known = toEvidentError(err);
    if (!known) logRequestError(c, err);
    const e =
      known ??
      new EvidentError(ErrorCode.internal, "Something went wrong on our side. The error was logged.");
    if (e.status === 401) c.header("www-authenticate", 'Bearer realm="evident-fhir"');
    if (e.retryAfter !== undefined) c.header("retry-after", String(e.retryAfter));
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
  // Before the types' routes, so Patient/$export is not read as a Patient's id.
  fhir.route("/", bulkRoutes());

  fhir.get("/Questionnaire", (c) => {
    const q = parse(c, "Questionnaire");
    const [url, version] = (q.url ?? "").split("|");
    const all = instruments
      .map(toQuestionnaire)
      .filter(
        (r) =>
          (!q.url || (r.url === url && (!version || r.version === version))) &&
          (!q.name || r.name.toLowerCase().startsWith(q.name.toLowerCase())),
      );
    return searchResult(c, q, pageInMemory(all as FhirResource[], q));
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
      return searchResult(c, q, data);
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
