/**
 * Adverse events: the patient's "report a problem" (urgent advice and a clinician task at once),
 * the clinic's record with CTCAE grade, ICH E2A seriousness and its reporting clock (updated as
 * follow-up comes in, every earlier version kept), the clocks
 * still running, and exports (MedWatch-style JSON and PDF, FHIR R4 AdverseEvent).
 */
import { medwatchReport, toFhirAdverseEvent } from "@evident/domain/adverse-events/export";
import {
  AdverseEventCreate,
  AdverseEventUpdate,
  AdverseEventView,
  idParam,
  PatientAdverseEvents,
  ProblemReportCreate,
  ProblemReportResult,
  RecordHistory,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { medwatchPdf } from "./pdf";

const tag = ["Adverse events"];

const report = createRoute({
  method: "post",
  path: "/portal/problems",
  tags: tag,
  summary:
    "Report a problem (fever, a red or leaking site, new weakness, a pain flare, a rash): returns the advice to show at once; opens a clinician task, urgent for fever or new weakness within 90 days of a procedure",
  middleware: [requirePatient] as const,
  request: { body: { content: { "application/json": { schema: ProblemReportCreate } }, required: true } },
  responses: { 201: json(ProblemReportResult, "Stored, with the advice"), ...problems(400, 401, 403) },
});

const create = createRoute({
  method: "post",
  path: "/patients/{id}/adverse-events",
  tags: tag,
  summary:
    "Record an adverse event (CTCAE grade, ICH E2A seriousness, relatedness, expectedness, outcome, actions)",
  middleware: [requirePermission("treatments:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: AdverseEventCreate } }, required: true },
  },
  responses: {
    201: json(AdverseEventView, "Recorded, with its reporting clock"),
    ...problems(400, 401, 403, 404),
  },
});

const update = createRoute({
  method: "put",
  path: "/adverse-events/{id}",
  tags: tag,
  summary:
    "Update an adverse event as follow-up comes in (outcome, grade, seriousness, relatedness, actions): the whole event as it should read, the version it was read at (409 if it changed since) and the reason. The earlier version is kept; the reporting clock is worked out again, from the day the event became known to qualify",
  middleware: [requirePermission("treatments:write")] as const,
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: AdverseEventUpdate } }, required: true },
  },
  responses: {
    200: json(AdverseEventView, "Updated, with its reporting clock"),
    ...problems(400, 401, 403, 404, 409),
  },
});

const history = createRoute({
  method: "get",
  path: "/adverse-events/{id}/history",
  tags: tag,
  summary: "An adverse event's changes, newest first: when, by whom, why, and each field before and after",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(RecordHistory, "The history"), ...problems(400, 401, 403, 404) },
});

const list = createRoute({
  method: "get",
  path: "/patients/{id}/adverse-events",
  tags: tag,
  summary: "A patient's adverse events and problem reports",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(PatientAdverseEvents, "Events and reports"), ...problems(400, 401, 403, 404) },
});

const clocks = createRoute({
  method: "get",
  path: "/adverse-events/clocks",
  tags: tag,
  summary: "Adverse events whose expedited report is still to be made, soonest due first",
  middleware: [requirePermission("patients:read")] as const,
  responses: {
    200: json(
      z.object({ items: z.array(AdverseEventView.extend({ patientName: z.string() })) }),
      "Running clocks",
    ),
    ...problems(401, 403),
  },
});

const submitted = createRoute({
  method: "post",
  path: "/adverse-events/{id}/report-submitted",
  tags: tag,
  summary: "Record that the expedited report was submitted (stops the clock)",
  middleware: [requirePermission("treatments:write")] as const,
  request: { params: idParam },
  responses: { 200: json(AdverseEventView, "Updated"), ...problems(400, 401, 403, 404) },
});

const exportJson = createRoute({
  method: "get",
  path: "/adverse-events/{id}/medwatch.json",
  tags: tag,
  summary: "MedWatch-style report (JSON; patient by initials, age and sex)",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: { 200: json(z.record(z.string(), z.unknown()), "The report"), ...problems(400, 401, 403, 404) },
});

const exportPdf = createRoute({
  method: "get",
  path: "/adverse-events/{id}/medwatch.pdf",
  tags: tag,
  summary: "MedWatch-style report (PDF)",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: {
    200: { description: "The report", content: { "application/pdf": { schema: z.string() } } },
    ...problems(400, 401, 403, 404),
  },
});

const exportFhir = createRoute({
  method: "get",
  path: "/adverse-events/{id}/fhir",
  tags: tag,
  summary: "The event as a FHIR R4 AdverseEvent",
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam },
  responses: {
    200: json(z.record(z.string(), z.unknown()), "FHIR AdverseEvent"),
    ...problems(400, 401, 403, 404),
  },
});

export function adverseEventRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(report, async (c) => {
    const { actor, problemReports } = portalRepositories(c);
    return c.json(await problemReports.reportProblem(actor.patientId, c.req.valid("json")), 201);
  });
  app.openapi(create, async (c) =>
    c.json(
      await clinicRepositories(c).adverseEvents.record(c.req.valid("param").id, c.req.valid("json")),
      201,
    ),
  );
  app.openapi(update, async (c) =>
    c.json(
      await clinicRepositories(c).adverseEvents.update(c.req.valid("param").id, c.req.valid("json")),
      200,
    ),
  );
  app.openapi(history, async (c) =>
    c.json(await clinicRepositories(c).adverseEvents.history(c.req.valid("param").id), 200),
  );
  app.openapi(list, async (c) =>
    c.json(await clinicRepositories(c).adverseEvents.forPatient(c.req.valid("param").id), 200),
  );
  app.openapi(clocks, async (c) =>
    c.json({ items: await clinicRepositories(c).adverseEvents.openClocks() }, 200),
  );
  app.openapi(submitted, async (c) =>
    c.json(await clinicRepositories(c).adverseEvents.markSubmitted(c.req.valid("param").id), 200),
  );
  app.openapi(exportJson, async (c) => {
    const r = await clinicRepositories(c).adverseEventExports.exportRecord(
      c.req.valid("param").id,
      "medwatch-json",
    );
    return c.json(medwatchReport(r) as Record<string, unknown>, 200);
  });
  app.openapi(exportPdf, async (c) => {
    const r = await clinicRepositories(c).adverseEventExports.exportRecord(
      c.req.valid("param").id,
      "medwatch-pdf",
    );
    const pdf = await medwatchPdf(medwatchReport(r));
    return c.body(pdf as unknown as ArrayBuffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="adverse-event-${r.id}.pdf"`,
    }) as never;
  });
  app.openapi(exportFhir, async (c) => {
    const r = await clinicRepositories(c).adverseEventExports.exportRecord(
      c.req.valid("param").id,
      "fhir-json",
    );
    return c.json(toFhirAdverseEvent(r) as unknown as Record<string, unknown>, 200);
  });
}
