/**
 * The clinic's own settings: its time zone (the diary reminder goes out in its evening), its
 * country and emergency number (the number every patient text tells patients to call), and
 * whether researchers see its name on the benchmarking funnel.
 */
import {
  ClinicBenchmarkNamingInput,
  ClinicEmergencyInput,
  ClinicSettings,
  ClinicTimeZoneInput,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const read = createRoute({
  method: "get",
  path: "/clinic",
  tags: ["Clinic"],
  summary: "The signed-in staff member's clinic: name, time zone, country and emergency number",
  middleware: [requirePermission("patients:read")] as const,
  responses: { 200: json(ClinicSettings, "The clinic"), ...problems(401, 403) },
});

const setTimeZone = createRoute({
  method: "put",
  path: "/clinic/time-zone",
  tags: ["Clinic"],
  summary:
    "Set the clinic's time zone (an IANA name such as America/New_York): daily diary reminders go out at 19:00 there, daylight saving time included",
  middleware: [requirePermission("clinic:configure")] as const,
  request: { body: { content: { "application/json": { schema: ClinicTimeZoneInput } }, required: true } },
  responses: { 200: json(ClinicSettings, "The clinic"), ...problems(400, 401, 403) },
});

const setEmergencyNumber = createRoute({
  method: "put",
  path: "/clinic/emergency-number",
  tags: ["Clinic"],
  summary:
    "Set the clinic's country (ISO 3166-1 alpha-2) and, optionally, its own emergency number. Every patient text (triage advice, recovery warnings, problem reports, e-mails) names this number; without one of its own the clinic uses its country's default (US/CA/MX 911, GB 999, EU 112, AU 000, NZ 111). A country without a known default needs the clinic's own number (400 naming emergencyNumber).",
  middleware: [requirePermission("clinic:configure")] as const,
  request: { body: { content: { "application/json": { schema: ClinicEmergencyInput } }, required: true } },
  responses: { 200: json(ClinicSettings, "The clinic"), ...problems(400, 401, 403) },
});

const setBenchmarkNaming = createRoute({
  method: "put",
  path: "/clinic/benchmark-naming",
  tags: ["Clinic"],
  summary:
    "Agree (named: true) or stop agreeing that researchers see the clinic's name on the benchmarking funnel plot; without agreement they see only its label. Audited, with the value before and after.",
  middleware: [requirePermission("clinic:configure")] as const,
  request: {
    body: { content: { "application/json": { schema: ClinicBenchmarkNamingInput } }, required: true },
  },
  responses: { 200: json(ClinicSettings, "The clinic"), ...problems(400, 401, 403) },
});

export function clinicRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(read, async (c) => c.json(await clinicRepositories(c).clinic.get(), 200));
  app.openapi(setTimeZone, async (c) =>
    c.json(await clinicRepositories(c).clinic.setTimeZone(c.req.valid("json").timeZone), 200),
  );
  app.openapi(setEmergencyNumber, async (c) =>
    c.json(await clinicRepositories(c).clinic.setEmergencyNumber(c.req.valid("json")), 200),
  );
  app.openapi(setBenchmarkNaming, async (c) =>
    c.json(await clinicRepositories(c).clinic.setBenchmarkNamed(c.req.valid("json").named), 200),
  );
}
