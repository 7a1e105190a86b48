/**
 * Sign-in throttling (ASVS 6.1.1, 6.3.1), stored in the database so it holds across servers and
 * restarts: at most 5 failed attempts per e-mail address and 50 per client address in 15 minutes.
 * The per-address limit stops spraying many accounts; the per-account limit stops guessing one
 * password. A lock lasts only until the window moves on, so an attacker cannot lock a victim out
 * for longer than that.
 */

import type { AuthRepository } from "@evident/db";
import { tooManyRequests } from "@evident/domain";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;

export async function checkSignInAllowed(
  repo: AuthRepository,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const f = await repo.recentFailures(email, ip, since);
  if (f.byEmail >= MAX_FAILURES_PER_EMAIL || f.byIp >= MAX_FAILURES_PER_IP) {
    const oldest = f.oldest ?? now;
    const retry = Math.max(1, Math.ceil((oldest.getTime() + WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
    throw tooManyRequests(
      retry,
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retry / 60)} minute(s).`,
    );
  }
}
