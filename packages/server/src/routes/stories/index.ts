/**
 * Patients' stories (domain/stories, db/repos/stories.ts): staff draft and edit, a clinician
 * approves and publishes (403 for anyone else), each only on the patient's standing story consent
 * (409 naming `consent`) and with text free of identifiers (422 naming `text`); the decision aid
 * reads every published story at the clinic, in the stated order, with the rule to print above them.
 */
import { mayApproveStory } from "@evident/domain";
import {
  DecisionAidStories,
  idParam,
  StoryDraft,
  StoryEdit,
  StoryList,
  StoryView,
} from "@evident/domain/api";
import { storyLanguages } from "@evident/domain/stories";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission, storyRepositories } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Stories"];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const list = createRoute({
  method: "get",
  path: "/patients/{id}/stories",
  tags: tag,
  summary: "A patient's stories (drafts, published and withdrawn) and whether their story consent stands",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(StoryList, "The patient's stories"), ...problems(400, 401, 403, 404) },
});

const draft = createRoute({
  method: "post",
  path: "/patients/{id}/stories",
  tags: tag,
  summary:
    "Draft a story of one of the patient's treatments, in the clinic's words: 409 without the patient's story consent, 422 naming what in the text could identify them",
  middleware: [requirePermission("patients:write")] as const,
  request: { params: idParam, ...body(StoryDraft) },
  responses: { 201: json(StoryView, "The draft"), ...problems(400, 401, 403, 404, 409, 422) },
});

const edit = createRoute({
  method: "put",
  path: "/stories/{id}",
  tags: tag,
  summary:
    "Change a story's text; a published story goes back to a draft until a clinician approves it again",
  middleware: [requirePermission("patients:write")] as const,
  request: { params: idParam, ...body(StoryEdit) },
  responses: { 200: json(StoryView, "The draft"), ...problems(400, 401, 403, 404, 409, 422) },
});

const approve = createRoute({
  method: "post",
  path: "/stories/{id}/approval",
  tags: tag,
  summary:
    "A clinician approves a draft, publishing it in the decision aid (403 for other roles; 409 without the patient's story consent)",
  middleware: [requirePermission("patients:write")] as const,
  request: { params: idParam },
  responses: { 200: json(StoryView, "Published"), ...problems(400, 401, 403, 404, 409, 422) },
});

const published = createRoute({
  method: "get",
  path: "/decision-aid/stories",
  tags: ["Decision aid"],
  summary:
    "Every published story at the clinic whose consent stands, whatever its result, oldest publication first, each with the patient's own baseline and latest scores; with the rule and label to print (in `lang`)",
  request: { query: z.object({ lang: z.enum(storyLanguages).optional() }) },
  responses: { 200: json(DecisionAidStories, "The stories"), ...problems(400, 401, 403) },
});

export function storyRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(list, async (c) =>
    c.json(await clinicRepositories(c).stories.list(c.req.valid("param").id), 200),
  );
  app.openapi(draft, async (c) =>
    c.json(await clinicRepositories(c).stories.draft(c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(edit, async (c) =>
    c.json(await clinicRepositories(c).stories.edit(c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(approve, async (c) => {
    const { actor, stories } = clinicRepositories(c);
    return c.json(await stories.approve(c.req.valid("param").id, mayApproveStory(actor)), 200);
  });
  app.openapi(published, async (c) =>
    c.json(await storyRepositories(c).published(c.req.valid("query").lang ?? "en"), 200),
  );
}
