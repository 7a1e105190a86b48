/**
 * Candidacy for a regenerative disc procedure: the clinician enters what is known, sees every
 * criterion met, unmet or unknown with its source (evaluated in the browser with the same domain
 * code), and signs it off; the server evaluates again and stores what was signed, audited, and
 * refuses a result that still needs more information (422).
 */
import { CandidacyList, CandidacySignOff, CandidacyView, idParam } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tag = ["Candidacy"];

const list = createRoute({
  method: "get",
  path: "/patients/{id}/candidacy",
  tags: tag,
  summary: "The patient's signed candidacy assessments, newest first",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(CandidacyList, "Assessments"), ...problems(400, 401, 403, 404) },
});

const signOff = createRoute({
  method: "post",
  path: "/patients/{id}/candidacy",
  tags: tag,
  summary:
    "Sign off a candidacy assessment: evaluated with the current criteria (the triage tier is taken from the patient's intakes) and stored with the signer. Refused (422, naming each `criteria.<id>`) while the result needs more information; a not-eligible result may be signed with criteria still unknown",
  middleware: [requirePermission("candidacy:sign")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: CandidacySignOff } }, required: true },
  },
  responses: { 201: json(CandidacyView, "Signed"), ...problems(400, 401, 403, 404, 413, 422) },
});

export function candidacyRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) =>
    c.json({ items: await clinicRepositories(c).candidacy.list(c.req.valid("param").id) }, 200),
  );
  app.openapi(signOff, async (c) => {
    const { input, note } = c.req.valid("json");
    return c.json(await clinicRepositories(c).candidacy.signOff(c.req.valid("param").id, input, note), 201);
  });
}
