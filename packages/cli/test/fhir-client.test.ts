/** `evident fhir-client add`: one JSON object with the client id, the keys stored, audited; bad input named. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "fhir-client-"));
  expect((await runCli(["clinic", "add", "--name", "Harbour Spine"], db.cliEnv)).code).toBe(0);
}, 120_000);
afterAll(() => db.close());

describe("evident fhir-client add", () => {
  it("registers a client of the clinic with its public keys and prints only {clientId}", async () => {
    const { publicKey } = await generateKeyPair("ES384", { extractable: true });
    const file = path.join(dir, "jwks.json");
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES384" }] }),
    );
    const res = await runCli(
      ["fhir-client", "add", "--clinic", "Harbour Spine", "--name", "State registry", "--jwks-file", file],
      db.cliEnv,
    );
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(["clientId"]);
    const { rows } = await db.system.pool.query(
      "select c.name, jsonb_array_length(f.jwks->'keys') as keys from fhir_clients f join clinics c on c.id = f.clinic_id where f.id = $1",
      [out.clientId],
    );
    expect(rows).toEqual([{ name: "Harbour Spine", keys: 1 }]);
    const audit = await db.system.pool.query("select action from audit_events where entity_id = $1", [
      out.clientId,
    ]);
    expect(audit.rows).toEqual([{ action: "create" }]);
  }, 120_000);

  it("refuses a private key, an unknown clinic and a missing key file, naming each", async () => {
    const { privateKey } = await generateKeyPair("RS384", { extractable: true });
    const file = path.join(dir, "private.json");
    writeFileSync(file, JSON.stringify({ keys: [await exportJWK(privateKey)] }));
    const priv = await runCli(
      ["fhir-client", "add", "--clinic", "Harbour Spine", "--name", "X", "--jwks-file", file],
      db.cliEnv,
    );
    expect([priv.code, JSON.parse(priv.stdout).error]).toEqual([2, expect.stringMatching(/private key/)]);
    const clinic = await runCli(
      ["fhir-client", "add", "--clinic", "Nowhere", "--name", "X", "--jwks-url", "https://x.test/jwks"],
      db.cliEnv,
    );
    expect([clinic.code, JSON.parse(clinic.stdout).error]).toEqual([2, 'no clinic named "Nowhere"']);
    const none = await runCli(["fhir-client", "add", "--clinic", "Harbour Spine", "--name", "X"], db.cliEnv);
    expect(JSON.parse(none.stdout).error).toMatch(/give one of --jwks-file or --jwks-url/);
  }, 120_000);
});
