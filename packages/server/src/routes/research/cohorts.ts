/**
 * Saved cohorts (db/repos/saved-cohorts.ts): anyone who reads outcomes may list the cohorts of
 * their clinic and the network and read a cohort's versions; researchers and admins
 * (`research:export`) save them, and only a researcher saves a network-wide one. Saving a name
 * again makes its next version; nothing is overwritten. A cohort's line counts its clinics rather
 * than naming them (clinics stay unnamed to researchers, as on the benchmarking funnel).
 */
import { benchmarkClinics, inTx, savedCohortRepository, scopedDb } from "@evident/db";
import { badRequest, notFound } from "@evident/domain";
import {
  CohortClinicList,
  idParam,
  SaveCohortRequest,
  SavedCohortList,
  SavedCohortView,
} from "@evident/domain/api";
import { cohortLine, type SavedCohort } from "@evident/domain/research";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { requirePermission, scopeOf, staffActor } from "../../http/scoped";
import { json, problems } from "../common";
import { clinicLabel } from "../outcomes/benchmarks";

const tags = ["Cohorts"];

function repository(c: Context<AppEnv>) {
  const scope = scopeOf(c, staffActor(c));
  return savedCohortRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope);
}

function view(c: Context<AppEnv>, s: SavedCohort): SavedCohortView {
  const me = staffActor(c);
  return {
    id: s.id,
    name: s.name,
    version: s.version,
    scope: s.scope,
    filter: s.filter,
    line: cohortLine(s),
    own: s.clinicId === me.clinicId,
    createdAt: s.createdAt.toISOString(),
  };
}

const list = createRoute({
  method: "get",
  path: "/cohorts",
  tags,
  summary: "The latest version of every saved cohort of the caller's clinic and of the network",
  middleware: requirePermission("outcomes:read"),
  responses: { 200: json(SavedCohortList, "Cohorts"), ...problems(401, 403) },
});

const save = createRoute({
  method: "post",
  path: "/cohorts",
  tags,
  summary:
    "Save a cohort: a new name is version 1, an existing name of this clinic gets its next version (audited)",
  middleware: requirePermission("research:export"),
  request: { body: { content: { "application/json": { schema: SaveCohortRequest } }, required: true } },
  responses: { 201: json(SavedCohortView, "Saved"), ...problems(400, 401, 403) },
});

const versions = createRoute({
  method: "get",
  path: "/cohorts/{id}/versions",
  tags,
  summary: "Every version of a saved cohort, newest first",
  middleware: requirePermission("outcomes:read"),
  request: { params: idParam },
  responses: { 200: json(SavedCohortList, "Versions"), ...problems(400, 401, 403, 404) },
});

const clinicChoices = createRoute({
  method: "get",
  path: "/cohorts/clinics",
  tags,
  summary: "The clinics a cohort may pick",
  description:
    "To a researcher every clinic of the network, by the coded label the benchmarking funnel uses (named only where the clinic agreed); to clinic staff their own clinic. The ids go into a cohort's `clinicIds`.",
  middleware: requirePermission("outcomes:read"),
  responses: { 200: json(CohortClinicList, "Clinics"), ...problems(401, 403) },
});

export function cohortRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(clinicChoices, async (c) => {
    const me = staffActor(c);
    if (me.role !== "researcher") {
      const session = c.get("session");
      const name = session?.kind === "staff" ? session.clinicName : "Your clinic";
      return c.json({ items: [{ id: me.clinicId, label: name, name, own: true }] }, 200);
    }
    // Every clinic's row is the system role's to read; only ids, coded labels and agreed names leave.
    const clinics = await inTx(c.get("deps").database.system.db, (tx) => benchmarkClinics(tx));
    return c.json(
      {
        items: clinics.map((k, i) => ({
          id: k.id,
          label: clinicLabel(i),
          name: k.named ? k.name : null,
          own: k.id === me.clinicId,
        })),
      },
      200,
    );
  });
  app.openapi(list, async (c) => {
    const items = await repository(c).list();
    return c.json({ items: items.map((s) => view(c, s)) }, 200);
  });
  app.openapi(save, async (c) => {
    const body = c.req.valid("json");
    if (body.scope === "network" && staffActor(c).role !== "researcher")
      throw badRequest("only a researcher saves a network-wide cohort", "scope");
    return c.json(view(c, await repository(c).save(body)), 201);
  });
  app.openapi(versions, async (c) => {
    const items = await repository(c).versions(c.req.valid("param").id);
    if (items.length === 0) throw notFound("saved cohort");
    return c.json({ items: items.map((s) => view(c, s)) }, 200);
  });
}
