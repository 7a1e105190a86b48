/**
 * The red-flag intake. The patient answers in the portal and is told only what to do now (the
 * advice for the tier); the clinic gets its task (and, for an emergency, a message) in the same
 * transaction. Staff may enter the answers a patient gives by phone or at the desk: same
 * contract, same rules, same consequences, stored as entered by them on the patient's behalf.
 * Clinicians see the flags with their sources and review them, which lifts the hold on procedures
 * and the decision aid.
 */

import {
  IntakeReview,
  IntakeSubmit,
  IntakeView,
  idParam,
  PatientTriage,
  PortalIntakeState,
  StaffIntakeResult,
  uuid,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

/** What every intake submission says about its answers, in the OpenAPI description. */
const answersContract =
  'Every yes/no question takes true, false or "unsure" ("not sure" is never read as "no"); the age comes from the birth date on record, on the intake\'s date in the clinic\'s time zone, and may be left out. 400: a malformed answer (wrong type, unknown field, number out of range), naming each malformed field. 422: every answer well-formed but the intake incomplete — each missing or null answer named by its id (`answers.bladderDysfunction`), or a typed age that contradicts the birth date (`answers.age`). Nothing is written on either.';

const portalState = createRoute({
  method: "get",
  path: "/portal/intake",
  tags: ["Portal"],
  summary: "The patient's latest intake advice, and whether the decision aid is open",
  middleware: [requirePatient] as const,
  responses: { 200: json(PortalIntakeState, "Intake state"), ...problems(401, 403) },
});

const portalSubmit = createRoute({
  method: "post",
  path: "/portal/intake",
  tags: ["Portal"],
  summary:
    "Submit the red-flag intake: stored verbatim with the rules version; an emergency opens a clinic task and messages the clinicians at once",
  description: answersContract,
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: IntakeSubmit } }, required: true } },
  responses: { 201: json(PortalIntakeState, "Stored; what to do now"), ...problems(400, 401, 403, 413, 422) },
});

const staffSubmit = createRoute({
  method: "post",
  path: "/patients/{id}/intakes",
  tags: ["Triage"],
  summary:
    "Enter the safety answers a patient gave by phone or at the desk: the same answers, rules and consequences as the portal (an emergency opens a task due now, messages the clinicians and holds procedures), stored as entered by this staff member on the patient's behalf",
  description: answersContract,
  middleware: [requirePermission("responses:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: IntakeSubmit } }, required: true },
  },
  responses: {
    201: json(StaffIntakeResult, "Stored; the flags, and the advice to give the patient now"),
    ...problems(400, 401, 403, 404, 413, 422),
  },
});

const triage = createRoute({
  method: "get",
  path: "/patients/{id}/triage",
  tags: ["Triage"],
  summary:
    "A patient's intakes with their red flags and reviews, the STarT Back care route, and any hold on procedures",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(PatientTriage, "Triage"), ...problems(400, 401, 403, 404) },
});

const review = createRoute({
  method: "post",
  path: "/patients/{id}/intakes/{intakeId}/review",
  tags: ["Triage"],
  summary:
    "A clinician has reviewed this triage: lifts its hold on procedures and the decision aid, closes its tasks. An emergency or urgent triage needs a note of what was done (400 naming note); the note is kept with the review and in the audit trail",
  middleware: [requirePermission("triage:review")] as const,
  request: {
    params: idParam.extend({ intakeId: uuid }),
    body: { content: { "application/json": { schema: IntakeReview } }, required: false },
  },
  responses: { 200: json(IntakeView, "Reviewed"), ...problems(400, 401, 403, 404, 409) },
});

export function intakeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(portalState, async (c) => {
    const { actor, intakes } = portalRepositories(c);
    return c.json(await intakes.stateFor(actor.patientId), 200);
  });

  app.openapi(portalSubmit, async (c) => {
    const { actor, intakes } = portalRepositories(c);
    const { state } = await intakes.submit(actor.patientId, c.req.valid("json").answers, "portal");
    return c.json(state, 201);
  });

  app.openapi(staffSubmit, async (c) => {
    const { id } = c.req.valid("param");
    const { view, advice } = await clinicRepositories(c).intakes.submit(
      id,
      c.req.valid("json").answers,
      "clinic",
    );
    return c.json({ intake: view, patientAdvice: advice }, 201);
  });

  app.openapi(triage, async (c) =>
    c.json(await clinicRepositories(c).intakes.triageOf(c.req.valid("param").id), 200),
  );

  app.openapi(review, async (c) => {
    const { id, intakeId } = c.req.valid("param");
    const note = c.req.header("content-type")?.includes("json") ? c.req.valid("json").note : undefined;
    return c.json(await clinicRepositories(c).intakes.review(id, intakeId, note), 200);
  });
}
