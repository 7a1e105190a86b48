/**
 * What a SMART Backend Services client does before it reads (SMART App Launch 2.x, RFC 7523):
 * make a key pair, sign a short-lived client assertion with it (jose), and trade the assertion
 * for an access token at the token endpoint. Plus the small clinical record the FHIR client
 * tests read: patients with answers, a treatment and an adverse event that points at it.
 */
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { overrideFor } from "./candidacy-facts";
import type { Harness } from "./harness";

export type ClientKey = { privateKey: CryptoKey; jwk: JWK };

/** A fresh RS384 or ES384 key pair; `jwk` is the public key as a JWKS lists it. */
export async function keyPair(alg: "RS384" | "ES384"): Promise<ClientKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: `${alg}-${crypto.randomUUID()}`, alg };
  return { privateKey: privateKey as CryptoKey, jwk };
}

let jtiCounter = 0;

/** A client assertion: iss = sub = the client id, aud = the token endpoint, exp 4 minutes ahead. */
export function signAssertion(
  key: ClientKey,
  clientId: string,
  at: { tokenUrl: string; now: Date },
  opts: { aud?: string; expiresIn?: number; jti?: string } = {},
): Promise<string> {
  const now = Math.floor(at.now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.jwk.alg!, kid: key.jwk.kid!, typ: "JWT" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(opts.aud ?? at.tokenUrl)
    .setExpirationTime(now + (opts.expiresIn ?? 240))
    .setJti(opts.jti ?? `jti-${++jtiCounter}-${crypto.randomUUID()}`)
    .sign(key.privateKey);
}

/** The token request's form body (client_credentials with a JWT assertion). */
export const tokenRequestBody = (clientAssertion: string, scope: string) =>
  new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: clientAssertion,
    scope,
  }).toString();

/**
 * Three patients of `staff`'s clinic, each with a back-pain rating (5, 6, 7); the first also has
 * a bone-marrow concentrate treatment and an infection suspected to come from it.
 */
export async function seedRecord(h: Harness, staff: { cookie: string }) {
  const patientIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = (await h.patient(staff.cookie)).id;
    patientIds.push(id);
    await h.call("POST", `/api/v1/patients/${id}/responses`, {
      cookie: staff.cookie,
      body: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 5 + i } }] },
    });
  }
  const { treatmentId, adverseEventId } = await treatWithCellsAndInfection(h, staff, patientIds[0]!);
  return { patientIds, treatmentId, adverseEventId };
}

/**
 * A bone-marrow concentrate treatment on 2 March 2026 (past the candidacy gate with an override)
 * and an infection from 8 March possibly caused by it: the Procedure and AdverseEvent every FHIR
 * test reads.
 */
export async function treatWithCellsAndInfection(h: Harness, staff: { cookie: string }, patientId: string) {
  const t = await h.call("POST", `/api/v1/patients/${patientId}/treatments`, {
    cookie: staff.cookie,
    body: { kind: "bone_marrow_concentrate", date: "2026-03-02", ...overrideFor("bone_marrow_concentrate") },
  });
  const ae = await h.call("POST", `/api/v1/patients/${patientId}/adverse-events`, {
    cookie: staff.cookie,
    body: {
      kind: "infection",
      onsetDate: "2026-03-08",
      severity: 2,
      seriousness: [],
      relatedness: "possible",
      expected: false,
      outcome: "recovering",
      treatmentId: t.json.id,
    },
  });
  return { treatmentId: t.json.id as string, adverseEventId: ae.json.id as string };
}
