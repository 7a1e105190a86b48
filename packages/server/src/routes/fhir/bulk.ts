/**
 * FHIR Bulk Data Access (IG v2.0.0), asynchronous request pattern:
 *
 *   GET $export | Patient/$export | Group/{id}/$export   kick-off (Prefer: respond-async) → 202,
 *                                                        Content-Location: the status URL
 *   GET bulk-status/{id}      202 (Retry-After, X-Progress) while it runs; 200 and the manifest
 *   DELETE bulk-status/{id}   cancel: 202, the files are deleted, the status URL is 404 from then on
 *   GET bulk-files/{id}/{file}  one NDJSON file (application/fhir+ndjson), streamed from disk
 *   GET Group, Group/{id}     the clinic's cohorts (one per treatment kind) to export
 *
 * Only a SMART client may export; its exports and files are its own: another client (of the same
 * clinic or another) gets 404. A client may have two exports queued or running at once (then 429). The export runs on the job runner (../../jobs/fhir-export.ts);
 * the kick-off and each file downloaded are audit events in the clinic's chain.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { type FhirExportRow, fhirExportRepository, scopedDb } from "@evident/db";
import { badRequest, ErrorCode, EvidentError, forbidden, notFound, tooManyRequests } from "@evident/domain";
import {
  type BulkType,
  bulkManifest,
  type ExportLevel,
  groupIds,
  groupKind,
  parseExportParams,
  progressText,
  scopeAllows,
  toFhirGroup,
  typesAt,
} from "@evident/domain/fhir";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/env";
import { exportDirOf, removeExportFiles } from "../../jobs/fhir-export";
import { bulkClientAccess, fhirAccess } from "./access";
import { fhirBaseOf, fhirJson, isLenient, pageInMemory, parse, searchResult } from "./http";

const RETRY_AFTER_SECONDS = 2;
/** Exports of one client queued or running at once; a further kick-off is a 429 until one ends. */
const MAX_UNFINISHED = 2;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const informational = (text: string) => ({
  resourceType: "OperationOutcome",
  issue: [{ severity: "information", code: "informational", diagnostics: text }],
});

async function exportsOf(c: Context<AppEnv>) {
  const { scope, grant } = await bulkClientAccess(c);
  return { repo: fhirExportRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope), grant };
}

/** Which types the kick-off exports: those asked for (each must be readable), else all readable. */
function exportTypes(level: ExportLevel, asked: BulkType[] | null, scopes: readonly string[]): BulkType[] {
  // The instruments' Questionnaires are public: no scope is needed for them.
  const readable = (t: BulkType) => t === "Questionnaire" || scopeAllows(scopes, t, "r");
  if (asked) {
    const refused = asked.filter((t) => !readable(t));
    if (refused.length > 0)
      throw forbidden(`The token's scopes (${scopes.join(" ")}) do not allow reading ${refused.join(", ")}`);
    if (asked.length === 0)
      throw badRequest([{ path: "_type", message: "names no type this export can include" }]);
    return asked;
  }
  const types = typesAt(level).filter(readable);
  if (!types.some((t) => t !== "Questionnaire"))
    throw forbidden(`The token's scopes (${scopes.join(" ")}) allow reading none of the exported types`);
  return types;
}

async function kickOff(c: Context<AppEnv>, level: ExportLevel, groupId: string | null = null) {
  const { repo, grant } = await exportsOf(c);
  if (!/(^|[\s,;])respond-async\b/i.test(c.req.header("prefer") ?? ""))
    throw badRequest([
      { path: "Prefer", message: "must be respond-async: a Bulk Data export always answers asynchronously" },
    ]);
  const accept = c.req.header("accept");
  if (accept && !/(application\/(fhir\+)?json|\*\/\*)/i.test(accept))
    throw badRequest([{ path: "Accept", message: "must be application/fhir+json" }]);
  if (groupId !== null && !groupKind(groupId)) throw notFound("Group");
  const url = new URL(c.req.url);
  const parsed = parseExportParams(level, url.searchParams, { lenient: isLenient(c) });
  if ("issues" in parsed) throw badRequest(parsed.issues);
  const types = exportTypes(level, parsed.request.types, grant.scopes);
  if ((await repo.unfinished(grant.client)) >= MAX_UNFINISHED)
    throw tooManyRequests(
      60,
      `This client has ${MAX_UNFINISHED} exports queued or running: wait for one to finish, or cancel one`,
    );
  const row = await repo.kickOff({
    clientId: grant.client,
    level,
    groupId,
    types,
    since: parsed.request.since,
    request: `${c.get("deps").config.publicUrl}${url.pathname}${url.search}`,
  });
  c.get("deps").exportQueue?.wake();
  return fhirJson(
    c,
    informational("The export was accepted: poll the Content-Location URL for its status"),
    202,
    {
      "content-location": `${fhirBaseOf(c)}/bulk-status/${row.id}`,
    },
  );
}

/** The client's own export that is still there, or 404 saying why not. */
async function liveExport(c: Context<AppEnv>) {
  const { repo, grant } = await exportsOf(c);
  const id = c.req.param("id") ?? "";
  const row = uuid.test(id) ? await repo.find(id, grant.client) : null;
  if (!row) throw notFound("Bulk Data export");
  if (row.status === "cancelled")
    throw new EvidentError(ErrorCode.notFound, "This export was cancelled and its files deleted");
  if (
    row.status === "expired" ||
    (row.expiresAt && row.status === "completed" && row.expiresAt <= c.get("deps").clock.now())
  )
    throw new EvidentError(
      ErrorCode.notFound,
      "This export has expired and its files were deleted: start a new one",
    );
  return { row, repo, grant };
}

function manifestOf(c: Context<AppEnv>, row: FhirExportRow) {
  return bulkManifest({
    transactionTime: row.transactionTime!.toISOString(),
    request: row.request,
    output: (row.output ?? []).map((f) => ({
      type: f.type as BulkType,
      url: `${fhirBaseOf(c)}/bulk-files/${row.id}/${f.file}`,
      count: f.count,
    })),
  });
}

export function bulkRoutes(): Hono<AppEnv> {
  const bulk = new Hono<AppEnv>();

  bulk.get("/$export", (c) => kickOff(c, "system"));
  bulk.get("/Patient/$export", (c) => kickOff(c, "patient"));
  bulk.get("/Group/:id/$export", (c) => kickOff(c, "group", c.req.param("id")));

  bulk.get("/bulk-status/:id", async (c) => {
    const { row } = await liveExport(c);
    if (row.status === "failed")
      throw new EvidentError(ErrorCode.internal, `The export failed: ${row.error ?? "unknown error"}`);
    if (row.status !== "completed")
      return c.body(null, 202, {
        "retry-after": String(RETRY_AFTER_SECONDS),
        "x-progress":
          row.status === "accepted"
            ? "in queue"
            : progressText(row.progress ?? { done: 0, total: 0, type: null }),
      });
    return fhirJson(c, manifestOf(c, row), 200, {
      ...(row.expiresAt ? { expires: row.expiresAt.toUTCString() } : {}),
    });
  });

  bulk.delete("/bulk-status/:id", async (c) => {
    const { row, repo, grant } = await liveExport(c);
    if (!(await repo.cancel(row.id, grant.client))) throw notFound("Bulk Data export");
    // A running export notices at its next batch and removes what it wrote after this too.
    await removeExportFiles(c.get("deps").config, row.id);
    return fhirJson(c, informational("The export was cancelled and its files deleted"), 202);
  });

  bulk.get("/bulk-files/:id/:file", async (c) => {
    const { row, repo, grant } = await liveExport(c);
    const file = (row.output ?? []).find((f) => f.file === c.req.param("file"));
    if (row.status !== "completed" || !file) throw notFound("Bulk Data file");
    if (!scopeAllows(grant.scopes, file.type, "r") && file.type !== "Questionnaire")
      throw forbidden(`The token's scopes (${grant.scopes.join(" ")}) do not allow reading ${file.type}`);
    const where = path.join(exportDirOf(c.get("deps").config, row.id), file.file);
    const size = await stat(where).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound("Bulk Data file");
    await repo.fileDownloaded(row.id, file);
    const body = Readable.toWeb(createReadStream(where)) as unknown as ReadableStream;
    return c.body(body, 200, {
      "content-type": "application/fhir+ndjson",
      "content-length": String(size),
    });
  });

  bulk.get("/Group", async (c) => {
    const { scope } = await fhirAccess(c, "Group", "s");
    const q = parse(c, "Group");
    const sizes = await fhirExportRepository(
      scopedDb(c.get("deps").database.pool, scope.clinicId),
      scope,
    ).cohortSizes();
    const all = groupIds().map((id) => {
      const kind = groupKind(id)!;
      return toFhirGroup(kind, sizes.get(kind) ?? 0);
    });
    return searchResult(c, q, pageInMemory(all, q));
  });

  bulk.get("/Group/:id", async (c) => {
    const { scope } = await fhirAccess(c, "Group", "r");
    const kind = groupKind(c.req.param("id"));
    if (!kind) throw notFound("Group");
    const sizes = await fhirExportRepository(
      scopedDb(c.get("deps").database.pool, scope.clinicId),
      scope,
    ).cohortSizes();
    return fhirJson(c, toFhirGroup(kind, sizes.get(kind) ?? 0));
  });

  return bulk;
}
