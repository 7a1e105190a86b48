/**
 * Cross-clinic access, generated from the API's own description (`/api/openapi.json`): for every
 * route with an id in its path and every method, staff (an admin, who may do the most) and a
 * portal patient of clinic B ask for clinic A's resource, and get 404 (or 403), never its data and
 * never a 500; nothing of clinic A changes. A route added with an id parameter and no fixture
 * here fails the test, so every new id route is covered when it is written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addFhirClient, createTask } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportJobsOnce } from "../src/jobs/runner";
import { calmIntake } from "./answers";
import { eligibleFacts } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let dataDir: string;
type Staff = Awaited<ReturnType<Harness["staff"]>>;
type Portal = Awaited<ReturnType<Harness["portalPatient"]>>;

/** Clinic A's resources, made through the API as A's own users would. */
type Resources = {
  patient: Portal;
  clinician: Staff;
  treatment: { id: string; version: number };
  response: string;
  intake: string;
  adverseEvent: string;
  decision: string;
  task: string;
  staffSession: string;
  patientSession: string;
  baselineFollowUp: string;
  /** An export of A's admin, run to completion (its files exist). */
  researchExport: string;
  /** A cohort A's admin saved for the clinic only (not network-wide). */
  savedCohort: string;
  fhirClient: string;
  /** A's research consent document, and the patient's signature of it. */
  consentDocument: string;
  consent: string;
  /** A story of the patient's treatment, drafted on their story consent. */
  story: string;
};

type Fixture =
  /** A route whose id names clinic A's resource: `path` fills the path's parameters. */
  | {
      as: "staff" | "patient";
      path: (r: Resources) => Record<string, string>;
      body?: (r: Resources) => unknown;
    }
  /** A route whose id is not clinic data (the instrument catalogue): why, in words. */
  | { notClinicData: string };

const adverseEvent = {
  kind: "infection",
  onsetDate: "2026-03-01",
  severity: 2,
  seriousness: [],
  relatedness: "possible",
  expected: false,
  outcome: "recovering",
  actions: "Oral antibiotics",
  description: "Wound redness",
};
const values = { "avoid-surgery": 4, "fast-relief": 2, "avoid-procedures": 3, "low-cost": 1, certainty: 4 };

const patientId = (r: Resources) => ({ id: r.patient.id });
const storyText =
  "A person had back pain for years; exercise helped a little, and some days were still hard.";

/** Route ("METHOD /path" as in the OpenAPI document) → how to ask for clinic A's resource. */
const fixtures: Record<string, Fixture> = {
  "GET /patients/{id}": { as: "staff", path: patientId },
  "GET /patients/{id}/adverse-events": { as: "staff", path: patientId },
  "POST /patients/{id}/adverse-events": { as: "staff", path: patientId, body: () => adverseEvent },
  "GET /patients/{id}/candidacy": { as: "staff", path: patientId },
  "POST /patients/{id}/candidacy": { as: "staff", path: patientId, body: () => ({ input: eligibleFacts }) },
  "GET /patients/{id}/decisions": { as: "staff", path: patientId },
  "GET /patients/{id}/consents": { as: "staff", path: patientId },
  "POST /patients/{id}/consents": {
    as: "staff",
    path: patientId,
    body: (r) => ({ documentId: r.consentDocument, witnessName: "A witness", signedOn: "2026-03-01" }),
  },
  "GET /consent-documents/{id}": { as: "staff", path: (r) => ({ id: r.consentDocument }) },
  "POST /portal/consents/{consentId}/withdrawal": { as: "patient", path: (r) => ({ consentId: r.consent }) },
  "GET /patients/{id}/stories": { as: "staff", path: patientId },
  "POST /patients/{id}/stories": {
    as: "staff",
    path: patientId,
    body: (r) => ({ treatmentId: r.treatment.id, language: "en", text: storyText }),
  },
  "PUT /stories/{id}": { as: "staff", path: (r) => ({ id: r.story }), body: () => ({ text: storyText }) },
  "POST /stories/{id}/approval": { as: "staff", path: (r) => ({ id: r.story }) },
  "GET /patients/{id}/diary": { as: "staff", path: patientId },
  "GET /patients/{id}/progress-report.pdf": { as: "staff", path: patientId },
  "GET /patients/{id}/imaging": { as: "staff", path: patientId },
  "POST /patients/{id}/imaging": {
    as: "staff",
    path: patientId,
    body: () => ({ date: "2026-02-20", modality: "mri", findings: [{ level: "L4-L5", pfirrmann: 3 }] }),
  },
  "POST /patients/{id}/intakes": { as: "staff", path: patientId, body: () => ({ answers: calmIntake() }) },
  "POST /patients/{id}/intakes/{intakeId}/review": {
    as: "staff",
    path: (r) => ({ id: r.patient.id, intakeId: r.intake }),
    body: () => ({ note: "Reviewed by someone who should not see this" }),
  },
  "POST /patients/{id}/invitations": { as: "staff", path: patientId, body: () => ({}) },
  "GET /patients/{id}/programme": { as: "staff", path: patientId },
  "POST /patients/{id}/responses": {
    as: "staff",
    path: patientId,
    body: () => ({ responses: [{ instrument: "nrs_back", answers: { nrs_back: 5 } }] }),
  },
  "POST /patients/{id}/responses/{responseId}/corrections": {
    as: "staff",
    path: (r) => ({ id: r.patient.id, responseId: r.response }),
    body: () => ({ answers: { nrs_back: 4 }, reason: "A correction from the wrong clinic" }),
  },
  "POST /patients/{id}/treatments": {
    as: "staff",
    path: patientId,
    body: () => ({ kind: "medication", date: "2026-03-01" }),
  },
  "PUT /patients/{id}/treatments/{treatmentId}": {
    as: "staff",
    path: (r) => ({ id: r.patient.id, treatmentId: r.treatment.id }),
    body: (r) => ({ kind: "medication", date: "2026-02-20", version: r.treatment.version, reason: "Moved" }),
  },
  "GET /patients/{id}/treatments/{treatmentId}/history": {
    as: "staff",
    path: (r) => ({ id: r.patient.id, treatmentId: r.treatment.id }),
  },
  "GET /patients/{id}/triage": { as: "staff", path: patientId },
  "PUT /adverse-events/{id}": {
    as: "staff",
    path: (r) => ({ id: r.adverseEvent }),
    body: () => ({ ...adverseEvent, outcome: "recovered", version: 1, reason: "Healed" }),
  },
  "GET /adverse-events/{id}/fhir": { as: "staff", path: (r) => ({ id: r.adverseEvent }) },
  "GET /adverse-events/{id}/history": { as: "staff", path: (r) => ({ id: r.adverseEvent }) },
  "GET /adverse-events/{id}/medwatch.json": { as: "staff", path: (r) => ({ id: r.adverseEvent }) },
  "GET /adverse-events/{id}/medwatch.pdf": { as: "staff", path: (r) => ({ id: r.adverseEvent }) },
  "POST /adverse-events/{id}/report-submitted": { as: "staff", path: (r) => ({ id: r.adverseEvent }) },
  "POST /tasks/{id}/complete": { as: "staff", path: (r) => ({ id: r.task }), body: () => ({}) },
  "POST /fhir-clients/{id}/revoke": { as: "staff", path: (r) => ({ id: r.fhirClient }) },
  "GET /research/exports/{id}": { as: "staff", path: (r) => ({ id: r.researchExport }) },
  "GET /research/exports/{id}/files/{name}": {
    as: "staff",
    path: (r) => ({ id: r.researchExport, name: "records.csv" }),
  },
  "GET /cohorts/{id}/versions": { as: "staff", path: (r) => ({ id: r.savedCohort }) },
  "DELETE /auth/sessions/{id}": { as: "staff", path: (r) => ({ id: r.staffSession }) },
  "DELETE /staff/sessions/{id}": { as: "staff", path: (r) => ({ id: r.staffSession }) },
  "POST /staff/{id}/disable": { as: "staff", path: (r) => ({ id: r.clinician.id }) },
  "POST /staff/{id}/enable": { as: "staff", path: (r) => ({ id: r.clinician.id }) },
  "POST /staff/{id}/invitations": { as: "staff", path: (r) => ({ id: r.clinician.id }) },
  "POST /staff/{id}/mfa-reset": { as: "staff", path: (r) => ({ id: r.clinician.id }) },
  "PUT /staff/{id}/role": {
    as: "staff",
    path: (r) => ({ id: r.clinician.id }),
    body: () => ({ role: "researcher" }),
  },
  "GET /portal/decisions/{id}/summary.pdf": { as: "patient", path: (r) => ({ id: r.decision }) },
  "GET /portal/drafts/{followUpId}": { as: "patient", path: (r) => ({ followUpId: r.baselineFollowUp }) },
  "PUT /portal/drafts/{followUpId}": {
    as: "patient",
    path: (r) => ({ followUpId: r.baselineFollowUp }),
    body: () => ({ answers: { nrs_back: { nrs_back: 6 } }, step: 1 }),
  },
  "GET /instruments/{id}": { notClinicData: "the instrument catalogue, the same for every clinic" },
  "POST /clinic/instruments/{id}/licence": {
    notClinicData: "an instrument of the catalogue; the licence is written to the caller's own clinic",
  },
};

/** A path parameter that names a record: `id`, `…Id`. (Dates in the portal's diary are not ids.) */
const isIdParam = (name: string) => /(^id$|Id$)/.test(name);

type Operation = { parameters?: { in: string; name: string }[] };
let idRoutes: string[] = [];
let a: { admin: Staff; r: Resources };
let b: { admin: Staff; patient: Portal };

async function makeClinicA(): Promise<{ admin: Staff; r: Resources }> {
  const clinic = await h.clinic("Clinic A");
  const admin = await h.staff("admin", clinic.id);
  const clinician = await h.staff("clinician", clinic.id);
  const patient = await h.portalPatient(clinician.cookie);
  const ok = <R extends { status: number; text: string }>(res: R, what: string): R => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res;
  };
  const post = (path: string, body: unknown, cookie = clinician.cookie) =>
    h.call("POST", `/api/v1${path}`, { cookie, body }).then((res) => ok(res, path));
  await h.answerSafetyQuestions(patient.cookie);
  const baselineFollowUp = patient.followUps.find(
    (f: { timepoint: string }) => f.timepoint === "baseline",
  )!.id;
  const responses = await post(`/patients/${patient.id}/responses`, {
    responses: [{ instrument: "nrs_back", answers: { nrs_back: 7 } }],
  });
  const intake = await post(`/patients/${patient.id}/intakes`, { answers: calmIntake() });
  const treatment = await post(`/patients/${patient.id}/treatments`, {
    kind: "medication",
    date: "2026-03-01",
  });
  const ae = await post(`/patients/${patient.id}/adverse-events`, {
    ...adverseEvent,
    treatmentId: treatment.json.id,
  });
  const decision = await post(
    "/portal/decisions",
    { values, choice: "exercise-physiotherapy" },
    patient.cookie,
  );
  const task = await h.database.db.transaction((tx) =>
    createTask(
      tx,
      {
        clinicId: clinic.id,
        actor: { kind: "system", id: "test" },
        requestId: null,
        now: () => h.clock.now(),
      },
      { kind: "call_patient", title: "Call the patient", assignedRole: "clinician", priority: "soon" },
    ),
  );
  const sessions = (cookie: string) =>
    h.call("GET", "/api/v1/auth/sessions", { cookie }).then((res) => ok(res, "sessions").json.items);
  const terms = await h.call("GET", "/api/v1/research/terms", { cookie: admin.cookie });
  await post("/research/terms/acceptances", { version: terms.json.version }, admin.cookie);
  const researchExport = (await post("/research/exports", { format: "redcap" }, admin.cookie)).json.id;
  await runExportJobsOnce(h.deps);
  const savedCohort = (
    await post(
      "/cohorts",
      { name: "Clinic A only", scope: "clinic", filter: { sexes: ["female"] } },
      admin.cookie,
    )
  ).json.id;
  const [consentDocument] = await h.publishConsent(clinic.id, { purpose: "research" });
  const consent = await post(
    "/portal/consents",
    { documentId: consentDocument!.id, typedName: "Ada Lovelace", confirmed: true },
    patient.cookie,
  );
  const [storyDocument] = await h.publishConsent(clinic.id, { purpose: "story" });
  await post(
    "/portal/consents",
    { documentId: storyDocument!.id, typedName: "Ada Lovelace", confirmed: true },
    patient.cookie,
  );
  const story = await post(`/patients/${patient.id}/stories`, {
    treatmentId: treatment.json.id,
    language: "en",
    text: storyText,
  });
  return {
    admin,
    r: {
      story: story.json.id,
      patient,
      clinician,
      treatment: { id: treatment.json.id, version: treatment.json.version ?? 1 },
      response: responses.json.responses[0].id,
      intake: intake.json.intake.id,
      adverseEvent: ae.json.id,
      decision: decision.json.id,
      task: typeof task === "string" ? task : (task as { id: string }).id,
      staffSession: (await sessions(clinician.cookie))[0].id,
      patientSession: (await sessions(patient.cookie))[0].id,
      baselineFollowUp,
      researchExport,
      savedCohort,
      consentDocument: consentDocument!.id,
      consent: consent.json.consents[0].id,
      fhirClient: (
        await addFhirClient(
          h.database.db,
          {
            clinicId: clinic.id,
            name: "Registry",
            jwks: null,
            jwksUrl: "https://registry.example/jwks.json",
          },
          { actorKind: "system", actorId: "test" },
          h.clock.now(),
        )
      ).clientId,
    },
  };
}

/** What clinic A holds, table by table, to show that nothing of it changed. */
async function clinicARows(): Promise<Record<string, string>> {
  const tables = [
    "patients",
    "treatments",
    "questionnaire_responses",
    "intakes",
    "adverse_events",
    "decisions",
    "consents",
    "consent_documents",
    "stories",
  ];
  const out: Record<string, string> = {};
  for (const t of [...tables, "tasks", "staff_users", "sessions", "response_drafts", "imaging_studies"]) {
    const { rows } = await h.database.pool.query(
      `select md5(string_agg(x::text, ',' order by x::text)) as d from ${t} x`,
    );
    out[t] = rows[0]?.d ?? "";
  }
  return out;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "evident-cross-clinic-"));
  h = await createHarness({ now: "2026-03-02T09:00:00Z", config: { dataDir } });
  const doc = (await h.call("GET", "/api/openapi.json")).json as {
    paths: Record<string, Record<string, Operation>>;
  };
  idRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => (op.parameters ?? []).some((p) => p.in === "path" && isIdParam(p.name)))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
  a = await makeClinicA();
  const clinicB = await h.clinic("Clinic B");
  const adminB = await h.staff("admin", clinicB.id);
  const clinicianB = await h.staff("clinician", clinicB.id);
  const patientB = await h.portalPatient(clinicianB.cookie);
  await h.answerSafetyQuestions(patientB.cookie);
  b = { admin: adminB, patient: patientB };
}, 120_000);
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("cross-clinic access, for every id route in the OpenAPI document", () => {
  it("has a fixture for every route with an id parameter, and none for a route that is gone", () => {
    expect(idRoutes.length).toBeGreaterThanOrEqual(35);
    expect(idRoutes.filter((r) => !(r in fixtures))).toEqual([]);
    expect(Object.keys(fixtures).filter((r) => !idRoutes.includes(r))).toEqual([]);
  });

  it("gives clinic B's staff and patients 404 or 403 for clinic A's resources, never data or a 500", async () => {
    const before = await clinicARows();
    const answers: Record<string, number> = {};
    const leaks: string[] = [];
    for (const route of idRoutes) {
      const f = fixtures[route];
      if (!f || "notClinicData" in f) continue;
      const [method, template] = route.split(" ") as [string, string];
      const params = f.path(a.r);
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const v = params[name];
        if (!v) throw new Error(`${route}: no value for {${name}}`);
        return v;
      });
      const cookie = f.as === "staff" ? b.admin.cookie : b.patient.cookie;
      const res = await h.call(method, `/api/v1${path}`, {
        cookie,
        ...(f.body ? { body: f.body(a.r) } : {}),
      });
      answers[route] = res.status;
      for (const secret of [a.r.patient.familyName, a.r.patient.email, "Wound redness"])
        if (res.text.includes(secret)) leaks.push(`${route} shows ${secret}`);
    }
    const wrong = Object.entries(answers).filter(([, s]) => s !== 404 && s !== 403);
    expect(wrong).toEqual([]);
    expect(leaks).toEqual([]);
    expect(Object.keys(answers).length).toBeGreaterThanOrEqual(33);
    expect(await clinicARows()).toEqual(before);
  });

  it("still serves each resource to its own clinic (the fixtures name real records)", async () => {
    const own = await Promise.all([
      h.call("GET", `/api/v1/patients/${a.r.patient.id}`, { cookie: a.r.clinician.cookie }),
      h.call("GET", `/api/v1/adverse-events/${a.r.adverseEvent}/history`, { cookie: a.r.clinician.cookie }),
      h.call("GET", `/api/v1/patients/${a.r.patient.id}/treatments/${a.r.treatment.id}/history`, {
        cookie: a.r.clinician.cookie,
      }),
      h.call("GET", `/api/v1/portal/drafts/${a.r.baselineFollowUp}`, { cookie: a.r.patient.cookie }),
      h.call("GET", `/api/v1/portal/decisions/${a.r.decision}/summary.pdf`, { cookie: a.r.patient.cookie }),
      h.call("GET", `/api/v1/research/exports/${a.r.researchExport}/files/records.csv`, {
        cookie: a.admin.cookie,
      }),
    ]);
    expect(own.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
