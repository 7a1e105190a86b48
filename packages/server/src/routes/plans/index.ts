/**
 * The clinic's measurement plan and instrument catalogue. Any staff member may read them (they
 * are not patient data); only an administrator may change the plan or confirm a licence, and both
 * are audited. A licensed instrument enters a plan only after its licence is confirmed.
 */
import { Catalogue, CatalogueEntry, LicenceConfirm, PlanUpdate, PlanView } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission, requireStaff } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Measurement plan"];

const getPlan = createRoute({
  method: "get",
  path: "/clinic/plan",
  tags: tag,
  summary: "Which questionnaires the clinic asks at which timepoint",
  middleware: [requireStaff] as const,
  responses: { 200: json(PlanView, "The plan"), ...problems(401, 403) },
});

const putPlan = createRoute({
  method: "put",
  path: "/clinic/plan",
  tags: tag,
  summary:
    "Replace the plan (administrators). New follow-ups ask what it says; existing ones keep theirs. Licensed questionnaires need a confirmed licence.",
  middleware: [requirePermission("clinic:configure")] as const,
  request: { body: { content: { "application/json": { schema: PlanUpdate } }, required: true } },
  responses: { 200: json(PlanView, "The new plan"), ...problems(400, 401, 403) },
});

const catalogue = createRoute({
  method: "get",
  path: "/clinic/instruments",
  tags: tag,
  summary:
    "Every questionnaire with its licence terms, whether this clinic confirmed it, and where the plan asks it",
  middleware: [requireStaff] as const,
  responses: { 200: json(Catalogue, "The catalogue"), ...problems(401, 403) },
});

const confirm = createRoute({
  method: "post",
  path: "/clinic/instruments/{id}/licence",
  tags: tag,
  summary: "Confirm the clinic holds the licence of a questionnaire that needs one (administrators)",
  middleware: [requirePermission("clinic:configure")] as const,
  request: {
    params: z.object({ id: z.string().max(40) }),
    body: { content: { "application/json": { schema: LicenceConfirm } }, required: true },
  },
  responses: { 201: json(CatalogueEntry, "Confirmed"), ...problems(400, 401, 403, 404) },
});

export function planRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getPlan, async (c) => c.json(await clinicRepositories(c).plans.get(), 200));
  app.openapi(putPlan, async (c) =>
    c.json(await clinicRepositories(c).plans.update(c.req.valid("json").timepoints), 200),
  );
  app.openapi(catalogue, async (c) => c.json(await clinicRepositories(c).plans.catalogue(), 200));
  app.openapi(confirm, async (c) => {
    const { reference } = c.req.valid("json");
    return c.json(await clinicRepositories(c).plans.confirmLicence(c.req.valid("param").id, reference), 201);
  });
}
