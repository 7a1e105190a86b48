/**
 * SMART Backend Services (SMART App Launch 2.x; RFC 7523 client assertions):
 *
 *   GET  .well-known/smart-configuration   discovery
 *   POST token                             client_credentials with a signed JWT assertion
 *
 * The assertion must be signed RS384 or ES384 by a key of the registered client (its JWKS, or
 * its JWKS URL), with iss = sub = client id, aud = this token endpoint, exp at most 5 minutes
 * ahead and a jti never used before (recorded in the database, so a replay is refused on any
 * server). Errors follow RFC 6749 §5.2 (`invalid_client`, `invalid_grant`, `invalid_scope`, …).
 * Every token issued is an audit event in the client's clinic's chain.
 */
import { fhirClientRepository, findFhirClient, recordAssertion, scopedDb } from "@evident/db";
import { grantScopes, supportedScopes } from "@evident/domain/fhir";
import { type Context, Hono } from "hono";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AppEnv } from "../../http/env";
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from "./tokens";

export const assertionAlgorithms = ["RS384", "ES384"];
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const MAX_ASSERTION_SECONDS = 300;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tokenUrlOf = (c: Context<AppEnv>) => `${c.get("deps").config.publicUrl}/api/fhir/token`;

function oauthError(c: Context<AppEnv>, error: string, description: string, status: 400 | 401 = 400) {
  return c.json({ error, error_description: description }, status, { "cache-control": "no-store" });
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

export function smartRoutes(): Hono<AppEnv> {
  const smart = new Hono<AppEnv>();

  smart.get("/.well-known/smart-configuration", (c) =>
    c.json({
      token_endpoint: tokenUrlOf(c),
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: assertionAlgorithms,
      scopes_supported: supportedScopes,
      capabilities: ["client-confidential-asymmetric", "permission-v1", "permission-v2"],
    }),
  );

  smart.post("/token", async (c) => {
    const { database, clock, secrets } = c.get("deps");
    const now = clock.now();
    let form: Record<string, string | File>;
    try {
      form = await c.req.parseBody();
    } catch {
      return oauthError(c, "invalid_request", "the body must be application/x-www-form-urlencoded");
    }
    const field = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
    if (field("grant_type") !== "client_credentials")
      return oauthError(c, "unsupported_grant_type", "grant_type must be client_credentials");
    if (field("client_assertion_type") !== ASSERTION_TYPE)
      return oauthError(c, "invalid_request", `client_assertion_type must be ${ASSERTION_TYPE}`);
    const assertion = field("client_assertion");
    let clientId: string;
    try {
      clientId = String(decodeJwt(assertion).iss ?? "");
    } catch {
      return oauthError(c, "invalid_request", "client_assertion is not a JWT");
    }
    const client = uuid.test(clientId) ? await findFhirClient(database.system.db, clientId) : null;
    if (!client || client.revokedAt)
      return oauthError(c, "invalid_client", "no such client, or its access was revoked", 401);

    let keys: JWTVerifyGetKey;
    if (client.jwks) keys = createLocalJWKSet(client.jwks as never);
    else if (client.jwksUrl) {
      keys = remoteKeySets.get(client.jwksUrl) ?? createRemoteJWKSet(new URL(client.jwksUrl));
      remoteKeySets.set(client.jwksUrl, keys);
    } else return oauthError(c, "invalid_client", "the client has no keys", 401);

    let claims: { exp?: number; jti?: string };
    try {
      ({ payload: claims } = await jwtVerify(assertion, keys, {
        algorithms: assertionAlgorithms,
        issuer: client.id,
        subject: client.id,
        audience: tokenUrlOf(c),
        currentDate: now,
        requiredClaims: ["exp", "jti"],
      }));
    } catch (e) {
      return oauthError(
        c,
        "invalid_client",
        `the client assertion was refused: ${(e as Error).message}`,
        401,
      );
    }
    const expires = (claims.exp ?? 0) * 1000;
    if (expires - now.getTime() > MAX_ASSERTION_SECONDS * 1000)
      return oauthError(c, "invalid_client", "the client assertion's exp is more than 5 minutes ahead", 401);
    try {
      await recordAssertion(
        scopedDb(database.pool, client.clinicId),
        client,
        String(claims.jti),
        new Date(expires),
        now,
      );
    } catch {
      return oauthError(c, "invalid_grant", "this client assertion (jti) was used before", 400);
    }

    const scopes = grantScopes(field("scope"));
    if (scopes.length === 0)
      return oauthError(c, "invalid_scope", `scope must ask to read: one of ${supportedScopes.join(", ")}`);
    const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
    const scope = {
      clinicId: client.clinicId,
      actor: { kind: "system" as const, id: client.id },
      requestId: c.get("requestId"),
      now: () => clock.now(),
    };
    await fhirClientRepository(scopedDb(database.pool, scope.clinicId), scope).tokenIssued(
      scopes.join(" "),
      expiresAt,
    );
    const accessToken = issueAccessToken(secrets, {
      client: client.id,
      clinic: client.clinicId,
      scopes,
      expires: expiresAt.getTime(),
    });
    return c.json(
      {
        access_token: accessToken,
        token_type: "bearer",
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: scopes.join(" "),
      },
      200,
      { "cache-control": "no-store" },
    );
  });

  return smart;
}
