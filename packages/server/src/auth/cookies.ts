/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Strict (not sent on requests
 * started by other sites), Secure when the app is served over https, and scoped to the whole app.
 * Its value is a 256-bit random token; the database stores only its SHA-256.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../http/env";

export const SESSION_COOKIE = "evident_session";

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: c.get("deps").config.publicUrl.startsWith("https:"),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
