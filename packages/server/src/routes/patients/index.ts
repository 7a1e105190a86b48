/**
 * Clinic staff: the patient list and record, adding a patient (with the first episode, the
 * baseline follow-up and the portal invitation), re-inviting, recording and correcting a treatment
 * (with its history), entering
 * questionnaire answers on a patient's behalf, and correcting stored answers (a new version with
 * the reason; the earlier one is kept).
 */

import {
  badRequest,
  ErrorCode,
  EvidentError,
  isIsoDate,
  mayOverrideCandidacy,
  toIsoDate,
} from "@evident/domain";
import {
  email,
  idParam,
  PatientCreate,
  PatientDetail,
  PatientList,
  PatientListQuery,
  RecordHistory,
  ResponseBatch,
  ResponseCorrection,
  ResponseView,
  TreatmentCorrected,
  TreatmentCorrection,
  TreatmentCreate,
  TreatmentView,
  uuid,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission, staffActor } from "../../http/scoped";
import { json, problems } from "../common";
import { checkBirthDate, treatmentDetails } from "./rules";

const tag = ["Patients"];

const list = createRoute({
  method: "get",
  path: "/patients",
  tags: tag,
  summary: "Search the clinic's patients by name or record number",
  middleware: [requirePermission("patients:read")] as const,
  request: { query: PatientListQuery },
  responses: { 200: json(PatientList, "Matching patients"), ...problems(400, 401, 403) },
});

const get = createRoute({
  method: "get",
  path: "/patients/{id}",
  tags: tag,
  summary: "A patient's record: episodes, answers with scores, treatments, follow-ups",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(PatientDetail, "The patient"), ...problems(400, 401, 403, 404) },
});

const create = createRoute({
  method: "post",
  path: "/patients",
  tags: tag,
  summary: "Add a patient with their back-pain episode; invites them to the portal when an e-mail is given",
  middleware: [requirePermission("patients:write")] as const,
  request: { body: { content: { "application/json": { schema: PatientCreate } }, required: true } },
  responses: { 201: json(PatientDetail, "Created"), ...problems(400, 401, 403, 409, 413) },
});

const invite = createRoute({
  method: "post",
  path: "/patients/{id}/invitations",
  tags: tag,
  summary: "Send (again) a portal invitation",
  middleware: [requirePermission("patients:invite")] as const,
  request: {
    params: idParam,
    body: {
      content: { "application/json": { schema: z.object({ email: email.optional() }).strict() } },
      required: false,
    },
  },
  responses: {
    201: json(z.object({ invitationId: z.string() }), "Invitation queued in the outbox"),
    ...problems(400, 401, 403, 404),
  },
});

const recordTreatment = createRoute({
  method: "post",
  path: "/patients/{id}/treatments",
  tags: tag,
  summary:
    "Record a treatment and what was done (the procedure record); schedules the follow-ups of the clinic's measurement plan (2 and 6 weeks, 3, 6, 12 and 24 months). An injection, cell therapy or operation is refused (409) while a red-flag triage waits for a clinician's review. An investigational treatment (cell therapy, PRP) needs a current, eligible candidacy sign-off, else it is refused (409 naming `candidacy`) unless a clinician overrides it with a reason (`candidacyOverride`); and the patient's signed procedure consent of the current version for its kind, else it is refused (409 naming `consent`) unless a clinician overrides it with a reason (`consentOverride`)",
  middleware: [requirePermission("treatments:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: TreatmentCreate } }, required: true },
  },
  responses: { 201: json(TreatmentView, "Recorded"), ...problems(400, 401, 403, 404, 409) },
});

const correctTreatment = createRoute({
  method: "put",
  path: "/patients/{id}/treatments/{treatmentId}",
  tags: tag,
  summary:
    "Correct a recorded treatment: the whole record as it should read, the version it was read at (409 if it changed since) and the reason. The earlier version is kept. A new date moves its follow-ups; answers already given are kept, and those now outside their window are named. A kind corrected to an investigational one, or an investigational treatment's new date, passes the candidacy gate again (409 naming `candidacy`, or `candidacyOverride` with a reason)",
  middleware: [requirePermission("treatments:write")] as const,
  request: {
    params: idParam.extend({ treatmentId: uuid }),
    body: { content: { "application/json": { schema: TreatmentCorrection } }, required: true },
  },
  responses: {
    200: json(TreatmentCorrected, "The corrected treatment and what happened to its follow-ups"),
    ...problems(400, 401, 403, 404, 409),
  },
});

const treatmentHistory = createRoute({
  method: "get",
  path: "/patients/{id}/treatments/{treatmentId}/history",
  tags: tag,
  summary: "A treatment's corrections, newest first: when, by whom, why, and each field before and after",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam.extend({ treatmentId: uuid }) },
  responses: { 200: json(RecordHistory, "The history"), ...problems(400, 401, 403, 404) },
});

const enterResponses = createRoute({
  method: "post",
  path: "/patients/{id}/responses",
  tags: tag,
  summary:
    "Enter questionnaire answers on the patient's behalf (e.g. by phone). A questionnaire the follow-up already holds is refused (409 naming it, with when and by whom it was answered): correct those answers instead",
  middleware: [requirePermission("responses:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: ResponseBatch } }, required: true },
  },
  responses: {
    201: json(z.object({ responses: z.array(ResponseView) }), "Stored and scored"),
    ...problems(400, 401, 403, 404, 409),
  },
});

const correctResponse = createRoute({
  method: "post",
  path: "/patients/{id}/responses/{responseId}/corrections",
  tags: tag,
  summary:
    "Correct a stored answer set: writes a new version (same follow-up and completion time, scored afresh) with the reason; the earlier version is kept and marked superseded",
  middleware: [requirePermission("responses:write")] as const,
  request: {
    params: idParam.extend({ responseId: uuid }),
    body: { content: { "application/json": { schema: ResponseCorrection } }, required: true },
  },
  responses: {
    201: json(ResponseView, "The new, current version"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export function patientRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) =>
    c.json(await clinicRepositories(c).patients.list(c.req.valid("query")), 200),
  );

  app.openapi(get, async (c) =>
    c.json(await clinicRepositories(c).patients.get(c.req.valid("param").id), 200),
  );

  app.openapi(create, async (c) => {
    const input = c.req.valid("json");
    const repos = clinicRepositories(c);
    const today = toIsoDate(c.get("deps").clock.now());
    const issues = [
      ...checkBirthDate(input.birthDate, today),
      ...checkOnset(input.episode.onsetDate, input.birthDate, today),
    ];
    if (input.invite === true && !input.email)
      issues.push({ path: "email", message: "is needed to send a portal invitation" });
    if (issues.length) throw badRequest(issues);
    return c.json(await repos.patients.create(input), 201);
  });

  app.openapi(invite, async (c) => {
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return c.json(await clinicRepositories(c).patients.invite(c.req.valid("param").id, body?.email), 201);
  });

  app.openapi(recordTreatment, async (c) => {
    const { procedure, ...rest } = c.req.valid("json");
    checkOverrideAllowed(c, rest.candidacyOverride);
    checkOverrideAllowed(c, rest.consentOverride, "consentOverride");
    const details = treatmentDetails({ ...rest, procedure }, toIsoDate(c.get("deps").clock.now()));
    return c.json(
      await clinicRepositories(c).treatments.record(c.req.valid("param").id, { ...rest, details }),
      201,
    );
  });

  app.openapi(correctTreatment, async (c) => {
    const { id, treatmentId } = c.req.valid("param");
    const { procedure, ...rest } = c.req.valid("json");
    checkOverrideAllowed(c, rest.candidacyOverride);
    checkOverrideAllowed(c, rest.consentOverride, "consentOverride");
    const details = treatmentDetails({ ...rest, procedure }, toIsoDate(c.get("deps").clock.now()));
    return c.json(await clinicRepositories(c).treatments.correct(id, treatmentId, { ...rest, details }), 200);
  });

  app.openapi(treatmentHistory, async (c) => {
    const { id, treatmentId } = c.req.valid("param");
    return c.json(await clinicRepositories(c).treatments.history(id, treatmentId), 200);
  });

  app.openapi(enterResponses, async (c) => {
    const input = c.req.valid("json");
    const { responses } = await clinicRepositories(c).responses.submit(
      c.req.valid("param").id,
      input,
      "clinic",
    );
    return c.json({ responses }, 201);
  });

  app.openapi(correctResponse, async (c) => {
    const { id, responseId } = c.req.valid("param");
    return c.json(await clinicRepositories(c).responses.correct(id, responseId, c.req.valid("json")), 201);
  });
}

/**
 * Only a user who may sign off candidacy may set the candidacy gate or the consent gate aside
 * (access/policy.ts `mayOverrideCandidacy`: a clinician's judgement); checked here, beside the
 * route's own permission, so that granting coordinators the recording of treatments would not let
 * them override.
 */
function checkOverrideAllowed(
  c: Context<AppEnv>,
  override: { reason: string } | undefined,
  field: "candidacyOverride" | "consentOverride" = "candidacyOverride",
) {
  if (!override) return;
  const actor = staffActor(c);
  const gate = field === "candidacyOverride" ? "candidacy" : "consent";
  if (!mayOverrideCandidacy(actor))
    throw new EvidentError(
      ErrorCode.forbidden,
      `Your role (${actor.role}) may not override the ${gate} gate`,
      [{ path: field, message: `only a user who may sign off candidacy may override the ${gate} gate` }],
    );
}

function checkOnset(onset: string | undefined, birthDate: string, today: string) {
  if (!onset || !isIsoDate(onset) || !isIsoDate(birthDate)) return [];
  if (onset > today) return [{ path: "episode.onsetDate", message: "cannot be in the future" }];
  if (onset < birthDate) return [{ path: "episode.onsetDate", message: "cannot be before the birth date" }];
  return [];
}
