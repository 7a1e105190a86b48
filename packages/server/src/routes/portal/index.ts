/**
 * The patient portal: what is due, answering it, and the draft of a questionnaire in progress
 * (saved at each step, so it can be resumed on any device). A patient only ever reaches their
 * own record.
 */

import { patientLanguages } from "@evident/domain";
import { DraftSave, DraftView, PortalHome, ResponseBatch, ResponseView, uuid } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { portalRepositories, requirePatient } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Portal"];

const home = createRoute({
  method: "get",
  path: "/portal/home",
  tags: tag,
  summary: "The signed-in patient's due and upcoming questionnaires and past answers",
  middleware: [requirePatient] as const,
  responses: { 200: json(PortalHome, "Portal home"), ...problems(401, 403) },
});

const submit = createRoute({
  method: "post",
  path: "/portal/responses",
  tags: tag,
  summary:
    "Submit answers to one or more questionnaires; 409 while the safety questions come first (no intake yet and no treatment recorded), and 409 naming a questionnaire the follow-up already holds",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: ResponseBatch } }, required: true } },
  responses: {
    201: json(
      z.object({ responses: z.array(ResponseView), followUpCompleted: z.boolean() }),
      "Stored and scored",
    ),
    ...problems(400, 401, 403, 409),
  },
});

const followUpParam = z.object({ followUpId: uuid });

const getDraft = createRoute({
  method: "get",
  path: "/portal/drafts/{followUpId}",
  tags: tag,
  summary: "The answers saved so far for a follow-up, if any",
  middleware: [requirePatient] as const,
  request: { params: followUpParam },
  responses: {
    200: json(z.object({ draft: DraftView.nullable() }), "The draft, or null"),
    ...problems(400, 401, 403),
  },
});

const saveDraft = createRoute({
  method: "put",
  path: "/portal/drafts/{followUpId}",
  tags: tag,
  summary: "Save the answers so far and the step reached (the follow-up must be open)",
  middleware: [requirePatient] as const,
  request: {
    params: followUpParam,
    body: { content: { "application/json": { schema: DraftSave } }, required: true },
  },
  responses: { 200: json(DraftView, "Saved"), ...problems(400, 401, 403, 404, 413) },
});

const LanguageChoice = z.object({ language: z.enum(patientLanguages) }).strict();

const setLanguage = createRoute({
  method: "put",
  path: "/portal/language",
  tags: tag,
  summary:
    "The language the patient reads (the portal's switch); kept with the patient, so their e-mails are written in it too",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: LanguageChoice } }, required: true } },
  responses: { 200: json(LanguageChoice, "Saved"), ...problems(400, 401, 403) },
});

export function portalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(setLanguage, async (c) =>
    c.json(await portalRepositories(c).portal.setLanguage(c.req.valid("json").language), 200),
  );
  app.openapi(home, async (c) => c.json(await portalRepositories(c).portal.home(), 200));
  app.openapi(submit, async (c) => {
    return c.json(await portalRepositories(c).portal.submit(c.req.valid("json")), 201);
  });
  app.openapi(getDraft, async (c) =>
    c.json({ draft: await portalRepositories(c).portal.getDraft(c.req.valid("param").followUpId) }, 200),
  );
  app.openapi(saveDraft, async (c) =>
    c.json(
      await portalRepositories(c).portal.saveDraft(c.req.valid("param").followUpId, c.req.valid("json")),
      200,
    ),
  );
}
