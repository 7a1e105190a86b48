/**
 * Applies the sign-in throttle (rules and reasons: domain/access/throttle.ts) to a request: who the
 * client is — its address (http/client-ip.ts, X-Forwarded-For only with EVIDENT_TRUST_PROXY) and
 * its device cookie — and the 429 with Retry-After when it must wait. The counts live in the
 * database, so they hold across servers and restarts.
 *
 * The device cookie is a random value set at each successful sign-in (and when a password reset
 * is used); only its SHA-256 is stored, beside the successful attempt. A browser that presents it
 * is "known" to that account, so failures from elsewhere never slow it down.
 */
import { type AccountKind, type AuthRepository, type Client, hashToken, newToken } from "@evident/db";
import { KNOWN_FOR_DAYS, THROTTLE_WINDOW_MINUTES, throttleWait, tooManyRequests } from "@evident/domain";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { clientIp } from "../http/client-ip";
import type { AppEnv } from "../http/env";

export const DEVICE_COOKIE = "evident_device";

export function clientOf(c: Context<AppEnv>): Client & { deviceToken: string | undefined } {
  const deviceToken = getCookie(c, DEVICE_COOKIE);
  const valid = deviceToken && /^[A-Za-z0-9_-]{43}$/.test(deviceToken) ? deviceToken : undefined;
  return {
    ip: clientIp(c, c.get("deps").config.trustProxy),
    device: valid ? hashToken(valid) : null,
    deviceToken: valid,
    userAgent: c.req.header("user-agent") ?? null,
  };
}

/** Gives the browser a device cookie if it has none; returns the client with its device. */
export function rememberDevice(c: Context<AppEnv>, client: ReturnType<typeof clientOf>): Client {
  if (client.deviceToken) return client;
  const token = newToken();
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: c.get("deps").config.publicUrl.startsWith("https:"),
    path: "/api/v1/auth",
    maxAge: KNOWN_FOR_DAYS * 86_400,
  });
  return { ...client, device: hashToken(token) };
}

export async function checkThrottle(
  repo: AuthRepository,
  kind: AccountKind,
  email: string,
  client: Client,
  now: Date,
): Promise<void> {
  const counts = await repo.throttleCounts(
    kind,
    email,
    client,
    new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000),
    new Date(now.getTime() - KNOWN_FOR_DAYS * 86_400_000),
  );
  const wait = throttleWait(counts, now);
  if (wait > 0) {
    const when = wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
    throw tooManyRequests(wait, `Too many failed sign-in attempts. Please wait ${when}, then try again.`);
  }
}
