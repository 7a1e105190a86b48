/**
 * A clinic's FHIR API client for the browser tests and screenshots, made the only way there is:
 * `evident fhir-client add` with a JWKS file of its public key, run against the running app's
 * data directory (the command opens the server's database while it runs). Then what the client
 * does with its private key: sign an assertion (ES384, jose) and ask the token endpoint for a
 * SMART backend-services token.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { APIRequestContext } from "playwright-core";
import { runCli } from "../packages/cli/test/run-cli";

export type FhirClient = { clientId: string; name: string; privateKey: CryptoKey; kid: string };

/** Registers a client of `clinic` named `name` with a fresh ES384 key, as an operator would. */
export async function addFhirClient(dataDir: string, clinic: string, name: string): Promise<FhirClient> {
  const { privateKey, publicKey } = await generateKeyPair("ES384", { extractable: true });
  const kid = `key-${Date.now().toString(36)}`;
  const dir = await mkdtemp(path.join(tmpdir(), "fhir-client-"));
  const jwksFile = path.join(dir, "jwks.json");
  await writeFile(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES384" }] }),
  );
  const run = await runCli(
    ["fhir-client", "add", "--clinic", clinic, "--name", name, "--jwks-file", jwksFile],
    { EVIDENT_DATA_DIR: dataDir, DATABASE_URL: "" },
  );
  if (run.code !== 0) throw new Error(`evident fhir-client add exited ${run.code}: ${run.stderr}`);
  const { clientId } = JSON.parse(run.stdout) as { clientId: string };
  return { clientId, name, privateKey: privateKey as CryptoKey, kid };
}

/** Asks `base`'s token endpoint for a token with a fresh assertion: the status and the body. */
export async function requestToken(request: APIRequestContext, base: string, client: FhirClient) {
  const tokenUrl = `${base}/api/fhir/token`;
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "ES384", kid: client.kid, typ: "JWT" })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(tokenUrl)
    .setExpirationTime("4m")
    .setJti(crypto.randomUUID())
    .sign(client.privateKey);
  const res = await request.post(tokenUrl, {
    form: {
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: "system/*.rs",
    },
  });
  return { status: res.status(), json: (await res.json()) as Record<string, string> };
}
