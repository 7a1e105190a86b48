/**
 * A clinic's public track record. Its administrators publish or withdraw it (audited) from the
 * clinic's settings, where they see what it shows; anyone may read a published page, without
 * signing in, by its address. Unpublished, or no such page: 404, the same for both.
 *
 *   GET  /clinic/track-record                   the publishing state and a preview (admins)
 *   PUT  /clinic/track-record                   publish or withdraw (admins)
 *   GET  /public/track-records                  the published pages (anyone)
 *   GET  /public/clinics/{slug}/track-record    one published page (anyone)
 */
import { publishedTrackRecord, publishedTrackRecords, trackRecordSlug } from "@evident/db";
import { notFound } from "@evident/domain";
import {
  PublishedClinics,
  TrackRecord,
  TrackRecordPublishInput,
  TrackRecordPublishing,
} from "@evident/domain/api/track-record";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { buildTrackRecord } from "./build";

const pageDescription =
  "Aggregates only, computed from the outcome summaries: per treatment kind the clinic has treated, how many were treated, how many answered at each timepoint of how many were due, the change and responders on the Oswestry Disability Index and back pain with 95% intervals, surgery within a year, adverse events (serious or not), the network's figures beside them, the clinic's place on the network's benchmark funnels, the date the figures are as of, and what they cannot show (cited, with certainty). Every number in it is a count of 0 or of at least 11: a count of 1 to 10, or one from which such a count could be worked out, is null with its reason; estimates are decimal strings.";

const readPublishing = createRoute({
  method: "get",
  path: "/clinic/track-record",
  tags: ["Clinic"],
  summary: "Whether the clinic's public track record is published, its address, and what it shows now",
  description: pageDescription,
  middleware: [requirePermission("clinic:configure")] as const,
  responses: {
    200: json(TrackRecordPublishing, "The publishing state and a preview"),
    ...problems(401, 403),
  },
});

const setPublishing = createRoute({
  method: "put",
  path: "/clinic/track-record",
  tags: ["Clinic"],
  summary:
    "Publish (published: true) or withdraw the clinic's public track record. Audited, with the value before and after; withdrawing takes the page down at once (404).",
  middleware: [requirePermission("clinic:configure")] as const,
  request: {
    body: { content: { "application/json": { schema: TrackRecordPublishInput } }, required: true },
  },
  responses: {
    200: json(TrackRecordPublishing, "The publishing state and a preview"),
    ...problems(400, 401, 403),
  },
});

const listPublished = createRoute({
  method: "get",
  path: "/public/track-records",
  tags: ["Public"],
  summary: "The clinics that have published a track record (no sign-in needed)",
  responses: { 200: json(PublishedClinics, "The published pages") },
});

const readPublic = createRoute({
  method: "get",
  path: "/public/clinics/{slug}/track-record",
  tags: ["Public"],
  summary: "A clinic's published track record (no sign-in needed; 404 when not published)",
  description: pageDescription,
  request: { params: z.object({ slug: z.string().max(80) }) },
  responses: { 200: json(TrackRecord, "The track record"), ...problems(404) },
});

async function publishing(c: Context<AppEnv>) {
  const { trackRecord, scope } = clinicRepositories(c);
  const state = await trackRecord.state();
  const { name } = await clinicRepositories(c).clinic.get();
  const slug = state.slug ?? trackRecordSlug(name, scope.clinicId);
  const preview = await buildTrackRecord(c.get("deps"), {
    clinicId: scope.clinicId,
    name,
    slug,
    publishedAt: state.publishedAt,
  });
  return {
    published: state.published,
    slug: state.slug,
    publishedAt: state.publishedAt?.toISOString() ?? null,
    preview,
  };
}

export function trackRecordRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(readPublishing, async (c) => c.json(await publishing(c), 200));
  app.openapi(setPublishing, async (c) => {
    await clinicRepositories(c).trackRecord.setPublished(c.req.valid("json").published);
    return c.json(await publishing(c), 200);
  });
  app.openapi(listPublished, async (c) => {
    const pages = await publishedTrackRecords(c.get("deps").database.system.db);
    return c.json(
      { clinics: pages.map((p) => ({ ...p, publishedAt: p.publishedAt?.toISOString() ?? null })) },
      200,
    );
  });
  app.openapi(readPublic, async (c) => {
    const deps = c.get("deps");
    const page = await publishedTrackRecord(deps.database.system.db, c.req.valid("param").slug);
    if (!page) throw notFound("track record");
    return c.json(await buildTrackRecord(deps, page), 200);
  });
}
