/**
 * Sign-in and sign-out for staff and patients, and the current user. Sign-in always issues a
 * fresh session id (rotation) and revokes the one presented, so a session fixed before sign-in is
 * useless after it.
 *
 * The order of a sign-in: the throttle first (a client that must wait is told so before its
 * password is checked), then the password, then — for staff who use two-step sign-in — the code
 * from their authenticator or a recovery code. A right password without a code is answered with
 * a 401 naming `code` and is not counted as a failure; a wrong password or a wrong code is.
 * Every success and failure is recorded for the throttle and audited; so is sign-out.
 */
import { authRepository, type Client, mfaRepository, type SessionPrincipal } from "@evident/db";
import { ErrorCode, EvidentError, grantsOf, KNOWN_FOR_DAYS, unauthenticated } from "@evident/domain";
import { AcceptInvitationRequest, InvitationInfo, Me, SignInRequest } from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "../../auth/cookies";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { checkThrottle, clientOf, rememberDevice } from "../../auth/throttle";
import { looksLikeRecoveryCode, matchingStep } from "../../auth/totp";
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
        mfa: p.mfa,
      }
    : {
        kind: "patient",
        id: p.accountId,
        patientId: p.patientId,
        name: p.name,
        language: p.language,
        clinic: { id: p.clinicId, name: p.clinicName, emergencyNumber: p.clinicEmergencyNumber },
      };
}

const badCredentials = () =>
  new EvidentError(ErrorCode.unauthenticated, "E-mail address or password is wrong");
const codeNeeded = () =>
  new EvidentError(
    ErrorCode.unauthenticated,
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes",
    [{ path: "code", message: "is required" }],
  );
const badCode = () =>
  new EvidentError(ErrorCode.unauthenticated, "That code is not right, or it was used already", [
    { path: "code", message: "is not right, or was used already" },
  ]);

export type Candidate = {
  kind: "staff" | "patient";
  id: string;
  hash: string | null;
  clinicId: string;
  patientId: string | null;
  mfaSecret: string | null;
};

async function findCandidate(c: Context<AppEnv>, who: "staff" | "patient", email: string) {
  const repo = authRepository(c.get("deps").database.system.db);
  if (who === "staff") {
    const u = await repo.findStaffByEmail(email);
    return u
      ? ({
          kind: "staff",
          id: u.id,
          hash: u.passwordHash,
          clinicId: u.clinicId,
          patientId: null,
          mfaSecret: u.mfaEnabledAt ? u.mfaSecret : null,
        } satisfies Candidate)
      : null;
  }
  const a = await repo.findPatientAccountByEmail(email);
  return a?.activatedAt
    ? ({
        kind: "patient",
        id: a.id,
        hash: a.passwordHash,
        clinicId: a.clinicId,
        patientId: a.patientId,
        mfaSecret: null,
      } satisfies Candidate)
    : null;
}

/** Checks a TOTP code (each time step once) or uses up a recovery code. */
async function secondFactorOk(c: Context<AppEnv>, who: Candidate, sealed: string, code: string) {
  const { database, clock, secrets } = c.get("deps");
  const mfa = mfaRepository(database.system.db);
  if (looksLikeRecoveryCode(code)) return mfa.useRecoveryCode(who.id, code, clock.now());
  const step = matchingStep(secrets.open(sealed), code, clock.now());
  return step !== null && (await mfa.acceptStep(who.id, step));
}

/** Starts a session for someone whose credentials were checked; sets both cookies. */
export async function startSession(
  c: Context<AppEnv>,
  who: Candidate,
  email: string,
  client: Client,
): Promise<Me> {
  const { database, clock, config } = c.get("deps");
  const repo = authRepository(database.system.db);
  const now = clock.now();
  const old = readSessionCookie(c);
  if (old) {
    const previous = await repo.findSession(old);
    if (previous) await repo.revokeSession(previous.sessionId, now);
  }
  const expiresAt = new Date(now.getTime() + config.session.maxHours * 3_600_000);
  const { token, handle } = await repo.createSession(
    who.kind === "staff"
      ? { kind: "staff", staffUserId: who.id }
      : { kind: "patient", patientAccountId: who.id },
    who.clinicId,
    now,
    expiresAt,
    client,
  );
  writeSessionCookie(c, token, expiresAt);
  const session = await repo.findSession(token);
  if (!session) throw badCredentials();
  await repo.recordSignIn({
    kind: who.kind,
    email,
    client,
    at: now,
    requestId: c.get("requestId"),
    outcome: {
      ok: true,
      accountId: who.id,
      clinicId: who.clinicId,
      patientId: who.patientId,
      sessionHandle: handle,
    },
  });
  return presentMe(session);
}
const deadLink = () =>
  new EvidentError(
    ErrorCode.notFound,
    "This invitation link has expired or was already used. Ask your clinic for a new one.",
  );

export function signInRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const who of ["staff", "patient"] as const) {
    app.openapi(signIn(who), async (c) => {
      const { email, password, code } = c.req.valid("json");
      const { database, clock } = c.get("deps");
      const repo = authRepository(database.system.db);
      const now = clock.now();
      const client = clientOf(c);
      await repo.pruneAttempts(new Date(now.getTime() - KNOWN_FOR_DAYS * 86_400_000));
      await checkThrottle(repo, who, email, client, now);
      const candidate = await findCandidate(c, who, email);
      const fail = async (reason: string, error: EvidentError) => {
        await repo.recordSignIn({
          kind: who,
          email,
          client,
          at: now,
          requestId: c.get("requestId"),
          outcome: {
            ok: false,
            reason,
            accountId: candidate?.id ?? null,
            clinicId: candidate?.clinicId ?? null,
          },
        });
        throw error;
      };
      const ok = await verifyPassword(candidate?.hash, password);
      if (!ok || !candidate) return fail(candidate ? "password" : "unknown-account", badCredentials());
      if (candidate.mfaSecret) {
        if (!code) throw codeNeeded();
        if (!(await secondFactorOk(c, candidate, candidate.mfaSecret, code))) return fail("code", badCode());
      }
      const me = await startSession(c, candidate, email, rememberDevice(c, client));
      return c.json(me, 200);
    });
  }

  app.openapi(signOut, async (c) => {
    const session = c.get("session");
    if (session)
      await authRepository(c.get("deps").database.system.db).revokeSession(
        session.sessionId,
        c.get("deps").clock.now(),
        {
          principal: session,
          requestId: c.get("requestId"),
        },
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
    const row = await authRepository(database.system.db).findInvitation(token, clock.now());
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
    const { database, clock } = c.get("deps");
    const repo = authRepository(database.system.db);
    const account = await repo.acceptInvitation(
      token,
      await hashPassword(password),
      clock.now(),
      c.get("requestId"),
    );
    if (!account) throw deadLink();
    const who: Candidate = {
      kind: "patient",
      id: account.id,
      hash: null,
      clinicId: account.clinicId,
      patientId: account.patientId,
      mfaSecret: null,
    };
    return c.json(await startSession(c, who, account.email, rememberDevice(c, clientOf(c))), 200);
  });
}
