/**
 * E-consent (domain/consent, db/repos/consents.ts): the clinic's consent documents (published by
 * administrators, read by staff), a patient's consents and a paper consent recorded by staff; in
 * the portal, the patient's documents and consents, signing after the teach-back, withdrawal.
 */
import {
  ConsentDocumentList,
  ConsentDocumentPublish,
  ConsentDocumentView,
  ConsentSign,
  idParam,
  PaperConsent,
  PatientConsents,
  PortalConsents,
  uuid,
} from "@evident/domain/api";
import { consentLanguages } from "@evident/domain/consent";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Consent"];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const documents = createRoute({
  method: "get",
  path: "/consent-documents",
  tags: tag,
  summary: "The clinic's current consent documents (the newest version of each, in every language)",
  middleware: [requirePermission("patients:read")] as const,
  responses: { 200: json(ConsentDocumentList, "Current documents"), ...problems(401, 403) },
});

const publish = createRoute({
  method: "post",
  path: "/consent-documents",
  tags: tag,
  summary:
    "Publish the next version of a consent document, in English and Spanish (a procedure consent names its investigational kind and the clinic's price). Signatures of earlier versions no longer count for recording a treatment",
  middleware: [requirePermission("clinic:configure")] as const,
  request: body(ConsentDocumentPublish),
  responses: { 201: json(ConsentDocumentList, "The new version"), ...problems(400, 401, 403) },
});

const document = createRoute({
  method: "get",
  path: "/consent-documents/{id}",
  tags: tag,
  summary: "One consent document, any version, with its hash",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(ConsentDocumentView, "The document"), ...problems(400, 401, 403, 404) },
});

const patientConsents = createRoute({
  method: "get",
  path: "/patients/{id}/consents",
  tags: tag,
  summary: "A patient's consents, signed and withdrawn, and whether research consent is withdrawn",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(PatientConsents, "The patient's consents"), ...problems(400, 401, 403, 404) },
});

const paper = createRoute({
  method: "post",
  path: "/patients/{id}/consents",
  tags: tag,
  summary: "Record a consent the patient signed on paper, with the witness's name (the current version only)",
  middleware: [requirePermission("patients:write")] as const,
  request: { params: idParam, ...body(PaperConsent) },
  responses: { 201: json(PatientConsents, "Recorded"), ...problems(400, 401, 403, 404, 409) },
});

const portalList = createRoute({
  method: "get",
  path: "/portal/consents",
  tags: tag,
  summary: "The clinic's consent documents in the patient's language, and the patient's consents",
  middleware: [requirePatient] as const,
  request: { query: z.object({ lang: z.enum(consentLanguages).optional() }) },
  responses: { 200: json(PortalConsents, "Documents and consents"), ...problems(400, 401, 403) },
});

const sign = createRoute({
  method: "post",
  path: "/portal/consents",
  tags: tag,
  summary:
    "Sign a consent document (its current version): a procedure consent needs the three teach-back answers right (422 naming each wrong one, with why), the typed name and the confirmation",
  middleware: [requirePatient] as const,
  request: body(ConsentSign),
  responses: { 201: json(PatientConsents, "Signed"), ...problems(400, 401, 403, 409, 422) },
});

const withdraw = createRoute({
  method: "post",
  path: "/portal/consents/{consentId}/withdrawal",
  tags: tag,
  summary:
    "Withdraw a consent. Research consent: from now on the patient's data leave pooled outcomes, research exports and benchmarks; care and the clinic's own record go on",
  middleware: [requirePatient] as const,
  request: { params: z.object({ consentId: uuid }) },
  responses: { 200: json(PatientConsents, "Withdrawn"), ...problems(400, 401, 403, 404, 409) },
});

export function consentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(documents, async (c) =>
    c.json({ documents: await clinicRepositories(c).consentDocuments.current() }, 200),
  );
  app.openapi(publish, async (c) =>
    c.json({ documents: await clinicRepositories(c).consentDocuments.publish(c.req.valid("json")) }, 201),
  );
  app.openapi(document, async (c) =>
    c.json(await clinicRepositories(c).consentDocuments.get(c.req.valid("param").id), 200),
  );
  app.openapi(patientConsents, async (c) =>
    c.json(await clinicRepositories(c).consents.list(c.req.valid("param").id), 200),
  );
  app.openapi(paper, async (c) =>
    c.json(
      await clinicRepositories(c).consents.recordPaper(c.req.valid("param").id, c.req.valid("json")),
      201,
    ),
  );
  app.openapi(portalList, async (c) => {
    const repos = portalRepositories(c);
    return c.json(await repos.consents.portal(repos.actor.patientId, c.req.valid("query").lang ?? "en"), 200);
  });
  app.openapi(sign, async (c) => {
    const repos = portalRepositories(c);
    return c.json(await repos.consents.sign(repos.actor.patientId, c.req.valid("json")), 201);
  });
  app.openapi(withdraw, async (c) => {
    const repos = portalRepositories(c);
    return c.json(await repos.consents.withdraw(repos.actor.patientId, c.req.valid("param").consentId), 200);
  });
}
