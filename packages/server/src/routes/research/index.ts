/**
 * The de-identified research export for researchers and admins (`research:export`): the clinic's
 * data-use terms and their acceptance, then exports of the caller's clinic as jobs (REDCap or
 * tidy CSV, a cohort filter), their progress, and their files. What leaves is only what the
 * export engine writes (db/research-export: no identifiers, dates as day offsets, k = 11), so
 * this path reaches no identified data. Every step is audited: acceptance, the request, the files
 * with their checksums (by the job), each download.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  presentResearchExport,
  researchExportRepository,
  savedCohortRepository,
  scopedDb,
} from "@evident/db";
import { badRequest, notFound } from "@evident/domain";
import {
  AcceptTermsRequest,
  CreateResearchExportRequest,
  idParam,
  ResearchExportList,
  ResearchExportView,
  ResearchTermsView,
} from "@evident/domain/api";
import { dataUseTerms, exportedCohort } from "@evident/domain/research";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { requirePermission, scopeOf, staffActor } from "../../http/scoped";
import { researchExportDirOf } from "../../jobs/research-export";
import { json, problems } from "../common";

const tags = ["Research export"];
const guard = requirePermission("research:export");

function repository(c: Context<AppEnv>) {
  const scope = scopeOf(c, staffActor(c));
  return researchExportRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope);
}

/**
 * The saved cohort an export names, as the export records it; 400 on `cohortId` when the caller
 * cannot use it, or when it picks only other clinics (an export from the web holds the caller's).
 */
async function savedForExport(c: Context<AppEnv>, id: string) {
  const scope = scopeOf(c, staffActor(c));
  const saved = await savedCohortRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope).one(
    id,
  );
  if (!saved) throw badRequest("no saved cohort with this id that you can use", "cohortId");
  if (saved.filter.clinicIds && !saved.filter.clinicIds.includes(scope.clinicId))
    throw badRequest(
      "this saved cohort picks other clinics only; an export from here holds your own clinic's patients",
      "cohortId",
    );
  return exportedCohort(saved);
}

const termsView = (acceptedAt: Date | null) => ({
  version: dataUseTerms.version,
  title: dataUseTerms.title,
  paragraphs: [...dataUseTerms.paragraphs],
  acceptedAt: acceptedAt?.toISOString() ?? null,
});

const getTerms = createRoute({
  method: "get",
  path: "/research/terms",
  tags,
  summary: "The clinic's data-use terms for research exports, and whether the caller accepted this version",
  middleware: guard,
  responses: { 200: json(ResearchTermsView, "The terms"), ...problems(401, 403) },
});

const accept = createRoute({
  method: "post",
  path: "/research/terms/acceptances",
  tags,
  summary: "Accept the version of the data-use terms shown (recorded with who and when; audited)",
  middleware: guard,
  request: { body: { content: { "application/json": { schema: AcceptTermsRequest } }, required: true } },
  responses: { 201: json(ResearchTermsView, "Accepted"), ...problems(400, 401, 403, 409) },
});

const create = createRoute({
  method: "post",
  path: "/research/exports",
  tags,
  summary:
    "Start a de-identified export of the caller's clinic (REDCap project files or tidy CSV with a codebook) as a job; 403 until the data-use terms are accepted",
  description:
    "The cohort is a filter (`cohort`) or a saved cohort's version id (`cohortId`; GET /cohorts), not both (400 on `cohortId`). A saved cohort's line is written to cohort.txt among the files and recorded, with its name, version and filter, on the export and in its audit events; 400 on `cohortId` when it is not one the caller can use or picks only other clinics.",
  middleware: guard,
  request: {
    body: { content: { "application/json": { schema: CreateResearchExportRequest } }, required: true },
  },
  responses: { 202: json(ResearchExportView, "Queued"), ...problems(400, 401, 403) },
});

const list = createRoute({
  method: "get",
  path: "/research/exports",
  tags,
  summary: "The caller's recent exports, newest first",
  middleware: guard,
  responses: { 200: json(ResearchExportList, "Exports"), ...problems(401, 403) },
});

const one = createRoute({
  method: "get",
  path: "/research/exports/{id}",
  tags,
  summary: "One of the caller's exports: status, progress, and its files with their SHA-256 when done",
  middleware: guard,
  request: { params: idParam },
  responses: { 200: json(ResearchExportView, "The export"), ...problems(400, 401, 403, 404) },
});

const fileName = z.object({
  id: idParam.shape.id,
  name: z.string().regex(/^([a-z_]+\.csv|cohort\.txt)$/, "must be a file name"),
});
const file = createRoute({
  method: "get",
  path: "/research/exports/{id}/files/{name}",
  tags,
  summary: "Download one file of a completed export (CSV, or a saved cohort's cohort.txt); audited",
  middleware: guard,
  request: { params: fileName },
  responses: {
    200: {
      description: "The file",
      content: { "text/csv": { schema: z.string() }, "text/plain": { schema: z.string() } },
    },
    ...problems(400, 401, 403, 404),
  },
});

export function researchRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getTerms, async (c) => c.json(termsView(await repository(c).acceptedAt()), 200));
  app.openapi(accept, async (c) => {
    const at = await repository(c).accept(c.req.valid("json").version);
    return c.json(termsView(at), 201);
  });
  app.openapi(create, async (c) => {
    const { format, cohort, cohortId } = c.req.valid("json");
    const row = await repository(c).create(format, cohortId ? await savedForExport(c, cohortId) : cohort);
    c.get("deps").exportQueue?.wake();
    return c.json(presentResearchExport(row), 202);
  });
  app.openapi(list, async (c) =>
    c.json({ items: (await repository(c).list()).map(presentResearchExport) }, 200),
  );
  app.openapi(one, async (c) => {
    const row = await repository(c).find(c.req.valid("param").id);
    if (!row) throw notFound("research export");
    return c.json(presentResearchExport(row), 200);
  });
  app.openapi(file, async (c) => {
    const { id, name } = c.req.valid("param");
    const repo = repository(c);
    const row = await repo.find(id);
    const written = row?.status === "completed" ? row.files?.find((f) => f.name === name) : undefined;
    if (!row || !written) throw notFound("research export file");
    const where = path.join(researchExportDirOf(c.get("deps").config, row.id), written.name);
    const size = await stat(where).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound("research export file");
    await repo.fileDownloaded(row.id, written);
    const body = Readable.toWeb(createReadStream(where)) as unknown as ReadableStream;
    return c.body(body, 200, {
      "content-type": `${written.name.endsWith(".txt") ? "text/plain" : "text/csv"}; charset=utf-8`,
      "content-length": String(size),
      "content-disposition": `attachment; filename="${written.name}"`,
    }) as never;
  });
}
