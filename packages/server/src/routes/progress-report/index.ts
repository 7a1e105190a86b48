/**
 * The progress report to print and talk over in a consultation (domain/progress-report, drawn by
 * pdf/progress-report.ts): staff for a patient of their clinic, a patient for their own record
 * from the portal. Each download is audited as a read of the patient's record.
 */
import { idParam } from "@evident/domain/api";
import { contentLanguages } from "@evident/domain/evidence";
import { progressReport } from "@evident/domain/progress-report";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, portalRepositories, requirePatient, requirePermission } from "../../http/scoped";
import { progressReportPdf } from "../../pdf/progress-report";
import { problems } from "../common";

const tag = ["Patients"];
const langQuery = z.object({ lang: z.enum(contentLanguages).optional() });
const pdfBody = { description: "The report", content: { "application/pdf": { schema: z.string() } } };

const summary =
  "The progress report as a PDF of one or two pages: each score over time against its important change (MCID, cited), the back pain beside the typical course of similar patients (where 30 answered), the pain diary and opioid use (MME), treatments, adverse events and follow-ups answered of those due, in `lang` (default: the patient's language)";

const staff = createRoute({
  method: "get",
  path: "/patients/{id}/progress-report.pdf",
  tags: tag,
  summary,
  middleware: [requirePermission("patients:read")] as const,
  request: { params: idParam, query: langQuery },
  responses: { 200: pdfBody, ...problems(400, 401, 403, 404) },
});

const portal = createRoute({
  method: "get",
  path: "/portal/progress-report.pdf",
  tags: ["Portal"],
  summary: `The signed-in patient's own progress report. ${summary}`,
  middleware: [requirePatient] as const,
  request: { query: langQuery },
  responses: { 200: pdfBody, ...problems(400, 401, 403) },
});

async function send(c: Context<AppEnv>, data: Parameters<typeof progressReport>[0]) {
  const pdf = await progressReportPdf(progressReport(data));
  const name = data.language === "es" ? "informe-de-evolucion" : "progress-report";
  return c.body(pdf as unknown as ArrayBuffer, 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${name}-${data.today}.pdf"`,
  });
}

export function progressReportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(staff, async (c) => {
    const data = await clinicRepositories(c).progressReport.gather(
      c.req.valid("param").id,
      c.req.valid("query").lang,
    );
    return send(c, data) as never;
  });
  app.openapi(portal, async (c) => {
    const { actor, progressReport: reports } = portalRepositories(c);
    return send(c, await reports.gather(actor.patientId, c.req.valid("query").lang)) as never;
  });
}
