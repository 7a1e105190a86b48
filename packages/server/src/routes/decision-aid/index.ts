/**
 * The decision aid: its content is domain data the web app shows directly; here are the clinic's
 * own results beside the literature's (from 30 patients up), and the patient's values and choice,
 * stored with the versions they saw. Patients may save a choice only once the decision aid is
 * open for them (the safety questions answered, any red flag reviewed).
 */
import { refreshSummaries } from "@evident/db";
import { can, forbidden, toIsoDate, unauthenticated } from "@evident/domain";
import {
  DecisionList,
  DecisionSave,
  DecisionView,
  idParam,
  REGISTRY_MINIMUM,
  RegistryQuery,
  RegistryResults,
} from "@evident/domain/api";
import {
  comparableCriteria,
  comparableFromTallies,
  contentLanguages,
  criterionWords,
  decisionSummary,
  ODI_WINDOW,
} from "@evident/domain/evidence";
import { responderRule } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import {
  clinicRepositories,
  personRepositories,
  portalRepositories,
  requirePatient,
  requirePermission,
} from "../../http/scoped";
import { json, problems } from "../common";
import { decisionSummaryPdf } from "./pdf";

const tag = ["Decision aid"];

/** A patient, or staff who may read patients: the two who see the decision aid. */
const patientOrStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  if (actor.kind === "staff" && !can(actor, "patients:read"))
    throw forbidden(`Your role (${actor.role}) may not do this`);
  await next();
};

const registry = createRoute({
  method: "get",
  path: "/decision-aid/registry",
  tags: tag,
  summary: `The clinic's own back-pain results per decision-aid option for patients like this one (same treatment kind, similar baseline), where at least ${REGISTRY_MINIMUM} were measured; a patient sees their own, staff name the patient (or see everyone treated)`,
  middleware: [patientOrStaff] as const,
  request: { query: RegistryQuery },
  responses: { 200: json(RegistryResults, "Registry figures"), ...problems(400, 401, 403, 404) },
});

const portalList = createRoute({
  method: "get",
  path: "/portal/decisions",
  tags: ["Portal"],
  summary: "The patient's saved values and choices, newest first",
  middleware: [requirePatient] as const,
  responses: { 200: json(DecisionList, "Decisions"), ...problems(401, 403) },
});

const portalSave = createRoute({
  method: "post",
  path: "/portal/decisions",
  tags: ["Portal"],
  summary:
    "Save the patient's values and choice with the content version; 409 while the safety questions are unanswered or a red flag waits for review",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: DecisionSave } }, required: true } },
  responses: { 201: json(DecisionView, "Saved"), ...problems(400, 401, 403, 409, 413) },
});

const portalPdf = createRoute({
  method: "get",
  path: "/portal/decisions/{id}/summary.pdf",
  tags: ["Portal"],
  summary:
    "The one-page summary of a saved decision, as a PDF to bring to the visit, in `lang` (default: the language the decision was made in)",
  middleware: [requirePatient] as const,
  request: { params: idParam, query: z.object({ lang: z.enum(contentLanguages).optional() }) },
  responses: {
    200: { description: "The summary", content: { "application/pdf": { schema: z.string() } } },
    ...problems(400, 401, 403, 404),
  },
});

const clinicList = createRoute({
  method: "get",
  path: "/patients/{id}/decisions",
  tags: tag,
  summary: "A patient's saved values and choices, newest first",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(DecisionList, "Decisions"), ...problems(400, 401, 403, 404) },
});

export function decisionAidRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(registry, async (c) => {
    const actor = c.get("actor")!;
    const { database, clock } = c.get("deps");
    const now = clock.now();
    const asOf = toIsoDate(now);
    const { patientId: asked, lang = "en" } = c.req.valid("query");
    const patientId = actor.kind === "patient" ? actor.patientId : (asked ?? null);
    if (actor.kind === "patient" && asked && asked !== actor.patientId)
      throw forbidden("Patients see only their own");
    // The clinic's "people like you" counts, brought up to date first (db/repos/summaries.ts).
    // Keeping summaries current is maintenance, done through the system role as the job runner does.
    await refreshSummaries(database.system.db, { clinicId: actor.clinicId, today: asOf, now });
    const registry = personRepositories(c).registry;
    // On a replica when there is one (db/replica.ts), once it has replayed that refresh.
    const read = await database.reads.run((on) =>
      registry(on).read(
        patientId,
        asOf,
        ODI_WINDOW,
        ({ profile, tallies }) => {
          const comparison = comparableFromTallies(profile, tallies, REGISTRY_MINIMUM);
          const words = (ids: readonly string[]) =>
            profile
              ? comparableCriteria
                  .filter((k) => ids.includes(k.id))
                  .map((k) => ({
                    id: k.id,
                    words: criterionWords(k, profile, comparison.known.includes(k.id), lang),
                  }))
              : [];
          return {
            minimum: REGISTRY_MINIMUM,
            asOf,
            dataAsOf: now.toISOString(),
            basis: profile ? ("patient" as const) : ("clinic" as const),
            usable: comparison.usable,
            instrument: comparison.instrument,
            responderRule:
              lang === "en" ? comparison.responderRule : responderRule(comparison.instrument, lang),
            criteria: words(comparison.known),
            unknown: words(comparison.unknown),
            items: comparison.items,
          };
        },
        (r) => ({ basis: r.basis, options: r.items.filter((i) => i.figure).map((i) => i.optionId) }),
      ),
    );
    return c.json({ ...read.data, dataAsOf: (read.currentTo ?? now).toISOString() }, 200);
  });

  app.openapi(portalList, async (c) => {
    const { actor, decisions } = portalRepositories(c);
    return c.json({ items: await decisions.list(actor.patientId) }, 200);
  });

  app.openapi(portalSave, async (c) => {
    const { actor, decisions } = portalRepositories(c);
    return c.json(await decisions.save(actor.patientId, c.req.valid("json"), "portal"), 201);
  });

  app.openapi(portalPdf, async (c) => {
    const { actor, decisions } = portalRepositories(c);
    const d = await decisions.get(actor.patientId, c.req.valid("param").id, "summary-pdf");
    const lang = c.req.valid("query").lang ?? d.language;
    const pdf = await decisionSummaryPdf(decisionSummary(d, lang));
    return c.body(pdf as unknown as ArrayBuffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${lang === "es" ? "mis-opciones" : "back-pain-choices"}-${d.decidedAt.slice(0, 10)}.pdf"`,
    });
  });

  app.openapi(clinicList, async (c) =>
    c.json({ items: await clinicRepositories(c).decisions.list(c.req.valid("param").id) }, 200),
  );
}
