/**
 * A read-only FHIR R4 view of the instrument library, patients' answers and scores, and adverse
 * events, for systems that speak FHIR (mounted at /api/fhir):
 *
 *   GET Questionnaire                        every instrument, as a searchset Bundle (public)
 *   GET Questionnaire/{id}                   one instrument ("odi", or its FHIR id "nrs-back")
 *   GET QuestionnaireResponse?patient={id}   a patient's current answer sets (staff, patients:read)
 *   GET Observation?patient={id}             their scores (staff, patients:read)
 *   GET AdverseEvent/{id}                    one adverse event, at its current version (staff)
 *   GET AdverseEvent?subject={id}            a patient's adverse events (staff, patients:read)
 *
 * Bodies are application/fhir+json; errors are OperationOutcomes with the status of our error
 * type. Patient reads go through the scoped patient repository, so they are limited to the
 * user's clinic and audited. Only current versions are exported: a corrected answer set is
 * "amended", and so are its scores; an updated adverse event carries its version in
 * meta.versionId (its earlier versions are in the clinic's record history). The mapping itself is the domain's (@evident/domain/fhir).
 */

import type { ResponseRow } from "@evident/db/repos/response-views";
import { badRequest, ErrorCode, EvidentError, notFound } from "@evident/domain";
import { toFhirAdverseEvent } from "@evident/domain/adverse-events/export";
import { idParam } from "@evident/domain/api";
import {
  type FhirResource,
  fhirId,
  operationOutcome,
  searchBundle,
  toObservations,
  toQuestionnaire,
  toQuestionnaireResponse,
} from "@evident/domain/fhir";
import { findInstrument, instruments } from "@evident/domain/instruments";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/env";
import { logRequestError } from "../../http/logger";
import { toEvidentError } from "../../http/problem";
import { clinicRepositories, requirePermission } from "../../http/scoped";

const FHIR_JSON = "application/fhir+json; charset=utf-8";

function fhirJson(c: Context<AppEnv>, body: unknown, status: 200 | 400 | 401 | 403 | 404 | 500 = 200) {
  return c.body(JSON.stringify(body), status, { "content-type": FHIR_JSON });
}

const baseOf = (c: Context<AppEnv>) => `${c.get("deps").config.publicUrl}/api/fhir`;
const selfOf = (c: Context<AppEnv>) =>
  `${baseOf(c)}${c.req.path.replace(/^\/api\/fhir/, "")}${new URL(c.req.url).search}`;

/**
 * The one search parameter `name` (`patient` for answers and scores, `subject` for adverse
 * events, as FHIR R4 defines them): `<id>` or `Patient/<id>`, and nothing else, named when wrong.
 */
function patientParam(c: Context<AppEnv>, name: "patient" | "subject" = "patient"): string {
  const query = new URL(c.req.url).searchParams;
  const issues = [...query.keys()]
    .filter((k) => k !== name)
    .map((k) => ({ path: k, message: `is not a supported search parameter (use ${name})` }));
  const raw = query.get(name);
  if (raw === null) issues.push({ path: name, message: "is required" });
  const id = (raw ?? "").replace(/^Patient\//, "");
  const parsed = idParam.safeParse({ id });
  if (raw !== null && !parsed.success) issues.push({ path: name, message: "must be a patient id (UUID)" });
  if (issues.length > 0) throw badRequest(issues);
  return id;
}

function storedOf(r: ResponseRow, patientId: string) {
  return {
    id: r.id,
    answers: r.answers,
    authored: r.completedAt.toISOString(),
    subject: { reference: `Patient/${patientId}` },
    ...(r.supersedesId ? { status: "amended" as const } : {}),
  };
}

export function fhirRoutes(): Hono<AppEnv> {
  const fhir = new Hono<AppEnv>();

  fhir.onError((err, c) => {
    const known = toEvidentError(err);
    if (!known) logRequestError(c, err);
    const e =
      known ??
      new EvidentError(ErrorCode.internal, "Something went wrong on our side. The error was logged.");
    return fhirJson(c, operationOutcome(e.code, e.message, e.issues), e.status as 400);
  });

  fhir.get("/Questionnaire", (c) =>
    fhirJson(c, searchBundle(instruments.map(toQuestionnaire), selfOf(c), baseOf(c))),
  );

  fhir.get("/Questionnaire/:id", (c) => {
    const id = c.req.param("id");
    const def = findInstrument(id) ?? instruments.find((i) => fhirId(i.id) === id);
    if (!def) throw notFound("Questionnaire");
    return fhirJson(c, toQuestionnaire(def));
  });

  fhir.get("/QuestionnaireResponse", requirePermission("patients:read"), async (c) => {
    const patientId = patientParam(c);
    const rows = await clinicRepositories(c).patients.currentResponses(
      patientId,
      "fhir-questionnaire-response",
    );
    const resources: FhirResource[] = rows.flatMap((r) => {
      const def = findInstrument(r.instrument);
      return def ? [toQuestionnaireResponse(def, storedOf(r, patientId))] : [];
    });
    return fhirJson(c, searchBundle(resources, selfOf(c), baseOf(c)));
  });

  fhir.get("/Observation", requirePermission("patients:read"), async (c) => {
    const patientId = patientParam(c);
    const rows = await clinicRepositories(c).patients.currentResponses(patientId, "fhir-observation");
    const resources: FhirResource[] = rows.flatMap((r) => {
      const def = findInstrument(r.instrument);
      if (!def) return [];
      return toObservations(def, r.answers, {
        effective: r.completedAt.toISOString(),
        subject: { reference: `Patient/${patientId}` },
        derivedFrom: { reference: `QuestionnaireResponse/${r.id}` },
        status: r.supersedesId ? "amended" : "final",
        idPrefix: r.id,
      });
    });
    return fhirJson(c, searchBundle(resources, selfOf(c), baseOf(c)));
  });

  fhir.get("/AdverseEvent", requirePermission("patients:read"), async (c) => {
    const events = await clinicRepositories(c).adverseEventExports.forPatient(patientParam(c, "subject"));
    return fhirJson(c, searchBundle(events.map(toFhirAdverseEvent), selfOf(c), baseOf(c)));
  });

  fhir.get("/AdverseEvent/:id", requirePermission("patients:read"), async (c) => {
    const parsed = idParam.safeParse({ id: c.req.param("id") });
    if (!parsed.success) throw notFound("AdverseEvent");
    return fhirJson(
      c,
      toFhirAdverseEvent(await clinicRepositories(c).adverseEventExports.read(parsed.data.id)),
    );
  });

  // Anything else (another resource type, a write): not here, said the FHIR way.
  fhir.all("*", () => {
    throw notFound("FHIR resource type or operation");
  });

  return fhir;
}
