/**
 * Loads the signed-in principal from the session cookie on every request and enforces the two
 * expiries (ASVS 7.3): idle (no request for `idleMinutes`) and absolute (`maxHours` after
 * sign-in). An expired or revoked session is treated as none, and its cookie is cleared.
 */

import { authRepository, type SessionPrincipal } from "@evident/db";
import { type Actor, ErrorCode, EvidentError } from "@evident/domain";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env";
import { clearSessionCookie, readSessionCookie } from "./cookies";

/** Writing last-seen on every request would make every read a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export function actorOf(p: SessionPrincipal): Actor {
  return p.kind === "staff"
    ? { kind: "staff", userId: p.userId, clinicId: p.clinicId, role: p.role, name: p.name }
    : { kind: "patient", accountId: p.accountId, patientId: p.patientId, clinicId: p.clinicId, name: p.name };
}

export function sessionExpired(p: SessionPrincipal, now: Date, idleMinutes: number): boolean {
  return now >= p.expiresAt || now.getTime() - p.lastSeenAt.getTime() > idleMinutes * 60_000;
}

export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("session", null);
  c.set("actor", null);
  const token = readSessionCookie(c);
  if (token) {
    const { database, clock, config } = c.get("deps");
    const repo = authRepository(database.system.db);
    const principal = await repo.findSession(token);
    const now = clock.now();
    if (!principal || sessionExpired(principal, now, config.session.idleMinutes)) {
      if (principal) await repo.revokeSession(principal.sessionId, now);
      clearSessionCookie(c);
    } else {
      if (now.getTime() - principal.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await repo.touchSession(principal.sessionId, now);
      c.set("session", principal);
      c.set("actor", actorOf(principal));
    }
  }
  await next();
};

/** What a staff member who must set up two-step sign-in may still do (paths under /api/v1). */
const ALLOWED_BEFORE_MFA = new Set([
  "/auth/me",
  "/auth/sign-out",
  "/auth/mfa/enrolment",
  "/auth/mfa/enrolment/confirm",
  "/auth/password",
  "/auth/sessions",
]);

/**
 * Admins (and all staff of a clinic that asks for it) must use two-step sign-in: until they have
 * set it up, their session can do nothing but set it up (ASVS 6.3.3). The rule is read on every
 * request, so a clinic that turns it on holds everyone back at their next click.
 */
export const mfaGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const s = c.get("session");
  if (s?.kind === "staff" && s.mfa.required && !s.mfa.enabled) {
    const path = c.req.path.replace(/^\/api\/v1/, "");
    if (!ALLOWED_BEFORE_MFA.has(path))
      throw new EvidentError(
        ErrorCode.forbidden,
        "Set up two-step sign-in first: your account needs it before anything else (POST /auth/mfa/enrolment).",
      );
  }
  await next();
};
