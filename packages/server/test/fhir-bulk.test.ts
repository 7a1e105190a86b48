/**
 * FHIR Bulk Data export as a client drives it (IG v2): kick-off with a SMART token, poll, the
 * manifest, every file downloaded and every NDJSON line a valid resource whose patient is among
 * the exported Patients; `_type`, `_since`, Patient- and Group-level exports; the Groups listed
 * and read; bad kick-offs answered 400 (or 401/403) as OperationOutcomes naming what is wrong.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportJobsOnce } from "../src/jobs/runner";
import { bulkCalls, bulkRegistry, patientOf, type Resource } from "./bulk";
import { expectValid, FHIR_BASE } from "./smart";

let r: Awaited<ReturnType<typeof bulkRegistry>>;
let calls: ReturnType<typeof bulkCalls>;

beforeAll(async () => {
  r = await bulkRegistry();
  calls = bulkCalls(r.h);
}, 120_000);
afterAll(() => r.close());

const idsOf = (rs: Resource[] = []) => rs.map((x) => x.id).sort();

describe("Bulk Data export: kick-off, poll, download", () => {
  it("accepts a system export with 202 and a status URL, answers 202 with progress until it is done, then the manifest", async () => {
    const token = await r.s.token(r.client);
    const started = await calls.kickOff("$export", token);
    expect(started.status).toBe(202);
    const status = started.headers.get("content-location")!;
    expect(status).toMatch(new RegExp(`^${FHIR_BASE.replace(/\$/g, "\\$")}/bulk-status/[0-9a-f-]{36}$`));
    const waiting = await calls.get(status, token);
    expect([waiting.status, waiting.headers.get("retry-after"), waiting.headers.get("x-progress")]).toEqual([
      202,
      "2",
      "in queue",
    ]);
    const runs = await runExportJobsOnce(r.h.deps);
    expect(runs).toHaveLength(1);
    const done = await calls.get(status, token);
    expect(done.status).toBe(200);
    expect(done.headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    expect(done.headers.get("expires")).toBe(new Date("2026-03-11T09:00:00Z").toUTCString());
    expect(done.json).toMatchObject({
      transactionTime: "2026-03-10T09:00:00.000Z",
      request: `${FHIR_BASE}/$export`,
      requiresAccessToken: true,
      error: [],
    });
    expect(done.json.output.map((f: { type: string }) => f.type)).toEqual([
      "Patient",
      "Condition",
      "Procedure",
      "QuestionnaireResponse",
      "Observation",
      "AdverseEvent",
      "Consent",
      "Questionnaire",
    ]);
  });

  it("writes only valid resources, each once, all of the client's clinic, every reference resolving within the export", async () => {
    const { manifest, token } = await calls.exportAll("$export", r.client);
    const byType = await calls.resourcesOf(manifest, token);
    for (const resources of Object.values(byType)) {
      for (const resource of resources) expectValid(resource);
      expect(new Set(idsOf(resources)).size).toBe(resources.length);
    }
    expect(idsOf(byType.Patient)).toEqual([...r.patients].sort());
    const patients = new Set(idsOf(byType.Patient));
    const responses = new Set(idsOf(byType.QuestionnaireResponse));
    const procedures = new Set(idsOf(byType.Procedure));
    const conditions = new Set(idsOf(byType.Condition));
    for (const [type, resources] of Object.entries(byType)) {
      if (type === "Questionnaire") continue;
      for (const x of resources) expect(patients, `${type}/${x.id}`).toContain(patientOf(x));
    }
    expect(byType.QuestionnaireResponse).toHaveLength(6);
    expect(byType.Observation!.length).toBeGreaterThanOrEqual(6);
    for (const o of byType.Observation!) expect(responses).toContain(o.derivedFrom[0].reference.slice(22));
    for (const p of byType.Procedure!) expect(conditions).toContain(p.reasonReference[0].reference.slice(10));
    const [event] = byType.AdverseEvent!;
    expect(procedures).toContain(event!.suspectEntity[0].instance.reference.slice(10));
    expect(byType.Consent!.map(patientOf)).toEqual([r.patients[0]]);
    expect(idsOf(byType.Questionnaire)).toContain("odi");
  });

  it("audits the kick-off and each file downloaded, as the client's", async () => {
    const before = await r.h.count("audit_events");
    const { manifest, token } = await calls.exportAll("$export?_type=Patient,Condition", r.client);
    await calls.resourcesOf(manifest, token);
    const { rows } = await r.h.database.pool.query(
      "select actor_kind, actor_id, action, entity_type, detail from audit_events where action = 'export' order by seq desc limit 3",
    );
    expect(rows.map((e) => [e.actor_kind, e.actor_id, e.action, e.entity_type])).toEqual([
      ["system", r.client.clientId, "export", "fhir-bulk-file"],
      ["system", r.client.clientId, "export", "fhir-bulk-file"],
      ["system", r.client.clientId, "export", "fhir-bulk-export"],
    ]);
    expect(rows[2].detail).toMatchObject({ level: "system", types: ["Patient", "Condition"] });
    // The token, the kick-off and two downloads.
    expect((await r.h.count("audit_events")) - before).toBe(4);
  });
});

describe("what an export includes", () => {
  it("honours _type: only the types asked for", async () => {
    const { manifest } = await calls.exportAll("$export?_type=Observation,Patient", r.client);
    expect(manifest.output.map((f) => f.type).sort()).toEqual(["Observation", "Patient"]);
  });

  it("honours _since: only what changed after the instant", async () => {
    r.h.clock.set("2026-03-10T09:20:00Z"); // within the staff session's idle time
    const later = (await r.h.patient(r.staff.cookie, { familyName: "Later" })).id;
    await r.h.call("POST", `/api/v1/patients/${later}/responses`, {
      cookie: r.staff.cookie,
      body: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 3 } }] },
    });
    const { manifest, token } = await calls.exportAll(
      "$export?_since=2026-03-10T09:10:00Z&_type=Patient,QuestionnaireResponse,Observation,Procedure",
      r.client,
    );
    expect(manifest.request).toBe(
      `${FHIR_BASE}/$export?_since=2026-03-10T09:10:00Z&_type=Patient,QuestionnaireResponse,Observation,Procedure`,
    );
    const byType = await calls.resourcesOf(manifest, token);
    expect(idsOf(byType.Patient)).toEqual([later]);
    expect(byType.QuestionnaireResponse!.map(patientOf)).toEqual([later]);
    expect(byType.Observation!.map(patientOf)).toEqual([later]);
    expect(byType.Procedure).toBeUndefined(); // none changed: no file
    r.h.clock.set("2026-03-10T09:00:00Z");
    r.patients.push(later);
  });

  it("exports the Patient compartment at Patient level, and at Group level only the cohort's patients", async () => {
    const all = await calls.exportAll("Patient/$export", r.client);
    expect(all.manifest.output.map((f) => f.type)).not.toContain("Questionnaire");
    const cohort = await calls.exportAll("Group/treatment-bone-marrow-concentrate/$export", r.client);
    const byType = await calls.resourcesOf(cohort.manifest, cohort.token);
    expect(idsOf(byType.Patient)).toEqual([r.patients[1]]);
    for (const resources of Object.values(byType))
      for (const x of resources) expect(patientOf(x)).toBe(r.patients[1]);
    expect(byType.AdverseEvent).toHaveLength(1);
    expect(cohort.manifest.request).toBe(`${FHIR_BASE}/Group/treatment-bone-marrow-concentrate/$export`);
  });

  it("lists a Group per treatment kind with the clinic's count, and reads one", async () => {
    const token = await r.s.token(r.client);
    const list = await calls.get("/api/fhir/Group?_count=50", token);
    expect(list.status).toBe(200);
    for (const e of list.json.entry) expectValid(e.resource);
    const quantity = (id: string) =>
      list.json.entry.find((e: { resource: Resource }) => e.resource.id === id)?.resource.quantity;
    expect([
      quantity("treatment-bone-marrow-concentrate"),
      quantity("treatment-medication"),
      quantity("treatment-fusion"),
    ]).toEqual([1, 1, 0]);
    const one = await calls.get("/api/fhir/Group/treatment-medication", token);
    expect(one.json).toMatchObject({ resourceType: "Group", actual: true, type: "person", quantity: 1 });
    expect((await calls.get("/api/fhir/Group/treatment-none", token)).status).toBe(404);
    expect((await calls.kickOff("Group/treatment-none/$export", token)).status).toBe(404);
  });

  it("declares Group and the $export operations in the CapabilityStatement", async () => {
    const cs = (await calls.get("/api/fhir/metadata", null)).json;
    expectValid(cs);
    expect(cs.instantiates).toEqual(["http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"]);
    expect(cs.rest[0].operation).toEqual([
      { name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export" },
    ]);
    const op = (type: string) =>
      cs.rest[0].resource.find((x: { type: string }) => x.type === type)?.operation?.[0]?.definition;
    expect([op("Patient"), op("Group")]).toEqual([
      "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export",
      "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export",
    ]);
  });
});

describe("bad kick-offs", () => {
  it("answers 400 OperationOutcomes naming the header or parameter, and accepts what lenient handling drops", async () => {
    const token = await r.s.token(r.client);
    const issue = async (path: string, headers: Record<string, string> = {}) => {
      const res = await calls.kickOff(path, token, headers);
      return [res.status, res.json.resourceType, res.json.issue[0].expression?.[0]];
    };
    expect(await issue("$export", { prefer: "" })).toEqual([400, "OperationOutcome", "Prefer"]);
    expect(await issue("$export?_since=yesterday")).toEqual([400, "OperationOutcome", "_since"]);
    expect(await issue("$export?_since=2026-03-01")).toEqual([400, "OperationOutcome", "_since"]);
    expect(await issue("$export?_type=Practitioner")).toEqual([400, "OperationOutcome", "_type"]);
    expect(await issue("Patient/$export?_type=Questionnaire")).toEqual([400, "OperationOutcome", "_type"]);
    expect(await issue("$export?_outputFormat=application/xml")).toEqual([
      400,
      "OperationOutcome",
      "_outputFormat",
    ]);
    expect(await issue("$export?_typeFilter=Patient%3Fgender%3Dmale")).toEqual([
      400,
      "OperationOutcome",
      "_typeFilter",
    ]);
    expect(await issue("$export?_count=5")).toEqual([400, "OperationOutcome", "_count"]);
    const lenient = await calls.kickOff("$export?_typeFilter=x&_type=Patient", token, {
      prefer: "respond-async, handling=lenient",
    });
    expect(lenient.status).toBe(202);
    await runExportJobsOnce(r.h.deps);
  });

  it("answers 429 with Retry-After to a client with two exports queued, until one is done", async () => {
    const token = await r.s.token(r.client);
    expect((await calls.kickOff("$export?_type=Patient", token)).status).toBe(202);
    expect((await calls.kickOff("$export?_type=Patient", token)).status).toBe(202);
    const third = await calls.kickOff("$export?_type=Patient", token);
    expect([third.status, third.headers.get("retry-after"), third.json.issue[0].code]).toEqual([
      429,
      "60",
      "throttled",
    ]);
    // Another client of the clinic is not held up by this one's exports.
    expect((await calls.kickOff("$export?_type=Patient", await r.s.token(r.otherClient))).status).toBe(202);
    await runExportJobsOnce(r.h.deps);
    expect((await calls.kickOff("$export?_type=Patient", token)).status).toBe(202);
    await runExportJobsOnce(r.h.deps);
  });

  it("wants a client's token: none is 401, a staff session 403, a scope not covering a type asked for 403", async () => {
    expect((await calls.kickOff("$export", null)).status).toBe(401);
    const staff = await r.h.call("GET", "/api/fhir/$export", {
      cookie: r.staff.cookie,
      headers: { prefer: "respond-async" },
    });
    expect([staff.status, staff.json.issue[0].code]).toEqual([403, "forbidden"]);
    const narrow = await r.s.token(r.client, "system/Patient.rs");
    expect((await calls.kickOff("$export?_type=Observation", narrow)).status).toBe(403);
    // Without _type, a narrow token exports what it may read.
    const { manifest } = await calls.exportAll("$export", r.client, "system/Patient.rs");
    expect(manifest.output.map((f) => f.type)).toEqual(["Patient", "Questionnaire"]);
  });
});
