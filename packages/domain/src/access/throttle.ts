/**
 * Sign-in throttling that an attacker cannot turn against the people it protects (OWASP
 * Authentication Cheat Sheet, "Login throttling" and "device cookies"; NIST SP 800-63B 5.2.2).
 *
 * Nothing is ever locked: past a number of free failures, a client must wait before its next
 * attempt, and each further failure doubles the wait (30 s, 1 min, 2 min … at most 15 min). The
 * wait is answered with 429 and Retry-After before the password is even checked, so guessing
 * cannot go faster than the waits allow.
 *
 * Failures are counted three ways, over the last hour:
 * - **pair**: this account from this client (its device cookie, or its address). Applies to
 *   everyone; a success of the same pair starts it again.
 * - **account**: this account from every client — a guess spread over many addresses.
 * - **address**: this address against every account — spraying one password over many accounts.
 *
 * A *known* client — one that signed in to this account before (its device cookie, or its
 * address, within KNOWN_FOR_DAYS) — is held only by its own pair count. So an attack on an account
 * from elsewhere, or a crowd of attackers behind the same proxy, never slows down the account's
 * owner on a browser or network they used before. An unknown client (a new browser on a new
 * network) is also held by the account and address counts; resetting the password by e-mail makes
 * that browser known. Addresses are counted one by one, never by range.
 */

export const THROTTLE_WINDOW_MINUTES = 60;
export const KNOWN_FOR_DAYS = 90;
export const FREE_FAILURES = { pair: 5, account: 10, address: 30 } as const;
export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 15 * 60;

export type FailureCount = { failures: number; last: Date | null };

export type ThrottleCounts = {
  known: boolean;
  pair: FailureCount;
  account: FailureCount;
  address: FailureCount;
};

/** The wait after `failures` failures when `free` are allowed: 0 below it, then doubling. */
export function waitSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 20);
  return Math.min(FIRST_WAIT_SECONDS * 2 ** doublings, MAX_WAIT_SECONDS);
}

/** Seconds the client must still wait before trying (0: it may try now). */
export function throttleWait(counts: ThrottleCounts, now: Date): number {
  const checks: [FailureCount, number][] = [[counts.pair, FREE_FAILURES.pair]];
  if (!counts.known) {
    checks.push([counts.account, FREE_FAILURES.account], [counts.address, FREE_FAILURES.address]);
  }
  let wait = 0;
  for (const [count, free] of checks) {
    if (!count.last) continue;
    const until = count.last.getTime() + waitSeconds(count.failures, free) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}
