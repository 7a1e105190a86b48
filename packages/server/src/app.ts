/**
 * The HTTP application, built from its dependencies (database, clock, mailer, config) with no
 * module-level state, so tests build one per database and drive it with `app.request()`.
 *
 *   /api/health         liveness + database check
 *   /api/v1/…           the JSON API (zod-validated; errors as problem+json)
 *   /api/fhir/…         read-only FHIR R4 (CapabilityStatement, SMART backend-services tokens,
 *                       read and paged search of the record's resources, Bulk Data $export)
 *   /api/openapi.json   OpenAPI 3.1 generated from the same zod schemas
 *   /api/docs           API docs page
 *   everything else     the built web app
 */

import { uuidv7 } from "@evident/db";
import { ErrorCode, EvidentError, notFound } from "@evident/domain";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { csrfGuard } from "./auth/csrf";
import { loadSession, mfaGate } from "./auth/session";
import { docsRoutes } from "./http/docs";
import type { AppDeps, AppEnv } from "./http/env";
import { healthRoute } from "./http/health";
import { requestLog } from "./http/logger";
import { onError } from "./http/problem";
import { serveWeb } from "./http/static";
import { rejectUnstorableText } from "./http/text-guard";
import { validationHook } from "./http/validation";
import { adverseEventRoutes } from "./routes/adverse-events";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { candidacyRoutes } from "./routes/candidacy";
import { clinicRoutes } from "./routes/clinic";
import { fhirClientRoutes } from "./routes/clinic/fhir-clients";
import { consentRoutes } from "./routes/consent";
import { decisionAidRoutes } from "./routes/decision-aid";
import { diaryRoutes } from "./routes/diary";
import { fhirRoutes } from "./routes/fhir";
import { imagingRoutes } from "./routes/imaging";
import { instrumentRoutes } from "./routes/instruments";
import { intakeRoutes } from "./routes/intakes";
import { jobRoutes } from "./routes/jobs";
import { outboxRoutes } from "./routes/outbox";
import { outcomeRoutes } from "./routes/outcomes";
import { patientRoutes } from "./routes/patients";
import { planRoutes } from "./routes/plans";
import { portalRoutes } from "./routes/portal";
import { programmeRoutes } from "./routes/programme";
import { progressReportRoutes } from "./routes/progress-report";
import { qualityRoutes } from "./routes/quality";
import { researchRoutes } from "./routes/research";
import { cohortRoutes } from "./routes/research/cohorts";
import { staffRoutes } from "./routes/staff";
import { storyRoutes } from "./routes/stories";
import { taskRoutes } from "./routes/tasks";
import { testClockRoutes } from "./routes/test-clock";
import { trackRecordRoutes } from "./routes/track-record";
import { worklistRoutes } from "./routes/worklist";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  authRoutes(api);
  patientRoutes(api);
  portalRoutes(api);
  outcomeRoutes(api);
  outboxRoutes(api);
  instrumentRoutes(api);
  planRoutes(api);
  jobRoutes(api);
  diaryRoutes(api);
  progressReportRoutes(api);
  programmeRoutes(api);
  adverseEventRoutes(api);
  worklistRoutes(api);
  imagingRoutes(api);
  taskRoutes(api);
  intakeRoutes(api);
  candidacyRoutes(api);
  consentRoutes(api);
  decisionAidRoutes(api);
  storyRoutes(api);
  clinicRoutes(api);
  fhirClientRoutes(api);
  staffRoutes(api);
  auditRoutes(api);
  qualityRoutes(api);
  researchRoutes(api);
  cohortRoutes(api);
  trackRecordRoutes(api);
  return api;
}

export function openApiDocument(api: OpenAPIHono<AppEnv>, version: string) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Evident API",
      version,
      description:
        "Back-pain care pathway and outcomes registry. Sign in with POST /auth/staff/sign-in; the session is an HttpOnly cookie. Errors are application/problem+json with `issues: [{path, message}]`.",
    },
    servers: [{ url: "/api/v1" }],
  });
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : uuidv7();
    c.set("requestId", id);
    c.set("deps", deps);
    await next();
    c.header("x-request-id", id);
  });
  app.use("*", requestLog);
  app.use(
    "*",
    secureHeaders({
      // One frame policy: nobody frames us (CSP frame-ancestors and X-Frame-Options agree).
      xFrameOptions: "DENY",
      // HSTS only where people reach us over https; over http browsers ignore it anyway, and a
      // test or intranet server must not pin a name to https.
      strictTransportSecurity: deps.config.publicUrl.startsWith("https://")
        ? "max-age=31536000; includeSubDomains"
        : false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );
  app.onError(onError);

  app.get("/api/health", healthRoute);

  const api = createApi();
  app.use(
    "/api/v1/*",
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new EvidentError(
          ErrorCode.payloadTooLarge,
          `Request body is larger than ${Math.round(deps.config.bodyLimitBytes / 1024)} KiB`,
          [{ path: "", message: "request body too large" }],
        );
      },
    }),
  );
  app.use("/api/v1/*", rejectUnstorableText);
  app.use("/api/v1/*", async (c, next) => {
    // API responses carry patient data: never cache them.
    await next();
    c.header("cache-control", "no-store");
  });
  app.use("/api/v1/*", csrfGuard);
  app.use("/api/v1/*", loadSession);
  app.use("/api/v1/*", mfaGate);
  if (deps.testClock) testClockRoutes(app, deps.testClock);
  app.route("/api/v1", api);

  // FHIR R4, read-only: instrument definitions for anyone, patients' answers for their staff.
  app.use("/api/fhir/*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  app.use("/api/fhir/*", rejectUnstorableText);
  app.use("/api/fhir/*", loadSession);
  app.use("/api/fhir/*", mfaGate);
  app.route("/api/fhir", fhirRoutes());

  const document = openApiDocument(api, deps.config.version);
  app.get("/api/openapi.json", (c) => c.json(document));
  docsRoutes(app as unknown as Hono<never>);

  app.all("/api/*", () => {
    throw notFound("API route");
  });
  if (deps.config.webDist) {
    const web = serveWeb(deps.config.webDist);
    app.get("*", web);
  }
  return app;
}
