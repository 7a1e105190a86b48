/**
 * Sign-in and sign-out for staff and patients, the current user, and the portal invitation link.
 * Sign-in always issues a fresh session id (rotation) and revokes the one presented, so a
 * session fixed before sign-in is useless after it.
 */

import { authRepository, type SessionPrincipal } from "@evident/db";
import { ErrorCode, EvidentError, grantsOf, unauthenticated } from "@evident/domain";
import { AcceptInvitationRequest, InvitationInfo, Me, SignInRequest } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "../../auth/cookies";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { checkSignInAllowed } from "../../auth/rate-limit";
import { clientIp } from "../../http/client-ip";
import type { AppEnv } from "../../http/env";
import { json, problems } from "../common";

const tag = ["Sign-in"];

const signIn = (who: "staff" | "patient") =>
  createRoute({
    method: "post",
    path: `/auth/${who}/sign-in`,
    tags: tag,
    summary: `Sign in as ${who === "staff" ? "a staff member" : "a patient"}`,
    request: { body: { content: { "application/json": { schema: SignInRequest } }, required: true } },
    responses: { 200: json(Me, "Signed in; the session cookie is set"), ...problems(400, 401, 429) },
  });

const signOut = createRoute({
  method: "post",
  path: "/auth/sign-out",
  tags: tag,
  summary: "Sign out (revokes the session)",
  responses: { 204: { description: "Signed out" } },
});

const me = createRoute({
  method: "get",
  path: "/auth/me",
  tags: tag,
  summary: "The signed-in user",
  responses: { 200: json(Me, "The signed-in user"), ...problems(401) },
});

const lookupInvitation = createRoute({
  method: "post",
  path: "/invitations/lookup",
  tags: tag,
  summary: "Check a portal invitation link",
  request: {
    body: {
      content: { "application/json": { schema: z.object({ token: z.string().min(16).max(200) }) } },
      required: true,
    },
  },
  responses: { 200: json(InvitationInfo, "Valid invitation"), ...problems(400, 404) },
});

const acceptInvitation = createRoute({
  method: "post",
  path: "/invitations/accept",
  tags: tag,
  summary: "Use a portal invitation: set a password and sign in",
  request: { body: { content: { "application/json": { schema: AcceptInvitationRequest } }, required: true } },
  responses: { 200: json(Me, "Account activated and signed in"), ...problems(400, 404) },
});

export function presentMe(p: SessionPrincipal): Me {
  return p.kind === "staff"
    ? {
        kind: "staff",
        id: p.userId,
        name: p.name,
        email: p.email,
        role: p.role,
        clinic: { id: p.clinicId, name: p.clinicName, emergencyNumber: p.clinicEmergencyNumber },
        permissions: [...grantsOf(p.role)],
      }
    : {
        kind: "patient",
        id: p.accountId,
        patientId: p.patientId,
        name: p.name,
        clinic: { id: p.clinicId, name: p.clinicName, emergencyNumber: p.clinicEmergencyNumber },
      };
}

const badCredentials = () =>
  new EvidentError(ErrorCode.unauthenticated, "E-mail address or password is wrong");
const deadLink = () =>
  new EvidentError(
    ErrorCode.notFound,
    "This invitation link has expired or was already used. Ask your clinic for a new one.",
  );

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const who of ["staff", "patient"] as const) {
    app.openapi(signIn(who), async (c) => {
      const { email, password } = c.req.valid("json");
      const { database, clock, config } = c.get("deps");
      const repo = authRepository(database.db);
      const now = clock.now();
      const ip = clientIp(c);
      await checkSignInAllowed(repo, email, ip, now);
      const principal =
        who === "staff"
          ? await repo
              .findStaffByEmail(email)
              .then((u) =>
                u ? { kind: "staff" as const, id: u.id, hash: u.passwordHash, clinicId: u.clinicId } : null,
              )
          : await repo
              .findPatientAccountByEmail(email)
              .then((a) =>
                a?.activatedAt
                  ? { kind: "patient" as const, id: a.id, hash: a.passwordHash, clinicId: a.clinicId }
                  : null,
              );
      const ok = await verifyPassword(principal?.hash, password);
      await repo.recordAttempt(email, ip, ok, now);
      if (!ok || !principal) throw badCredentials();
      const old = readSessionCookie(c);
      if (old) {
        const previous = await repo.findSession(old);
        if (previous) await repo.revokeSession(previous.sessionId, now);
      }
      const expiresAt = new Date(now.getTime() + config.session.maxHours * 3_600_000);
      const token = await repo.createSession(
        principal.kind === "staff"
          ? { kind: "staff", staffUserId: principal.id }
          : { kind: "patient", patientAccountId: principal.id },
        principal.clinicId,
        now,
        expiresAt,
      );
      writeSessionCookie(c, token, expiresAt);
      const session = await repo.findSession(token);
      if (!session) throw badCredentials();
      return c.json(presentMe(session), 200);
    });
  }

  app.openapi(signOut, async (c) => {
    const session = c.get("session");
    if (session)
      await authRepository(c.get("deps").database.db).revokeSession(
        session.sessionId,
        c.get("deps").clock.now(),
      );
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(me, async (c) => {
    const session = c.get("session");
    if (!session) throw unauthenticated();
    return c.json(presentMe(session), 200);
  });

  app.openapi(lookupInvitation, async (c) => {
    const { token } = c.req.valid("json");
    const { database, clock } = c.get("deps");
    const row = await authRepository(database.db).findInvitation(token, clock.now());
    if (!row) throw deadLink();
    return c.json(
      {
        patientName: row.patientName,
        clinicName: row.clinicName,
        expiresAt: row.invitation.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(acceptInvitation, async (c) => {
    const { token, password } = c.req.valid("json");
    const { database, clock, config } = c.get("deps");
    const repo = authRepository(database.db);
    const now = clock.now();
    const account = await repo.acceptInvitation(token, await hashPassword(password), now, c.get("requestId"));
    if (!account) throw deadLink();
    const expiresAt = new Date(now.getTime() + config.session.maxHours * 3_600_000);
    const session = await repo.createSession(
      { kind: "patient", patientAccountId: account.id },
      account.clinicId,
      now,
      expiresAt,
    );
    writeSessionCookie(c, session, expiresAt);
    const principal = await repo.findSession(session);
    if (!principal) throw deadLink();
    return c.json(presentMe(principal), 200);
  });
}
