/**
 * Loads the signed-in principal from the session cookie on every request and enforces the two
 * expiries (ASVS 7.3): idle (no request for `idleMinutes`) and absolute (`maxHours` after
 * sign-in). An expired or revoked session is treated as none, and its cookie is cleared.
 */

import { authRepository, type SessionPrincipal } from "@evident/db";
import type { Actor } from "@evident/domain";
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
    const repo = authRepository(database.db);
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
