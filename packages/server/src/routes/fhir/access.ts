/**
 * Who may read patient data over FHIR, and as which clinic: a SMART backend-services access
 * token (./smart.ts) for its client's clinic and scopes, or a staff session with patients:read
 * (the web app's own calls). Either way the result is a Scope bound to one clinic, so the
 * repository's queries and audit events name it; a revoked client's tokens stop at once, since
 * each request reads the client row. Bulk Data (./bulk.ts) takes clients only.
 */
import { findFhirClient, type Scope } from "@evident/db";
import { can, forbidden, unauthenticated } from "@evident/domain";
import { scopeAllows } from "@evident/domain/fhir";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { type AccessGrant, openAccessToken } from "./tokens";

/** The SMART client a bearer token names, or null without one; 401 for a bad or revoked token. */
async function bearerClient(c: Context<AppEnv>): Promise<{ scope: Scope; grant: AccessGrant } | null> {
  const { database, clock, secrets } = c.get("deps");
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!bearer) return null;
  const grant = openAccessToken(secrets, bearer, clock.now());
  if (!grant)
    throw unauthenticated(
      "The access token is not valid or has expired: ask the token endpoint for a new one",
    );
  const client = await findFhirClient(database.system.db, grant.client);
  if (!client || client.revokedAt || client.clinicId !== grant.clinic)
    throw unauthenticated("This client's access was revoked");
  return {
    scope: {
      clinicId: client.clinicId,
      actor: { kind: "system", id: client.id },
      requestId: c.get("requestId"),
      now: () => clock.now(),
    },
    grant,
  };
}

export async function fhirAccess(
  c: Context<AppEnv>,
  type: string,
  action: "r" | "s" = "s",
): Promise<{ scope: Scope }> {
  const token = await bearerClient(c);
  if (token) {
    if (!scopeAllows(token.grant.scopes, type, action))
      throw forbidden(`The token's scopes (${token.grant.scopes.join(" ")}) do not allow this on ${type}`);
    return { scope: token.scope };
  }
  const { clock } = c.get("deps");
  const actor = c.get("actor");
  if (!actor)
    throw unauthenticated(
      "Send a SMART backend-services access token (Authorization: Bearer …), or sign in as clinic staff",
    );
  if (actor.kind !== "staff") throw forbidden("Only clinic staff and registered FHIR clients may do this");
  if (!can(actor, "patients:read")) throw forbidden(`Your role (${actor.role}) may not do this`);
  return {
    scope: {
      clinicId: actor.clinicId,
      actor: { kind: "staff", id: actor.userId },
      requestId: c.get("requestId"),
      now: () => clock.now(),
    },
  };
}

/**
 * Bulk Data needs a client: its exports and files belong to the client that asked, and only that
 * client's tokens poll, cancel or download them. A staff session is refused (403).
 */
export async function bulkClientAccess(c: Context<AppEnv>): Promise<{ scope: Scope; grant: AccessGrant }> {
  const token = await bearerClient(c);
  if (token) return token;
  if (!c.get("actor"))
    throw unauthenticated("Send a SMART backend-services access token (Authorization: Bearer …)");
  throw forbidden("Bulk Data export is for registered FHIR clients: send a SMART backend-services token");
}
