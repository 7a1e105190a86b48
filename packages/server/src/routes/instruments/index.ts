/** Instrument definitions for forms (items, options, licence), without the scoring functions. */

import { notFound } from "@evident/domain";
import { InstrumentView } from "@evident/domain/api";
import { findInstrument, type InstrumentDefinition, instruments } from "@evident/domain/instruments";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { json, problems } from "../common";

export function presentInstrument(d: InstrumentDefinition): InstrumentView {
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    shortTitle: d.shortTitle,
    recallPeriod: d.recallPeriod,
    instructions: d.instructions,
    items: d.items.map((i) => ({ ...i, options: i.options ? [...i.options] : undefined })),
    ...(d.groups ? { groups: d.groups.map((g) => ({ ...g })) } : {}),
    scoreRange: d.scoreRange,
    direction: d.direction,
    licence: d.licence,
  };
}

const list = createRoute({
  method: "get",
  path: "/instruments",
  tags: ["Instruments"],
  summary: "All questionnaires Evident can administer and score",
  responses: { 200: json(z.object({ items: z.array(InstrumentView) }), "Instruments") },
});

const one = createRoute({
  method: "get",
  path: "/instruments/{id}",
  tags: ["Instruments"],
  summary: "One questionnaire",
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: { 200: json(InstrumentView, "The instrument"), ...problems(404) },
});

export function instrumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (c) => c.json({ items: instruments.map(presentInstrument) }, 200));
  app.openapi(one, (c) => {
    const def = findInstrument(c.req.valid("param").id);
    if (!def) throw notFound("instrument");
    return c.json(presentInstrument(def), 200);
  });
}
