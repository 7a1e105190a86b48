/**
 * The clinic's FHIR clients (SMART Backend Services), for its administrators: list them and
 * revoke one (its tokens stop working at once). Clients are registered with
 * `evident fhir-client add`, which takes the client's public keys from a file.
 */
import { fhirClientRepository, scopedDb } from "@evident/db";
import { FhirClientView, idParam } from "@evident/domain/api";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const list = createRoute({
  method: "get",
  path: "/fhir-clients",
  tags: ["Clinic"],
  summary: "The clinic's FHIR API clients (SMART backend services), newest first, revoked ones included",
  middleware: [requirePermission("clinic:configure")] as const,
  responses: { 200: json(z.array(FhirClientView), "The clients"), ...problems(401, 403) },
});

const revoke = createRoute({
  method: "post",
  path: "/fhir-clients/{id}/revoke",
  tags: ["Clinic"],
  summary: "Revoke a FHIR client: no new tokens, and its current tokens stop working at once (audited)",
  middleware: [requirePermission("clinic:configure")] as const,
  request: { params: idParam },
  responses: { 200: json(FhirClientView, "The revoked client"), ...problems(401, 403, 404) },
});

export function fhirClientRoutes(app: OpenAPIHono<AppEnv>): void {
  const repo = (c: Parameters<typeof clinicRepositories>[0]) => {
    const { scope } = clinicRepositories(c);
    return fhirClientRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope);
  };
  app.openapi(list, async (c) => c.json(await repo(c).list(), 200));
  app.openapi(revoke, async (c) => c.json(await repo(c).revoke(c.req.valid("param").id), 200));
}
