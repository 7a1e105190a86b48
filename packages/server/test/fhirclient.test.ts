/**
 * fhirclient (the SMART on FHIR JavaScript client) against the API over real HTTP, on SMART
 * Backend Services tokens, as a registry's client would use it: the client is registered with
 * `evident fhir-client add` from a JWKS file holding a generated RS384 and an ES384 public key;
 * it finds the token endpoint in the SMART configuration, signs its assertions with jose, and
 * reads with fhirclient's `client.request`: the CapabilityStatement, a search paged through its
 * next links, and the references Evident writes resolved. Every FHIR body the server sends is
 * validated on the way out (./fhir-validate.ts).
 *
 * fhirclient's Node entry never loads isomorphic-webcrypto (its browser fallback), so the root
 * package.json overrides that package with a tiny one: its React Native optional dependencies
 * would pull some 470 packages through their peers.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { type AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import smart from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validatingFetch } from "./fhir-validate";
import { createHarness, type Harness } from "./harness";
import { type ClientKey, keyPair, seedRecord, signAssertion, tokenRequestBody } from "./smart-client";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const CLINIC = "Harbour Spine";

let h: Harness;
let base: string;
let server: ReturnType<typeof createAdaptorServer>;
let record: Awaited<ReturnType<typeof seedRecord>>;
let keys: { rsa: ClientKey; ec: ClientKey };
let clientId: string;

// The server validates each FHIR body it sends; each test then asserts none failed.
const checked = validatingFetch((...args: Parameters<Harness["app"]["fetch"]>) => h.app.fetch(...args));
afterEach(() => {
  expect(checked.problems.splice(0)).toEqual([]);
});

/** `evident fhir-client add`, run as an operator would, against the test's database. */
function addClientWithCli(jwksFile: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, "packages/cli/bin/evident.mjs"),
        ...["fhir-client", "add", "--clinic", CLINIC, "--name", "Spine registry", "--jwks-file", jwksFile],
      ],
      { cwd: repoRoot, env: { ...process.env, ...h.database.cliEnv }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

/** The token endpoint named by the SMART configuration, and a token from it for one assertion. */
async function token(key: ClientKey, scope = "system/*.rs") {
  const config = await (await fetch(`${base}/api/fhir/.well-known/smart-configuration`)).json();
  const assertion = await signAssertion(key, clientId, {
    tokenUrl: config.token_endpoint,
    now: h.clock.now(),
  });
  const res = await fetch(config.token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: tokenRequestBody(assertion, scope),
  });
  return { status: res.status, json: await res.json() };
}

/** fhirclient's Client on a token, as `smart(req, res).client(state)` makes it in Node. */
function fhirClient(accessToken: string): Client {
  const req = new IncomingMessage(new Socket());
  return smart(req, new ServerResponse(req)).client({
    serverUrl: `${base}/api/fhir`,
    tokenResponse: { access_token: accessToken },
  });
}

beforeAll(async () => {
  // The app answers on a real port, and its public URL (token audience, Bundle links) is that port.
  server = createAdaptorServer({ fetch: checked.fetch });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await createHarness({ now: "2026-03-10T09:00:00Z", config: { publicUrl: base } });
  const clinic = await h.clinic(CLINIC);
  record = await seedRecord(h, await h.staff("clinician", clinic.id));
  keys = { rsa: await keyPair("RS384"), ec: await keyPair("ES384") };
  const dir = mkdtempSync(path.join(tmpdir(), "fhirclient-"));
  const jwksFile = path.join(dir, "jwks.json");
  writeFileSync(jwksFile, JSON.stringify({ keys: [keys.rsa.jwk, keys.ec.jwk] }));
  const added = await addClientWithCli(jwksFile);
  expect(added.code).toBe(0);
  ({ clientId } = JSON.parse(added.stdout));
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

describe("fhirclient on SMART Backend Services tokens", () => {
  it("gets a token for an RS384 and for an ES384 assertion from the endpoint the SMART configuration names", async () => {
    for (const key of [keys.rsa, keys.ec]) {
      const res = await token(key);
      expect(res).toMatchObject({
        status: 200,
        json: { token_type: "bearer", expires_in: 300, scope: "system/*.rs" },
      });
    }
  });

  it("reads the CapabilityStatement with client.request, and takes the FHIR release from it", async () => {
    const client = fhirClient((await token(keys.ec)).json.access_token);
    const cs = await client.request("metadata");
    expect(cs).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1" });
    expect(cs.rest[0].security.service[0].coding[0].code).toBe("SMART-on-FHIR");
    expect(await client.getFhirRelease()).toBe(4);
    expect(checked.bodies()).toBeGreaterThan(0);
  });

  it("pages a search: every next link followed, each patient once, two pages of two and one", async () => {
    const client = fhirClient((await token(keys.rsa)).json.access_token);
    const patients = await client.request("Patient?_count=2", { pageLimit: 0, flat: true });
    expect(patients.map((p: { id: string }) => p.id).sort()).toEqual([...record.patientIds].sort());
    const pageSizes: number[] = [];
    await client.request("Patient?_count=2", {
      pageLimit: 0,
      onPage: (data) => {
        pageSizes.push((data as { entry?: unknown[] }).entry?.length ?? 0);
      },
    });
    expect(pageSizes).toEqual([2, 1]);
  });

  it("resolves the references Evident writes: subject, derivedFrom, reasonReference and suspectEntity", async () => {
    const client = fhirClient((await token(keys.rsa)).json.access_token);
    const [patientId] = record.patientIds;
    // graph: the client mounts each resolved resource in place of its reference (a reference
    // it cannot resolve stays a reference, with only a warning), so the types below prove it.
    const [observation] = await client.request(`Observation?patient=${patientId}`, {
      flat: true,
      resolveReferences: ["subject", "derivedFrom"],
    });
    expect(observation.subject).toMatchObject({ resourceType: "Patient", id: patientId });
    expect(observation.derivedFrom[0]).toMatchObject({
      resourceType: "QuestionnaireResponse",
      subject: { reference: `Patient/${patientId}` },
    });
    const [procedure] = await client.request(`Procedure?subject=Patient/${patientId}`, {
      flat: true,
      resolveReferences: ["subject", "reasonReference"],
    });
    expect(procedure).toMatchObject({ id: record.treatmentId, subject: { resourceType: "Patient" } });
    expect(procedure.reasonReference[0]).toMatchObject({ resourceType: "Condition" });
    const [event] = await client.request(`AdverseEvent?subject=${patientId}`, {
      flat: true,
      resolveReferences: ["suspectEntity..instance"],
    });
    expect(event.id).toBe(record.adverseEventId);
    expect(event.suspectEntity[0].instance).toMatchObject({
      resourceType: "Procedure",
      id: record.treatmentId,
    });
  });
});
