/**
 * The FHIR API as a standard client uses it: SMART Backend Services tokens (RS384 and ES384
 * assertions, replay and audience checks, revocation, another clinic's client), then
 * MedplumClient from @medplum/core on that token: the CapabilityStatement, paging with _count,
 * readReference on every kind of reference Evident writes, searchOne of a Questionnaire by url.
 * Every FHIR body returned passes Medplum, FHIR.js and the R4 JSON schema (./fhir-validate.ts).
 */
import { MedplumClient } from "@medplum/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectValidFhirBody, expectValidR4, validatingFetch } from "./fhir-validate";
import { createHarness, type Harness } from "./harness";
import { FHIR_BASE as BASE, type Key, keyPair, smart, TOKEN_URL } from "./smart";
import { seedRecord } from "./smart-client";

let h: Harness;
let staff: Awaited<ReturnType<Harness["staff"]>>;
let patientIds: string[];
let rsa: Key;
let clientId: string;
let sm: ReturnType<typeof smart>;

const assertion: ReturnType<typeof smart>["assertion"] = (...a) => sm.assertion(...a);
const requestToken: ReturnType<typeof smart>["requestToken"] = (...a) => sm.requestToken(...a);

async function bearer(path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await h.call("GET", `/api/fhir/${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  expectValidFhirBody(res);
  return res;
}

beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T09:00:00Z" });
  staff = await h.staff("clinician");
  ({ patientIds } = await seedRecord(h, staff));
  sm = smart(h);
  rsa = await keyPair("RS384");
  ({ clientId } = await sm.register(staff.clinicId, [rsa, await keyPair("ES384")]));
}, 120_000);
afterAll(() => h.close());

describe("SMART Backend Services", () => {
  it("publishes its configuration: token endpoint, private_key_jwt, RS384 and ES384, the scopes", async () => {
    const res = await bearer(".well-known/smart-configuration");
    expect(res.json).toMatchObject({
      token_endpoint: TOKEN_URL,
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"],
    });
    expect(res.json.scopes_supported).toEqual(expect.arrayContaining(["system/*.read", "system/*.rs"]));
  });

  it("issues a short-lived token for an RS384 or ES384 assertion, and audits it", async () => {
    const rs = await requestToken(await assertion(rsa, clientId), "system/*.read");
    expect(rs.status).toBe(200);
    expect(rs.json).toMatchObject({ token_type: "bearer", expires_in: 300, scope: "system/*.read" });
    const es = await keyPair("ES384");
    const { clientId: esClient } = await sm.register(staff.clinicId, [es], "EC");
    expect((await requestToken(await assertion(es, esClient), "system/Patient.rs")).json.scope).toBe(
      "system/Patient.rs",
    );
    const { rows } = await h.database.pool.query(
      "select actor_kind, actor_id, action, entity_type from audit_events where action = 'token' order by seq",
    );
    expect(rows[0]).toEqual({
      actor_kind: "system",
      actor_id: clientId,
      action: "token",
      entity_type: "fhir-client",
    });
  });

  it("refuses a replayed assertion, another audience, an exp over 5 minutes ahead, a foreign key and a write-only scope", async () => {
    const once = await assertion(rsa, clientId, { jti: "only-once" });
    expect((await requestToken(once)).status).toBe(200);
    expect(await requestToken(once)).toMatchObject({ status: 400, json: { error: "invalid_grant" } });
    const aud = await requestToken(await assertion(rsa, clientId, { aud: "http://elsewhere.test/token" }));
    expect(aud).toMatchObject({ status: 401, json: { error: "invalid_client" } });
    const long = await requestToken(await assertion(rsa, clientId, { expiresIn: 600 }));
    expect(long).toMatchObject({ status: 401, json: { error: "invalid_client" } });
    const stranger = await keyPair("RS384");
    expect((await requestToken(await assertion({ ...stranger, jwk: rsa.jwk }, clientId))).status).toBe(401);
    const write = await requestToken(await assertion(rsa, clientId), "system/*.cud");
    expect(write).toMatchObject({ status: 400, json: { error: "invalid_scope" } });
  });

  it("answers no token with 401 and a scope that does not cover the type with 403, as OperationOutcomes", async () => {
    const none = await bearer("Patient");
    expect([none.status, none.json.resourceType, none.json.issue[0].code]).toEqual([
      401,
      "OperationOutcome",
      "login",
    ]);
    expect((await bearer("Patient", "forged~token")).status).toBe(401);
    const token = (await requestToken(await assertion(rsa, clientId), "system/Patient.rs")).json.access_token;
    expect((await bearer("Patient", token)).status).toBe(200);
    expect((await bearer("Observation", token)).status).toBe(403);
  });

  it("shows a client only its own clinic, and stops a revoked client's tokens at once", async () => {
    const otherStaff = await h.staff("admin");
    const { clientId: other, key } = await sm.register(otherStaff.clinicId, undefined, "Elsewhere");
    const token = (await requestToken(await assertion(key, other))).json.access_token;
    expect((await bearer("Patient", token)).json.entry).toEqual([]);
    expect((await bearer(`Patient/${patientIds[0]}`, token)).status).toBe(404);
    const revoked = await h.call("POST", `/api/v1/fhir-clients/${other}/revoke`, {
      cookie: otherStaff.cookie,
    });
    expect(revoked.json).toMatchObject({ clientId: other, revokedAt: expect.any(String) });
    expect((await bearer("Patient", token)).status).toBe(401);
    expect((await requestToken(await assertion(key, other))).status).toBe(401);
  });
});

describe("MedplumClient on a SMART token", () => {
  let medplum: MedplumClient;
  // Every FHIR body MedplumClient receives is validated on the way in.
  const checked = validatingFetch((url: string, init?: RequestInit) => h.app.request(url, init));
  afterEach(() => {
    expect(checked.problems.splice(0)).toEqual([]);
  });
  beforeAll(async () => {
    const token = (await requestToken(await assertion(rsa, clientId))).json.access_token!;
    medplum = new MedplumClient({
      baseUrl: "http://evident.test/",
      fhirUrlPath: "api/fhir",
      fetch: checked.fetch,
      cacheTime: 0,
    });
    medplum.setAccessToken(token);
  });

  it("reads the CapabilityStatement: FHIR 4.0.1, SMART security, every resource with its search parameters", async () => {
    const cs = await medplum.get(`${BASE}/metadata`);
    expectValidR4(cs);
    expect(checked.bodies()).toBe(1);
    expect(cs).toMatchObject({
      fhirVersion: "4.0.1",
      format: expect.arrayContaining(["application/fhir+json"]),
    });
    const types = cs.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "Patient",
        "Condition",
        "Procedure",
        "QuestionnaireResponse",
        "Observation",
        "AdverseEvent",
      ]),
    );
    const obs = cs.rest[0].resource.find((r: { type: string }) => r.type === "Observation");
    expect(obs.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["patient", "subject", "code", "date", "_lastUpdated", "_id"]),
    );
  });

  it("pages a search with _count through next links, every resource once, and back with previous", async () => {
    const first = await medplum.search("Patient", { _count: 2 });
    expect(first.entry).toHaveLength(2);
    const next = first.link?.find((l) => l.relation === "next")?.url;
    expect(next).toBeDefined();
    const second = await medplum.get(next!);
    expect(second.link.find((l: { relation: string }) => l.relation === "next")).toBeUndefined();
    const ids = [...(first.entry ?? []), ...second.entry].map((e) => e.resource!.id);
    expect(ids.sort()).toEqual([...patientIds].sort());
    const back = await medplum.get(
      second.link.find((l: { relation: string }) => l.relation === "previous").url,
    );
    expect(back.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(
      first.entry?.map((e) => e.resource!.id),
    );
    const all: string[] = [];
    for await (const page of medplum.searchResourcePages("Observation", { _count: 1 }))
      for (const o of page) all.push(o.id!);
    expect(all).toHaveLength(3);
  });

  it("resolves every reference Evident writes (subject, derivedFrom, questionnaire, reasonReference, suspectEntity)", async () => {
    const observations = await medplum.searchResources("Observation", {
      patient: patientIds[0]!,
      _count: 50,
    });
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) {
      expectValidR4(o);
      expectValidR4(await medplum.readReference(o.subject as never));
      const qr = await medplum.readReference(o.derivedFrom![0] as never);
      expectValidR4(qr);
      const [url] = (qr as { questionnaire: string }).questionnaire.split("|");
      const q = await medplum.searchOne("Questionnaire", { url: url! });
      expect(q?.url).toBe(url);
    }
    const [procedure] = await medplum.searchResources("Procedure", { subject: `Patient/${patientIds[0]}` });
    expectValidR4(procedure!);
    expectValidR4(await medplum.readReference(procedure!.reasonReference![0] as never));
    const [event] = await medplum.searchResources("AdverseEvent", { subject: patientIds[0]! });
    expectValidR4(event!);
    expect(event!.event?.coding?.[0]).toMatchObject({ system: "http://snomed.info/sct", code: "40733004" });
    const suspect = await medplum.readReference(event!.suspectEntity![0]!.instance as never);
    expect(suspect).toMatchObject({ resourceType: "Procedure", id: procedure!.id, meta: { versionId: "1" } });
  });

  it("finds the one Questionnaire a url names, and by name", async () => {
    const odi = await medplum.searchOne("Questionnaire", {
      url: "https://evident.invalid/fhir/Questionnaire/odi",
    });
    expect(odi?.id).toBe("odi");
    expect(
      (await medplum.search("Questionnaire", { url: "https://evident.invalid/fhir/Questionnaire/none" }))
        .total,
    ).toBe(0);
    expect((await medplum.searchResources("Questionnaire", { name: "nrs" })).map((q) => q.id)).toEqual([
      "nrs-back",
      "nrs-leg",
    ]);
  });

  it("filters by code and date, refuses an unknown parameter unless lenient", async () => {
    const back = await medplum.searchResources("Observation", {
      code: "http://loinc.org|72514-3",
      date: "ge2026-03-01",
    });
    expect(back).toHaveLength(3);
    expect(await medplum.searchResources("Observation", { code: "http://loinc.org|97909-6" })).toHaveLength(
      0,
    );
    expect(await medplum.searchResources("Observation", { date: "lt2026-03-01" })).toHaveLength(0);
    const token = (await requestToken(await assertion(rsa, clientId))).json.access_token;
    const strict = await bearer("Patient?_sort=name", token);
    expect([strict.status, strict.json.issue[0].expression]).toEqual([400, ["_sort"]]);
    const lenient = await bearer("Patient?_sort=name&_count=1", token, { prefer: "handling=lenient" });
    expect(lenient.status).toBe(200);
    expect(lenient.json.link[0].url).toBe(`${BASE}/Patient?_count=1`);
  });

  it("audits each read as the client's", async () => {
    await medplum.readResource("Patient", patientIds[1]!);
    const { rows } = await h.database.pool.query(
      "select actor_kind, actor_id, entity_type, patient_id from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toEqual({
      actor_kind: "system",
      actor_id: clientId,
      entity_type: "fhir-patient",
      patient_id: patientIds[1],
    });
  });
});
