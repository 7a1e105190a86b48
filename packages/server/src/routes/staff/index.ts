/**
 * Managing a clinic's staff (administrators; rules in db/repos/staff.ts and
 * domain/access/staff.ts): invite by e-mail, change a role, disable and re-enable, reset a lost
 * second factor, see and end staff sessions, and the clinic's two-step sign-in rule.
 */
import {
  ChangeRoleRequest,
  InviteStaffRequest,
  idParam,
  MfaPolicy,
  SessionList,
  StaffList,
  StaffMember,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "../../http/env";
import { clinicRepositories, requirePermission } from "../../http/scoped";
import { json, problems } from "../common";

const tags = ["Staff"];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const list = createRoute({
  method: "get",
  path: "/staff",
  tags,
  summary: "The clinic's staff accounts and its two-step sign-in rule",
  middleware: [requirePermission("staff:manage")] as const,
  responses: { 200: json(StaffList, "Staff"), ...problems(401, 403) },
});

const invite = createRoute({
  method: "post",
  path: "/staff",
  tags,
  summary: "Invite a staff member: their account waits for them to set a password through the e-mailed link",
  middleware: [requirePermission("staff:manage")] as const,
  request: body(InviteStaffRequest),
  responses: { 201: json(StaffMember, "Invited"), ...problems(400, 401, 403, 409) },
});

const action = (path: string, summary: string) =>
  createRoute({
    method: "post",
    path: `/staff/{id}/${path}`,
    tags,
    summary,
    middleware: [requirePermission("staff:manage")] as const,
    request: { params: idParam },
    responses: { 200: json(StaffMember, "The staff member"), ...problems(400, 401, 403, 404, 409) },
  });

const reinvite = action(
  "invitations",
  "Send a new invitation link to someone who has not set a password yet",
);
const disable = action("disable", "Disable an account: no sign-in, and every session ends at once");
const enable = action("enable", "Re-enable a disabled account");
const resetMfa = action(
  "mfa-reset",
  "Turn off someone's two-step sign-in (lost phone and codes); their sessions end",
);

const changeRole = createRoute({
  method: "put",
  path: "/staff/{id}/role",
  tags,
  summary: "Change a role (the clinic keeps at least one active administrator)",
  middleware: [requirePermission("staff:manage")] as const,
  request: { params: idParam, ...body(ChangeRoleRequest) },
  responses: { 200: json(StaffMember, "The staff member"), ...problems(400, 401, 403, 404, 409) },
});

const sessions = createRoute({
  method: "get",
  path: "/staff/sessions",
  tags,
  summary: "Every open staff session of the clinic",
  middleware: [requirePermission("staff:manage")] as const,
  responses: { 200: json(SessionList, "Sessions"), ...problems(401, 403) },
});

const endSession = createRoute({
  method: "delete",
  path: "/staff/sessions/{id}",
  tags,
  summary: "End a staff session",
  middleware: [requirePermission("staff:manage")] as const,
  request: { params: idParam },
  responses: { 204: { description: "Ended" }, ...problems(401, 403, 404) },
});

const setPolicy = createRoute({
  method: "put",
  path: "/clinic/mfa-policy",
  tags,
  summary: "Require two-step sign-in of every staff member (administrators always need it)",
  middleware: [requirePermission("staff:manage")] as const,
  request: body(MfaPolicy),
  responses: { 200: json(MfaPolicy, "The rule"), ...problems(400, 401, 403) },
});

export function staffRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json(await clinicRepositories(c).staff.list(), 200));
  app.openapi(invite, async (c) =>
    c.json(await clinicRepositories(c).staff.invite(c.req.valid("json")), 201),
  );
  app.openapi(reinvite, async (c) =>
    c.json(await clinicRepositories(c).staff.reinvite(c.req.valid("param").id), 200),
  );
  app.openapi(disable, async (c) =>
    c.json(await clinicRepositories(c).staff.disable(c.req.valid("param").id), 200),
  );
  app.openapi(enable, async (c) =>
    c.json(await clinicRepositories(c).staff.enable(c.req.valid("param").id), 200),
  );
  app.openapi(resetMfa, async (c) =>
    c.json(await clinicRepositories(c).staff.resetMfa(c.req.valid("param").id), 200),
  );
  app.openapi(changeRole, async (c) =>
    c.json(
      await clinicRepositories(c).staff.changeRole(c.req.valid("param").id, c.req.valid("json").role),
      200,
    ),
  );
  app.openapi(sessions, async (c) =>
    c.json({ items: await clinicRepositories(c).staff.sessions(c.get("session")?.sessionId ?? null) }, 200),
  );
  app.openapi(endSession, async (c) => {
    await clinicRepositories(c).staff.endSession(c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(setPolicy, async (c) => {
    const { requireMfa } = c.req.valid("json");
    await clinicRepositories(c).staff.setRequireMfa(requireMfa);
    return c.json({ requireMfa }, 200);
  });
}
