/**
 * Who may read patient data over FHIR, and as which clinic: a SMART backend-services access
 * token (./smart.ts) for its client's clinic and scopes, or a staff session with patients:read
 * (the web app's own calls). Either way the result is a Scope bound to one clinic, so the
 * repository's queries and audit events name it; a revoked client's tokens stop at once, since
 * each request reads the client row.
 */
import { findFhirClient, type Scope } from "@evident/db";
import { can, forbidden, unauthenticated } from "@evident/domain";
import { scopeAllows } from "@evident/domain/fhir";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { openAccessToken } from "./tokens";

export async function fhirAccess(
  c: Context<AppEnv>,
  type: string,
  action: "r" | "s" = "s",
): Promise<{ scope: Scope }> {
  const { database, clock, secrets } = c.get("deps");
  const base = { requestId: c.get("requestId"), now: () => clock.now() };
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (bearer) {
    const token = openAccessToken(secrets, bearer, clock.now());
    if (!token)
      throw unauthenticated(
        "The access token is not valid or has expired: ask the token endpoint for a new one",
      );
    const client = await findFhirClient(database.system.db, token.client);
    if (!client || client.revokedAt || client.clinicId !== token.clinic)
      throw unauthenticated("This client's access was revoked");
    if (!scopeAllows(token.scopes, type, action))
      throw forbidden(`The token's scopes (${token.scopes.join(" ")}) do not allow this on ${type}`);
    return { scope: { clinicId: client.clinicId, actor: { kind: "system", id: client.id }, ...base } };
  }
  const actor = c.get("actor");
  if (!actor)
    throw unauthenticated(
      "Send a SMART backend-services access token (Authorization: Bearer …), or sign in as clinic staff",
    );
  if (actor.kind !== "staff") throw forbidden("Only clinic staff and registered FHIR clients may do this");
  if (!can(actor, "patients:read")) throw forbidden(`Your role (${actor.role}) may not do this`);
  return { scope: { clinicId: actor.clinicId, actor: { kind: "staff", id: actor.userId }, ...base } };
}
