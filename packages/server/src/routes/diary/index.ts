/**
 * The pain diary: the patient writes one entry a day in the portal (pain, a note, medicines with
 * their MME) and may ask for a daily reminder; the clinic's staff read it beside the record.
 */
import {
  DiaryDateParam,
  DiaryEntryInput,
  DiaryEntryView,
  DiaryReminder,
  DiaryView,
  idParam,
  RecoveryView,
} from "@evident/domain/api";
import { contentLanguages } from "@evident/domain/evidence";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Pain diary"];

const read = createRoute({
  method: "get",
  path: "/portal/diary",
  tags: tag,
  summary: "The signed-in patient's diary (last 180 days, newest first) and reminder setting",
  middleware: [requirePatient] as const,
  responses: { 200: json(DiaryView, "The diary"), ...problems(401, 403) },
});

const write = createRoute({
  method: "put",
  path: "/portal/diary/{date}",
  tags: tag,
  summary: "Write (or correct) the entry of a day: today or up to 30 days ago",
  middleware: [requirePatient] as const,
  request: {
    params: DiaryDateParam,
    body: { content: { "application/json": { schema: DiaryEntryInput } }, required: true },
  },
  responses: { 200: json(DiaryEntryView, "Saved, with the day's MME"), ...problems(400, 401, 403) },
});

const reminder = createRoute({
  method: "put",
  path: "/portal/diary-reminder",
  tags: tag,
  summary: "Turn the daily diary reminder e-mail on or off",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: DiaryReminder } }, required: true } },
  responses: { 200: json(DiaryReminder, "The setting"), ...problems(400, 401, 403) },
});

const staffRead = createRoute({
  method: "get",
  path: "/patients/{id}/diary",
  tags: tag,
  summary: "A patient's pain diary (last 180 days) with opioid use in MME per day",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(DiaryView, "The diary"), ...problems(400, 401, 403, 404) },
});

const recovery = createRoute({
  method: "get",
  path: "/portal/recovery",
  tags: ["Portal"],
  summary:
    'The recovery timeline: phases since the latest treatment (cited, with certainty), what is due, own back pain against the typical course of this clinic\'s patients like them (shown where at least 30 answered), with the "like you" criteria in `lang`',
  middleware: [requirePatient] as const,
  request: { query: z.object({ lang: z.enum(contentLanguages).optional() }) },
  responses: { 200: json(RecoveryView, "The timeline"), ...problems(400, 401, 403) },
});

export function diaryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(recovery, async (c) =>
    c.json(await portalRepositories(c).recovery(c.req.valid("query").lang ?? "en"), 200),
  );
  app.openapi(read, async (c) => {
    const { actor, diary } = portalRepositories(c);
    return c.json(await diary.read(actor.patientId), 200);
  });
  app.openapi(write, async (c) => {
    const { actor, diary } = portalRepositories(c);
    const input = c.req.valid("json");
    return c.json(await diary.save(actor.patientId, c.req.valid("param").date, input), 200);
  });
  app.openapi(reminder, async (c) => {
    const { actor, diary } = portalRepositories(c);
    return c.json(await diary.setReminder(actor.patientId, c.req.valid("json").reminder), 200);
  });
  app.openapi(staffRead, async (c) =>
    c.json(await clinicRepositories(c).diary.read(c.req.valid("param").id), 200),
  );
}
