/**
 * A signed-in person's own account: two-step sign-in for staff (enrol with a QR code, confirm with
 * a first code, get recovery codes shown once; see how many are left and swap them for new ones
 * with the password; turn it off with the password), and their sessions
 * (see them, end one). Enrolment is allowed while the MFA gate holds everything else back.
 */
import { endOwnSession, listSessions, mfaRepository, passwordRepository } from "@evident/db";
import { badRequest, conflict, notFound, unauthenticated } from "@evident/domain";
import {
  idParam,
  MfaCode,
  MfaDisableRequest,
  MfaEnrolment,
  NewRecoveryCodesRequest,
  RecoveryCodes,
  RecoveryCodesLeft,
  SessionList,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { verifyPassword } from "../../auth/passwords";
import { matchingStep, newRecoveryCodes, newTotpSecret, qrSvg, totpUri } from "../../auth/totp";
import type { AppEnv } from "../../http/env";
import { actorDb, staffActor } from "../../http/scoped";
import { json, problems } from "../common";

const tags = ["Account"];

const startEnrolment = createRoute({
  method: "post",
  path: "/auth/mfa/enrolment",
  tags,
  summary: "Start setting up two-step sign-in: a new secret and its QR code (staff)",
  responses: {
    200: json(MfaEnrolment, "Scan the QR code, then confirm with a code"),
    ...problems(401, 403, 409),
  },
});

const confirmEnrolment = createRoute({
  method: "post",
  path: "/auth/mfa/enrolment/confirm",
  tags,
  summary: "Finish setting up two-step sign-in with a first code; returns the recovery codes, once",
  request: { body: { content: { "application/json": { schema: MfaCode } }, required: true } },
  responses: {
    200: json(RecoveryCodes, "On; keep these codes somewhere safe"),
    ...problems(400, 401, 403, 409),
  },
});

const disable = createRoute({
  method: "post",
  path: "/auth/mfa/disable",
  tags,
  summary:
    "Turn two-step sign-in off (password needed); if your role or clinic requires it, you set it up again before anything else",
  request: { body: { content: { "application/json": { schema: MfaDisableRequest } }, required: true } },
  responses: { 204: { description: "Off" }, ...problems(400, 401, 403) },
});

const recoveryCodesLeft = createRoute({
  method: "get",
  path: "/auth/mfa/recovery-codes",
  tags,
  summary: "How many of your recovery codes are still unused (staff with two-step sign-in on)",
  responses: { 200: json(RecoveryCodesLeft, "Unused codes"), ...problems(401, 403, 409) },
});

const newRecoveryCodes_ = createRoute({
  method: "post",
  path: "/auth/mfa/recovery-codes",
  tags,
  summary:
    "Replace your recovery codes with new ones (password needed); the old ones stop working and the new ones are shown once",
  request: { body: { content: { "application/json": { schema: NewRecoveryCodesRequest } }, required: true } },
  responses: {
    200: json(RecoveryCodes, "New codes; keep them somewhere safe"),
    ...problems(400, 401, 403, 409),
  },
});

const mySessions = createRoute({
  method: "get",
  path: "/auth/sessions",
  tags,
  summary: "Your sessions that are still open",
  responses: { 200: json(SessionList, "Sessions"), ...problems(401) },
});

const endMine = createRoute({
  method: "delete",
  path: "/auth/sessions/{id}",
  tags,
  summary: "End one of your sessions",
  request: { params: idParam },
  responses: { 204: { description: "Ended" }, ...problems(401, 404) },
});

function me(c: Context<AppEnv>) {
  const s = c.get("session");
  if (!s) throw unauthenticated();
  return s.kind === "staff"
    ? { kind: s.kind, id: s.userId, clinicId: s.clinicId, patientId: null }
    : { kind: s.kind, id: s.accountId, clinicId: s.clinicId, patientId: s.patientId };
}

export function accountRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(startEnrolment, async (c) => {
    const actor = staffActor(c);
    const { secrets } = c.get("deps");
    const session = c.get("session");
    const secret = newTotpSecret();
    if (!(await mfaRepository(actorDb(c)).startEnrolment(actor.userId, secrets.seal(secret))))
      throw conflict("Two-step sign-in is already on. Turn it off first to set up a new authenticator.");
    const uri = totpUri(secret, session?.kind === "staff" ? session.email : actor.name);
    return c.json({ secret, otpauthUri: uri, qrSvg: await qrSvg(uri) }, 200);
  });

  app.openapi(confirmEnrolment, async (c) => {
    const actor = staffActor(c);
    const { secrets, clock } = c.get("deps");
    const mfa = mfaRepository(actorDb(c));
    const state = await mfa.state(actor.userId);
    if (state?.enabledAt) throw conflict("Two-step sign-in is already on.");
    if (!state?.sealed) throw conflict("Start the set-up first: there is no pending secret.");
    const step = matchingStep(secrets.open(state.sealed), c.req.valid("json").code, clock.now());
    if (step === null) throw badRequest("is not the code your authenticator shows now", "code");
    const codes = newRecoveryCodes();
    const done = await mfa.confirmEnrolment(actor.userId, step, codes, {
      actorId: actor.userId,
      clinicId: actor.clinicId,
      requestId: c.get("requestId"),
      now: clock.now(),
    });
    if (!done) throw conflict("Two-step sign-in is already on.");
    return c.json({ recoveryCodes: codes }, 200);
  });

  app.openapi(recoveryCodesLeft, async (c) => {
    const actor = staffActor(c);
    const mfa = mfaRepository(actorDb(c));
    if (!(await mfa.state(actor.userId))?.enabledAt) throw conflict("Two-step sign-in is off.");
    return c.json({ unused: await mfa.recoveryCodesLeft(actor.userId) }, 200);
  });

  app.openapi(newRecoveryCodes_, async (c) => {
    const actor = staffActor(c);
    const { clock } = c.get("deps");
    const creds = await passwordRepository(actorDb(c)).credentials("staff", actor.userId);
    if (!(await verifyPassword(creds?.hash, c.req.valid("json").password)))
      throw badRequest("is not your current password", "password");
    const codes = newRecoveryCodes();
    const done = await mfaRepository(actorDb(c)).replaceRecoveryCodes(actor.userId, codes, {
      actorId: actor.userId,
      clinicId: actor.clinicId,
      requestId: c.get("requestId"),
      now: clock.now(),
    });
    if (!done) throw conflict("Two-step sign-in is off: set it up first.");
    return c.json({ recoveryCodes: codes }, 200);
  });

  app.openapi(disable, async (c) => {
    const actor = staffActor(c);
    const { clock } = c.get("deps");
    const creds = await passwordRepository(actorDb(c)).credentials("staff", actor.userId);
    if (!(await verifyPassword(creds?.hash, c.req.valid("json").password)))
      throw badRequest("is not your current password", "password");
    await mfaRepository(actorDb(c)).disableOwn(actor.userId, {
      actorId: actor.userId,
      clinicId: actor.clinicId,
      requestId: c.get("requestId"),
      now: clock.now(),
    });
    return c.body(null, 204);
  });

  app.openapi(mySessions, async (c) => {
    const who = me(c);
    const { clock, config } = c.get("deps");
    const items = await listSessions(
      actorDb(c),
      who.kind === "staff" ? { staffUserId: who.id } : { patientAccountId: who.id },
      clock.now(),
      config.session.idleMinutes,
      c.get("session")?.sessionId ?? null,
    );
    return c.json({ items }, 200);
  });

  app.openapi(endMine, async (c) => {
    const who = me(c);
    const { clock } = c.get("deps");
    const ok = await endOwnSession(actorDb(c), who, c.req.valid("param").id, clock.now(), c.get("requestId"));
    if (!ok) throw notFound("session");
    return c.body(null, 204);
  });
}
