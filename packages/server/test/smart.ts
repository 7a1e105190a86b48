/**
 * SMART Backend Services for tests bound to a harness: tokens from the real token endpoint and a
 * registered client in one step, on the key pairs and assertions of smart-client.ts; and the
 * validity check every FHIR test applies (fhir-validate.ts).
 */
import { addFhirClient } from "@evident/db";
import { expectValidR4 } from "./fhir-validate";
import type { Harness } from "./harness";
import { type ClientKey, keyPair, signAssertion, tokenRequestBody } from "./smart-client";

export const FHIR_BASE = "http://evident.test/api/fhir";
export const TOKEN_URL = `${FHIR_BASE}/token`;

export type Key = ClientKey;
export { keyPair };

/**
 * Every FHIR resource a Bulk Data test reads is held to what the other FHIR tests hold theirs to:
 * Medplum, FHIR.js, the R4 JSON schema and our binding checks (fhir-validate.ts).
 */
export const expectValid = (resource: { resourceType: string }) => expectValidR4(resource);

export function smart(h: Harness) {
  const assertion = (key: Key, client: string, opts: Parameters<typeof signAssertion>[3] = {}) =>
    signAssertion(key, client, { tokenUrl: TOKEN_URL, now: h.clock.now() }, opts);

  async function requestToken(clientAssertion: string, scope = "system/*.rs") {
    const res = await h.app.request(TOKEN_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: tokenRequestBody(clientAssertion, scope),
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
